import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callAs } from '../support/local-cloud'
import { TEST_ADDRESS } from '../support/shop-fixtures'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

const LIN = 'o-demo-consumer-lin'
const HE = 'o-demo-hq-admin-he'

/**
 * Keeping a customer (issue 14): HQ offers a 满100减20 coupon in the coupon centre and a 无门槛减15
 * repurchase coupon; 林小雨 claims the first, pays ¥20 less for a tin of 龙井, confirms receipt, is
 * credited the points that order's ¥278 earned and finds the repurchase coupon in 我的优惠券, and
 * checkout spends it on her next order by itself.
 */
describe('a consumer claims a coupon, pays less, and comes back with the repurchase coupon', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let firstOrderId = ''
  let pointsBefore = 0
  const here = () => currentPage(page)
  const cashier = () => page.locator('.cashier__sheet')
  const orderIdFromUrl = () => new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''
  const template = (fields: Record<string, unknown>) =>
    callAs(shop.cloud, HE, 'hq-marketing', 'createCouponTemplate', { scope: { kind: 'all' }, validity: { kind: 'days', days: 7 }, perUserLimit: 1, quantity: 50, ...fields })
  /** 西湖龙井 100g 罐装 (¥298), bought at once. */
  const buyTin = async () => {
    await page.goto(`${shop.cloud.url}/#/pages/product/index?id=p-longjing-mingqian`)
    for (const value of ['100g', '罐装']) {
      const chip = here().locator('.product__chip', { hasText: new RegExp(`^${value}$`) })
      if (!(await chip.getAttribute('class'))?.includes('product__chip--chosen')) await chip.click()
    }
    await expect.poll(() => here().locator('.product__price').innerText()).toBe('¥298.00')
    await here().locator('.purchase-bar__buy').click()
    await here().locator('.delivery-address__name', { hasText: '林小雨' }).waitFor()
  }
  const payInCashier = async () => {
    await here().locator('.checkout__submit').click()
    await cashier().waitFor()
    await cashier().locator('.cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    return orderIdFromUrl()
  }

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('retention'))
    expect(await template({ name: '满100减20', benefit: { kind: 'amount', amountFen: 2000 }, thresholdFen: 10000, issue: 'claim' })).toMatchObject({ ok: true })
    expect(await template({ name: '回购立减15', benefit: { kind: 'amount', amountFen: 1500 }, thresholdFen: 0, issue: 'repurchase' })).toMatchObject({ ok: true })
    expect(await callAs(shop.cloud, LIN, 'address', 'saveAddress', { address: TEST_ADDRESS })).toMatchObject({ ok: true })
    pointsBefore = (await callAs(shop.cloud, LIN, 'member', 'getMemberCard', {})).data.card.points
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('claims 满100减20 in the coupon centre, reached from 我的', async () => {
    await signIn(page, shop.cloud.url, '林小雨')
    await here().locator('.me__menu-item', { hasText: '领券中心' }).click()
    const ticket = here().locator('.coupon-ticket', { hasText: '满100减20' })
    await ticket.waitFor()
    expect(await ticket.locator('.coupon-ticket__face').innerText()).toBe('¥20')
    expect(await ticket.locator('.coupon-ticket__note').allInnerTexts()).toEqual(['领取后 7 天内有效', '全场通用'])
    // The repurchase coupon is given, never claimed: it is not in the centre.
    expect(await here().locator('.coupon-ticket', { hasText: '回购立减15' }).count()).toBe(0)
    await ticket.locator('.coupon-centre__claim').click()
    await expect.poll(() => ticket.locator('.coupon-centre__done').innerText()).toContain('已领取')
    await shot('01-coupon-centre')
  })

  it('pays ¥20 less at checkout, which picked the coupon by itself', async () => {
    await buyTin()
    await expect.poll(() => here().locator('.checkout__coupon-saving').innerText()).toBe('-¥20.00 ›')
    expect(await here().locator('.amounts__payable').innerText()).toBe('¥278.00')
    await shot('02-checkout-with-coupon')
    // The sheet lists it, and 不使用优惠券 takes it off the price.
    await here().locator('.checkout__coupon').click()
    await here().locator('.coupon-sheet__item--chosen', { hasText: '满100减20' }).waitFor()
    await shot('03-coupon-sheet')
    await here().locator('.coupon-sheet__none').click()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥298.00')
    await here().locator('.checkout__coupon').click()
    await here().locator('.coupon-sheet__item', { hasText: '满100减20' }).click()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥278.00')

    firstOrderId = await payInCashier()
    const order = (await shop.db.collection('orders').doc(firstOrderId).get()).data
    expect(order).toMatchObject({ payableFen: 27800, discountFen: 2000, payment: { paidFen: 27800 } })
  })

  it('confirms receipt: the ¥278 paid earns 278 points on her member card, and the repurchase coupon is in 我的优惠券', async () => {
    const shipped = await callAs(shop.cloud, HE, 'hq-orders', 'shipOrders', { orders: [{ orderId: firstOrderId, carrierId: 'SF', trackingNo: 'SF2026113001' }] })
    expect(shipped.data.outcomes).toMatchObject([{ ok: true }])
    await page.reload()
    await here().locator('.order-actions__button', { hasText: '确认收货' }).click()
    await page.locator('.taro__modal .taro-modal__btn-primary, .taro__modal .taro-modal__foot div:last-child').last().click()
    await here().locator('.status-header__status', { hasText: '已完成' }).waitFor()

    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    await expect.poll(() => here().locator('.me__member-points').innerText()).toBe(`积分 ${pointsBefore + 278} ›`)

    await page.goto(`${shop.cloud.url}/#/package-member/pages/my-coupons/index`)
    const ticket = here().locator('.coupon-ticket', { hasText: '回购立减15' })
    await ticket.waitFor()
    expect(await ticket.locator('.coupon-ticket__threshold').innerText()).toBe('无门槛')
    await here().locator('.my-coupons__tab', { hasText: '已使用' }).click()
    await here().locator('.coupon-ticket', { hasText: '满100减20' }).waitFor()
    await here().locator('.my-coupons__tab', { hasText: '未使用' }).click()
    await ticket.waitFor()
    await shot('04-my-coupons')
  })

  it('spends the repurchase coupon on the next order', async () => {
    await buyTin()
    await expect.poll(() => here().locator('.checkout__coupon-saving').innerText()).toBe('-¥15.00 ›')
    expect(await here().locator('.amounts__payable').innerText()).toBe('¥283.00')
    await shot('05-checkout-repurchase-coupon')
    const orderId = await payInCashier()
    const order = (await shop.db.collection('orders').doc(orderId).get()).data
    expect(order).toMatchObject({ payableFen: 28300, discounts: [{ label: '回购立减15', amountFen: 1500 }] })
    const { data: spent } = await shop.db.collection('coupons').where({ ownerOpenid: LIN, status: 'used' }).get()
    expect(spent).toHaveLength(2)
  })
})
