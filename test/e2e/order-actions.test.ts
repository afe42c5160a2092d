import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoPersona } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { TEST_ADDRESS } from '../support/shop-fixtures'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/** A buyer of her own, so the demo's orders do not fill her lists. */
const XU: DemoPersona = { key: 'orders-xu', openid: 'o-e2e-orders-xu', name: '许晴', role: 'consumer', description: '常回购的老顾客' }

/**
 * What a buyer does with orders after they are over, and what stops a buyer who leaves too many
 * unpaid: 再次购买 puts the lines back into the cart (and says which cannot be bought), 删除订单 takes
 * a finished order out of the list, and a sixth unpaid order leads to the five waiting.
 */
describe('order actions', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let addressId: string
  let cancelled: { _id: string }

  const here = () => currentPage(page)
  const modal = () => page.locator('.taro__modal')
  const as = (fn: string, action: string, payload: unknown) => callAs(shop.cloud, XU.openid, fn, action, payload)
  const place = async (lines: Array<{ skuId: string; quantity: number }>) => (await as('order', 'placeOrder', { requestId: randomUUID(), lines, addressId })).data
  const card = () => here().locator('.order-card')
  const openList = async (tab: string) => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/list/index?tab=${tab}`)
  }

  beforeAll(async () => {
    shop = await startShop([XU])
    ;({ browser, page, shot } = await openPhone('order-actions'))
    addressId = (await as('address', 'saveAddress', { address: TEST_ADDRESS })).data._id
    // An order of three lines, cancelled; since then one product has sold out and one left the shelf.
    cancelled = await place([
      { skuId: 'p-longjing-mingqian-50g-gift', quantity: 2 },
      { skuId: 'p-shoumei-2016-350g-gift', quantity: 1 },
      { skuId: 'p-xinyang-maojian-125g', quantity: 1 },
    ])
    expect(await as('order', 'cancelOrder', { orderId: cancelled._id, reason: '不想买了' })).toMatchObject({ ok: true })
    await shop.db.collection('skus').doc('p-shoumei-2016-350g-gift').update({ data: { stock: 0 } })
    await shop.db.collection('products').doc('p-xinyang-maojian').update({ data: { onShelf: false } })
    await signIn(page, shop.cloud.url, XU.name)
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('再次购买 puts what can still be bought into the cart, names what cannot, and opens the cart', async () => {
    await openList('all')
    await expect.poll(() => card().locator('.order-actions__button').allInnerTexts()).toEqual(['删除订单', '再次购买'])
    await shot('01-cancelled-order-actions')

    await card().locator('.order-actions__button', { hasText: '再次购买' }).click()
    await modal().locator('.taro-modal__title', { hasText: '部分商品未加入购物车' }).waitFor()
    expect(await modal().locator('.taro-modal__text').innerText()).toBe('老白茶 寿眉饼 2016、信阳毛尖 雨前一级 已售罄、下架或库存不足，未加入购物车')
    await shot('02-buy-again-skipped')
    await modal().locator('.taro-model__confirm', { hasText: '知道了' }).click()

    await expect.poll(() => page.url()).toContain('/pages/cart/index')
    await expect.poll(() => here().locator('.cart-line__title').allInnerTexts()).toEqual(['西湖龙井 明前特级'])
    expect(await here().locator('.quantity-stepper__value').allInnerTexts()).toEqual(['2'])
    await shot('03-cart-after-buy-again')
    const cart = (await shop.db.collection('carts').doc(XU.openid).get()).data
    expect(cart.lines).toEqual([expect.objectContaining({ skuId: 'p-longjing-mingqian-50g-gift', quantity: 2 })])
  })

  it('删除订单 asks first, then the order leaves the list; HQ still has it', async () => {
    await openList('all')
    await card().first().waitFor()
    await card().locator('.order-actions__button', { hasText: '删除订单' }).click()
    await modal().locator('.taro-modal__title', { hasText: '删除订单' }).waitFor()
    await shot('04-delete-confirm')
    await modal().locator('.taro-model__confirm', { hasText: '删除' }).click()
    await expect.poll(() => card().count()).toBe(0)
    await shot('05-order-deleted')

    // A fresh load of the list asks the server again: the order stays out of it.
    await openList('all')
    await page.reload()
    await here().locator('.order-list__body').waitFor()
    await page.waitForTimeout(500)
    expect(await card().count()).toBe(0)
    const stored = (await shop.db.collection('orders').doc(cancelled._id).get()).data
    expect(stored).toMatchObject({ status: 'cancelled', hiddenByBuyerAt: expect.any(Date) })
  })

  it('a sixth unpaid order is refused with the five waiting, and 查看订单 leads to them', async () => {
    for (let i = 0; i < 5; i++) await place([{ skuId: 'p-longjing-mingqian-50g-gift', quantity: 1 }])
    const lines = encodeURIComponent('p-longjing-mingqian-50g-gift*1')
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/checkout/index?lines=${lines}`)
    await here().locator('.amounts__payable').waitFor()
    await here().locator('.checkout__submit').click()
    await modal().locator('.taro-modal__text', { hasText: '您有 5 笔未付款订单，请先支付或取消' }).waitFor()
    await shot('06-unpaid-limit')
    expect((await shop.db.collection('orders').where({ buyerOpenid: XU.openid, status: 'pending_payment' }).count()).total).toBe(5)

    await modal().locator('.taro-model__confirm', { hasText: '查看订单' }).click()
    await expect.poll(() => page.url()).toContain('/package-orders/pages/list/index?tab=pending_payment')
    await expect.poll(() => card().count()).toBe(5)
    expect(await card().first().locator('.order-actions__button').allInnerTexts()).toEqual(['取消订单', '去支付'])
    await shot('07-unpaid-orders')
  })
})
