import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { shipOrder } from '../support/employees'
import { callAs } from '../support/local-cloud'
import { buyer, eventually } from '../support/orders'
import { RETURN_ADDRESS } from '../support/shop-fixtures'
import { currentPage, openPhone, startShop } from './support/shop'

/**
 * 林小雨's paid order of two 黄山毛峰 and one 信阳毛尖 (¥244.00), in the H5 build: she asks for one
 * 黄山毛峰 back and thinks better of it (撤销申请); later she asks again and HQ refunds it; the order
 * page shows each refund and the total refunded, and 我的订单's 售后 tab lists the order and not her
 * other one. (Orders are placed and paid through the functions: the shopping flow is its own test.)
 */
describe('after-sales: withdrawing a request, the refunded amount, the 售后 tab', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let orderId = ''
  let otherId = ''

  const lin = demoPersonas.find((p) => p.name === '林小雨')!
  const hqAdmin = demoPersonas.find((p) => p.role === 'hq_admin')!
  const here = () => currentPage(page)
  const storedRefund = async () => (await shop.db.collection('orders').doc(orderId).get()).data.refund
  const askForOne = () => callAs(shop.cloud, lin.openid, 'order', 'requestRefund', { orderId, reason: '买多了', lines: [{ lineIndex: 0, quantity: 1 }] })
  const openOrder = async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${orderId}`)
    await here().locator('.status-header__status').waitFor()
  }

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('after-sales'))
    const b = buyer(shop.cloud, lin.openid)
    for (const lines of [
      [{ skuId: 'p-xinyang-maojian-125g', quantity: 1 }],
      [
        { skuId: 'p-huangshan-maofeng-100g-bag', quantity: 2 },
        { skuId: 'p-xinyang-maojian-125g', quantity: 1 },
      ],
    ]) {
      const placed = await b.place(lines)
      await b.pay(placed.data._id)
      await eventually(() => b.order(placed.data._id), (o) => o.status === 'paid')
      otherId = orderId
      orderId = placed.data._id
    }
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('signs in as 林小雨; her request for one 黄山毛峰 waits for HQ, and she may withdraw it', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    await here().locator('.dev-sign-in__persona', { hasText: lin.name }).click()
    await expect.poll(() => here().locator('.me__name').innerText()).toBe(lin.name)
    expect((await askForOne()).ok).toBe(true)
    await openOrder()
    await here().locator('.status-header__refund', { hasText: '退款申请中' }).waitFor()
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['撤销申请'])
    await shot('01-refund-requested')
  })

  it('撤销申请: after a confirmation the order is 待发货 as before, the request is marked withdrawn, and she may ask again', async () => {
    await here().locator('.order-actions__button', { hasText: '撤销申请' }).click()
    await page.locator('.taro__modal .taro-modal__title', { hasText: '撤销退款申请' }).waitFor()
    await shot('02-withdraw-confirm')
    await page.locator('.taro__modal .taro-modal__foot div:last-child').last().click()

    await here().locator('.status-header__refund', { hasText: '退款已撤销' }).waitFor()
    expect(await here().locator('.status-header__status').innerText()).toBe('待发货')
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['申请退款'])
    expect(await here().locator('.refunds__status').allInnerTexts()).toEqual(['退款已撤销'])
    expect(await here().locator('.refunds__total').count()).toBe(0)
    expect(await here().locator('.timeline__text').allInnerTexts()).toEqual(expect.arrayContaining(['买家撤销退款申请']))
    expect((await storedRefund()).status).toBe('withdrawn')
    // HQ's queue no longer holds it.
    expect((await callAs(shop.cloud, hqAdmin.openid, 'hq', 'getWorkbench')).data.refundsRequested).toBe(0)
    await shot('03-withdrawn')
  })

  it('asked again and refunded by HQ: each refund is listed, with the total refunded', async () => {
    expect((await askForOne()).ok).toBe(true)
    expect((await callAs(shop.cloud, hqAdmin.openid, 'hq-orders', 'approveRefund', { orderId })).ok).toBe(true)
    await expect.poll(async () => (await storedRefund()).status, { timeout: 5_000 }).toBe('refunded')

    await openOrder()
    await expect.poll(() => here().locator('.refunds__status').allInnerTexts()).toEqual(['已退款', '退款已撤销'])
    expect(await here().locator('.refunds__amount').allInnerTexts()).toEqual(['¥88.00', '¥88.00'])
    expect(await here().locator('.refunds__total').innerText()).toMatch(/^累计已退款\s*¥88\.00$/)
    await here().locator('.refunds__total').scrollIntoViewIfNeeded()
    await shot('04-refunded-total')
  })

  it('售后 lists the order with a refund, and not her other order', async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/list/index?tab=after_sales`)
    await expect.poll(() => here().locator('.order-card__status').allInnerTexts()).toEqual(['待发货 · 部分退款'])
    expect(await here().locator('.order-list__tab--current').innerText()).toBe('售后')
    await shot('05-after-sales-tab')

    await here().locator('.order-list__tab', { hasText: '全部' }).click()
    await expect.poll(() => here().locator('.order-card').count()).toBe(2)
    expect(otherId).not.toBe(orderId)
  })

  it('退货退款 once shipped: she chooses it in the refund form, HQ agrees, she gives the return carrier and tracking number, and HQ’s receipt refunds it', async () => {
    expect((await shipOrder(shop.cloud, otherId, 'SF2026112903', 'SF', hqAdmin.openid)).ok).toBe(true)
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${otherId}`)
    await here().locator('.order-actions__button', { hasText: '申请退款' }).click()
    await here().locator('.refund-sheet__kind', { hasText: '退货退款' }).click()
    await here().locator('.reason-sheet__reason', { hasText: '质量问题' }).click()
    await shot('06-return-form')
    await here().locator('.reason-sheet__confirm').click()
    await here().locator('.status-header__refund', { hasText: '退款申请中' }).waitFor()
    expect((await shop.db.collection('orders').doc(otherId).get()).data.refund).toMatchObject({ kind: 'return', status: 'requested' })

    // HQ has said where returns go (test/e2e/returns.test.ts sets it on the rules page), and agrees.
    expect((await callAs(shop.cloud, hqAdmin.openid, 'hq-orders', 'setReturnRules', { rules: { address: RETURN_ADDRESS } })).ok).toBe(true)
    expect((await callAs(shop.cloud, hqAdmin.openid, 'hq-orders', 'approveReturn', { orderId: otherId })).data.refund.status).toBe('awaiting_return')
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${otherId}`)
    await here().locator('.status-header__hint', { hasText: '请寄回商品并填写退货物流' }).waitFor()
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['撤销申请', '填写退货物流'])
    await here().locator('.order-actions__button', { hasText: '填写退货物流' }).click()
    await here().locator('.return-sheet .reason-sheet__reason', { hasText: '中通快递' }).click()
    await here().locator('.return-sheet__tracking input').fill('ZT7300012345')
    await shot('07-return-tracking')
    await here().locator('.return-sheet .reason-sheet__confirm').click()
    await here().locator('.status-header__refund', { hasText: '商品寄回中' }).waitFor()
    expect(await here().locator('.refunds__return').innerText()).toBe('退货退款 · 中通快递 ZT7300012345')
    await shot('08-returning')

    // HQ (何静, on her own phone) has the goods back and says so on the order's page.
    const hqPhone = await openPhone('after-sales', browser)
    const hqHere = () => currentPage(hqPhone.page)
    await hqPhone.page.goto(`${shop.cloud.url}/#/pages/me/index`)
    await hqHere().locator('.dev-sign-in__persona', { hasText: hqAdmin.name }).click()
    await hqHere().locator('.me__hq').waitFor()
    await hqPhone.page.goto(`${shop.cloud.url}/#/package-hq/pages/order/index?id=${otherId}`)
    await hqHere().locator('.hq-order__return', { hasText: '中通快递 ZT7300012345' }).waitFor()
    await hqPhone.shot('10-hq-return-arrived')
    await hqHere().locator('.hq-order__receive-return').click()
    await expect.poll(async () => (await shop.db.collection('orders').doc(otherId).get()).data.refund.status, { timeout: 5_000 }).toBe('refunded')
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${otherId}`)
    await expect.poll(() => here().locator('.status-header__status').innerText()).toBe('已退款')
    expect(await here().locator('.refunds__return').innerText()).toBe('退货退款 · 中通快递 ZT7300012345 · 商家已收货')
    await shot('09-return-refunded')
  })
})
