import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { paidOrder } from '../support/orders'
import { currentPage, launch, openPhone, signIn, startShop } from './support/shop'

/**
 * HQ's settings end to end, on two phones. 林小雨's product page says 满 ¥99 包邮 (the demo's rule);
 * 何静, HQ's admin, sets 满 ¥299 包邮, else ¥12 on 规则设置 — a negative threshold is refused first — and
 * the next time 林小雨 opens the app her product page, cart and checkout go by the new rule. 何静 then
 * opens an order of 周建国, 王芳's customer, and sees whose it is and why: share → visit → bind → order,
 * with the rule version.
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const ZHOU = demoPersonas.find((p) => p.key === 'consumer-zhou')!
const GIFT = 'p-longjing-mingqian-50g-gift' // ¥198

describe('HQ changes the shipping rule on its page, and shoppers see it; HQ sees why an order is a shop’s', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let hqPage: Page
  let shopperPage: Page
  let hqShot: (name: string) => Promise<string>
  let shopperShot: (name: string) => Promise<string>

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page: hqPage, shot: hqShot } = await openPhone('hq-settings'))
    ;({ page: shopperPage, shot: shopperShot } = await openPhone('hq-settings', browser))
    expect(await callAs(shop.cloud, LIN.openid, 'cart', 'addToCart', { skuId: GIFT, quantity: 1 })).toMatchObject({ ok: true })
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('林小雨’s product page shows the demo’s rule: 满 ¥99 包邮', async () => {
    await signIn(shopperPage, shop.cloud.url, LIN.name)
    await launch(shopperPage, shop.cloud.url, '/pages/product/index?id=p-longjing-mingqian')
    await expect.poll(() => currentPage(shopperPage).locator('.product__shipping').innerText()).toContain('满 ¥99 包邮')
    await shopperShot('00-product-before')
  })

  it('何静 sets 满 ¥299 包邮, else ¥12, on 规则设置: a negative threshold is refused with the reason, then saved as version 2', async () => {
    await signIn(hqPage, shop.cloud.url, HQ.name)
    await currentPage(hqPage).locator('.me__hq').click()
    await currentPage(hqPage).locator('.hq-home__rules').click()
    const card = currentPage(hqPage).locator('.hq-rules__shipping')
    await card.waitFor()
    expect(await card.locator('.hq-rules__version').innerText()).toContain('第 1 版')
    expect(await card.locator('.hq-rules__freeOverFen input').inputValue()).toBe('99.00')
    expect(await card.locator('.hq-rules__feeFen input').inputValue()).toBe('10.00')
    await card.scrollIntoViewIfNeeded()
    await card.locator('.hq-rules__freeOverFen input').fill('-5')
    await card.locator('.hq-rules__save-shipping').click()
    await expect.poll(() => card.locator('.hq-page__error').innerText()).toBe('包邮门槛须为 0 到 100000 元（0 表示全场包邮）')
    await hqShot('01-shipping-refused')
    await card.locator('.hq-rules__freeOverFen input').fill('299')
    await card.locator('.hq-rules__feeFen input').fill('12')
    await card.locator('.hq-rules__save-shipping').click()
    const saved = currentPage(hqPage).locator('.hq-rules__shipping')
    await expect.poll(() => saved.locator('.hq-rules__version').innerText()).toContain('第 2 版')
    expect(await saved.locator('.hq-rules__freeOverFen input').inputValue()).toBe('299.00')
    await saved.scrollIntoViewIfNeeded()
    await hqShot('02-shipping-saved')
    const { data: audit } = await shop.db.collection('audit_logs').where({ action: 'hq-settings.setShippingRules', ok: true }).get()
    expect(audit).toMatchObject([{ actorOpenid: HQ.openid, change: { id: 'shippingRules', before: null, after: { rules: { version: 2, freeOverFen: 29900, feeFen: 1200 } } } }])
  })

  it('林小雨 opens the app again: the product page, the cart and the checkout go by the new rule', async () => {
    await launch(shopperPage, shop.cloud.url, '/pages/product/index?id=p-longjing-mingqian')
    const here = () => currentPage(shopperPage)
    await expect.poll(() => here().locator('.product__shipping').innerText()).toContain('满 ¥299 包邮')
    await shopperShot('03-product-after')
    await here().locator('.purchase-bar__cart').click()
    await expect.poll(() => here().locator('.cart__shipping').innerText()).toContain('还差 ¥101 包邮')
    await shopperShot('04-cart-after')
    await here().locator('.cart__checkout').click()
    await expect.poll(() => here().locator('.checkout__shipping').innerText()).toContain('还差 ¥101 包邮')
    await expect.poll(() => here().locator('.checkout').innerText()).toContain('¥12.00')
    await shopperShot('05-checkout-after')
  })

  it('何静 opens an order of 周建国: it is 王芳’s shop’s, and the page says why, step by step, with the rule version', async () => {
    const { order: placed } = await paidOrder(shop.cloud, ZHOU.openid, GIFT)
    const { data: order } = await shop.db.collection('orders').doc(placed._id).get()
    expect(order.attribution).toMatchObject({ shopId: 'shop-wangfang', reason: 'bound_customer' })
    await launch(hqPage, shop.cloud.url, `/package-hq/pages/order/index?id=${order._id}`)
    const chain = currentPage(hqPage).locator('.hq-order__chain')
    await chain.waitFor()
    expect(await chain.locator('.hq-order__owner').innerText()).toContain(order.attribution.shopName)
    const steps = await chain.locator('.chain__kind').allInnerTexts()
    expect(steps.at(-1)).toBe('下单')
    expect(steps).toContain('绑定')
    expect(await chain.innerText()).toContain(`归属规则第 ${order.attribution.ruleVersion} 版`)
    // Priced under the new rule: ¥198 is under ¥299, so ¥12 shipping.
    expect(await currentPage(hqPage).locator('.hq-order__shipping-fee').innerText()).toContain('¥12.00')
    await hqShot('06-order-chain')
  })
})
