import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoPersona } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { buyer, eventually } from '../support/orders'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/** A shopper of her own, with no orders before this test. */
const SU: DemoPersona = { key: 'points-su', openid: 'o-e2e-points-su', name: '苏禾', role: 'consumer', description: '第一次下单的新顾客' }
const HQ_ADMIN = 'o-demo-hq-admin-he'
const GIFT = 'p-longjing-mingqian-50g-gift'

/**
 * Points through the phone: an order she confirms earns points on its goods money, 我的 shows her
 * member card and the points page their history and the rules, and at her next checkout 积分抵扣
 * pays part of the goods with them.
 */
describe('points and the member card', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  const here = () => currentPage(page)
  const su = () => buyer(shop.cloud, SU.openid)

  beforeAll(async () => {
    shop = await startShop([SU])
    ;({ browser, page, shot } = await openPhone('points'))
    await signIn(page, shop.cloud.url, SU.name)
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('she confirms receipt of a ¥198.00 order: 198 points, on her member card and the points page', async () => {
    const { data: order } = await su().place([{ skuId: GIFT, quantity: 1 }])
    await su().pay(order._id)
    await eventually(() => su().order(order._id), (o) => o.status === 'paid')
    expect(await callAs(shop.cloud, HQ_ADMIN, 'hq-orders', 'shipOrders', { orders: [{ orderId: order._id, carrierId: 'SF', trackingNo: 'SF2026113010' }] })).toMatchObject({ ok: true })

    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${order._id}`)
    await here().locator('.order-actions__button', { hasText: '确认收货' }).click()
    await page.locator('.taro__modal .taro-modal__btn-primary, .taro__modal .taro-modal__foot div:last-child').last().click()
    await here().locator('.status-header__status', { hasText: '已完成' }).waitFor()

    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    const card = here().locator('.me__member')
    await expect.poll(() => card.locator('.me__member-points').innerText()).toBe('积分 198 ›')
    expect(await card.locator('.me__member-level').innerText()).toBe('普通会员')
    expect(await card.locator('.me__member-next').innerText()).toBe('再消费 ¥802 升级银卡会员')
    await shot('01-member-card')

    await card.click()
    await expect.poll(() => here().locator('.points__balance').innerText()).toBe('198')
    await expect.poll(() => here().locator('.points-entry__kind').allInnerTexts()).toEqual(['订单完成获得'])
    expect(await here().locator('.points-entry__order').innerText()).toBe(`订单 ${order.orderNo}`)
    expect(await here().locator('.points-entry__points').innerText()).toBe('+198')
    expect(await here().locator('.points-rules__line').first().innerText()).toContain('每实付 ¥100 商品金额得 100 积分')
    await shot('02-points-page')
  })

  it('at her next checkout 积分抵扣 spends them: ¥1.98 off, and the points page says so', async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/checkout/index?lines=${encodeURIComponent(`${GIFT}*1`)}`)
    const choice = here().locator('.checkout__points')
    await expect.poll(() => choice.locator('.checkout__points-note').innerText()).toBe('共 198 积分')
    await choice.locator('.checkout__points-switch').click()
    await expect.poll(() => choice.locator('.checkout__points-note').innerText()).toBe('使用 198 积分，抵 ¥1.98')
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥196.02')
    await shot('03-checkout-with-points')

    await here().locator('.checkout__submit').click()
    await page.locator('.cashier__sheet .cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    expect(await here().locator('.amounts__payable').innerText()).toBe('¥196.02')

    await page.goto(`${shop.cloud.url}/#/package-member/pages/points/index`)
    await expect.poll(() => here().locator('.points__balance').innerText()).toBe('0')
    await expect.poll(() => here().locator('.points-entry__kind').allInnerTexts()).toEqual(['下单抵扣', '订单完成获得'])
    await shot('04-points-spent')
  })
})
