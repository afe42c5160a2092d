import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { TEST_ADDRESS } from '../support/shop-fixtures'
import { currentPage, launch, openPhone, signIn, startShop } from './support/shop'

/**
 * 限时折扣 end to end: the demo's HQ persona 何静 creates 双十二限时折扣 (20% off 西湖龙井 明前特级, from
 * now for a day) on 总部工作台; 林小雨 sees the campaign price with the list price struck through and a
 * countdown on the search card and the product page, and pays the campaign price for 100g 礼盒
 * (¥348.00 → ¥278.40).
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const LONGJING = '西湖龙井 明前特级'

describe('HQ creates a 限时折扣 and a shopper pays its price', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let campaignId = ''
  const here = () => currentPage(page)

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('campaigns'))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('何静 creates 双十二限时折扣 on the 工作台: a price above the list price is refused, 20% off is saved and runs at once', async () => {
    await signIn(page, shop.cloud.url, HQ.name)
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__campaigns').click()
    await here().locator('.hq-campaigns__new').click()
    const form = here()
    await form.locator('.hq-campaign__name input').waitFor()
    await form.locator('.hq-campaign__name input').fill('双十二限时折扣')
    const longjing = form.locator('.hq-campaign__product', { hasText: LONGJING })
    await longjing.locator('.hq-campaign__pick').click()
    await longjing.locator('.hq-campaign__amount input').fill('999')
    await form.locator('.hq-campaign__save').click()
    await expect.poll(() => form.locator('.hq-campaign__failure').innerText()).toBe('活动价不能高于原价 ¥158.00')
    await shot('01-campaign-refused')

    await longjing.locator('.hq-campaign__mode--off').click()
    await longjing.locator('.hq-campaign__amount input').fill('20')
    await shot('02-campaign-form')
    await form.locator('.hq-campaign__save').click()
    const card = here().locator('.hq-campaigns__card', { hasText: '双十二限时折扣' })
    await card.waitFor()
    await expect.poll(() => card.locator('.hq-campaigns__phase').innerText()).toBe('进行中')
    await shot('03-campaigns')
    const { data } = await shop.db.collection('campaigns').where({ name: '双十二限时折扣' }).get()
    expect(data).toMatchObject([{ items: [{ productId: 'p-longjing-mingqian', skuId: null, offBps: 2000 }], stoppedAt: null }])
    campaignId = data[0]._id
  })

  it('林小雨 sees the campaign price struck against the list price, with a countdown, on the card and the product page, and pays it', async () => {
    expect((await callAs(shop.cloud, LIN.openid, 'address', 'saveAddress', { address: TEST_ADDRESS })).ok).toBe(true)
    await signIn(page, shop.cloud.url, LIN.name)
    await page.goto(`${shop.cloud.url}/#/pages/search/index?keyword=${encodeURIComponent('龙井')}`)
    const card = here().locator('.product-card', { hasText: LONGJING })
    await card.waitFor()
    expect(await card.locator('.product-card__price').innerText()).toMatch(/^¥126\.40起\s*¥158\.00$/)
    expect(await card.locator('.list-price').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through')
    expect(await card.locator('.campaign-note').innerText()).toMatch(/限时折扣\s*距结束 2[34]:\d\d:\d\d/)
    await shot('04-search-card')

    await card.click()
    await here().locator('.product__title', { hasText: LONGJING }).waitFor()
    expect(await here().locator('.campaign-note__name').innerText()).toBe('双十二限时折扣')
    // The countdown runs.
    const first = await here().locator('.campaign-note__clock').innerText()
    await expect.poll(() => here().locator('.campaign-note__clock').innerText()).not.toBe(first)
    await here().locator('.product__chip', { hasText: /^100g$/ }).click()
    await here().locator('.product__chip', { hasText: /^礼盒$/ }).click()
    await expect.poll(() => here().locator('.product__price').innerText()).toMatch(/^¥278\.40\s*¥348\.00$/)
    await shot('05-product-page')

    await here().locator('.purchase-bar__buy').click()
    await here().locator('.delivery-address__name').waitFor()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥278.40')
    await shot('06-checkout')
    await here().locator('.checkout__submit').click()
    await page.locator('.cashier__sheet .cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    await shot('07-paid')

    const { data: orders } = await shop.db.collection('orders').where({ buyerOpenid: LIN.openid, status: 'paid' }).get()
    const order = orders.find((o: any) => o.lines[0].skuId === 'p-longjing-mingqian-100g-gift')
    expect(order).toMatchObject({ payableFen: 27840, lines: [{ unitPriceFen: 27840, campaignId, paidFen: 27840 }] })
  })

  it('a checkout left open past the end: 提交订单 is refused with the reason, the review shows the list price, and the order pays it', async () => {
    const HUANGSHAN = 'p-huangshan-maofeng'
    const endAt = new Date(Date.now() + 30_000)
    const created = await callAs(shop.cloud, HQ.openid, 'hq-marketing', 'createCampaign', {
      draft: { name: '毛峰尝鲜价', startAt: new Date(Date.now() - 60_000), endAt, items: [{ productId: HUANGSHAN, skuId: `${HUANGSHAN}-250g-tin`, priceFen: 18800 }] },
    })
    expect(created).toMatchObject({ ok: true })
    await launch(page, shop.cloud.url, `/pages/product/index?id=${HUANGSHAN}`)
    await here().locator('.product__title', { hasText: '黄山毛峰' }).waitFor()
    await here().locator('.product__chip', { hasText: /^250g$/ }).click()
    await here().locator('.product__chip', { hasText: /^罐装$/ }).click()
    await expect.poll(() => here().locator('.product__price').innerText()).toMatch(/^¥188\.00\s*¥228\.00$/)
    await here().locator('.purchase-bar__buy').click()
    await here().locator('.delivery-address__name').waitFor()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥188.00')
    expect(await here().locator('.checkout__campaign').innerText()).toBe('限时折扣价')

    // The buyer waits past the campaign's end before tapping 提交订单.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endAt.getTime() - Date.now() + 500)))
    await here().locator('.checkout__submit').click()
    await here().locator('.checkout__price-changed').waitFor()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥228.00')
    expect(await here().locator('.checkout__campaign').count()).toBe(0)
    await shot('08-price-changed')
    await here().locator('.checkout__submit').click()
    await page.locator('.cashier__sheet .cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    const { data: orders } = await shop.db.collection('orders').where({ buyerOpenid: LIN.openid, status: 'paid' }).get()
    const order = orders.find((o: any) => o.lines[0].skuId === `${HUANGSHAN}-250g-tin`)
    expect(order).toMatchObject({ payableFen: 22800, lines: [{ unitPriceFen: 22800, paidFen: 22800 }] })
    expect(order.lines[0].campaignId).toBeUndefined()
  })
})
