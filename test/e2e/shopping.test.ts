import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { fillAddressForm } from './support/address-form'
import { currentPage, openPhone, startShop } from './support/shop'

/**
 * A consumer shops the demo tea house end to end in the H5 build: category → product → SKU → cart →
 * checkout with a new address → the local cloud's cashier plays WeChat Pay → a paid order with its
 * timeline; then a second order left unpaid and cancelled gives its stock back, and a refund asked
 * for on the paid order is approved by HQ (through the hq function, until HQ has pages of its own).
 */
describe('a consumer buys tea and pays with (emulated) WeChat Pay', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let paidOrderId = ''
  let unpaidOrderId = ''

  const here = () => currentPage(page)
  const tab = (text: string) => page.locator('.weui-tabbar__item', { hasText: text })
  const cartBadge = () => tab('购物车').locator('.weui-badge')
  const chip = (value: string) => here().locator('.product__chip', { hasText: new RegExp(`^${value}$`) })
  const stockText = () => here().locator('.product__stock').innerText()
  /** Chooses spec values on the product page; a chip already chosen is left as it is (a tap would un-choose it). */
  const choose = async (...values: string[]) => {
    for (const value of values) {
      if (!(await chip(value).getAttribute('class'))?.includes('product__chip--chosen')) await chip(value).click()
    }
  }
  /** The H5 stand-in for WeChat's pay sheet: mounted once at the app root, above whichever page paid. */
  const cashier = () => page.locator('.cashier__sheet')
  const orderIdFromUrl = () => new URL(page.url().replace('#', '')).searchParams.get('id') ?? ''

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('shopping'))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('signs in as a new consumer on 我的', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    const lin = here().locator('.dev-sign-in__persona', { hasText: '林小雨' })
    await lin.click()
    await expect.poll(() => here().locator('.me__name').innerText()).toBe('林小雨')
    await shot('01-signed-in')
  })

  it('browses 绿茶 on 分类 and opens 西湖龙井', async () => {
    await tab('分类').click()
    const rail = here().locator('.category__rail-item--current')
    await expect.poll(() => rail.innerText()).toBe('绿茶')
    const longjing = here().locator('.category__product', { hasText: '西湖龙井 明前特级' })
    await longjing.waitFor()
    expect(await here().locator('.category__product').count()).toBeGreaterThanOrEqual(4)
    await shot('02-category')
    await longjing.click()
    await here().locator('.product__title', { hasText: '西湖龙井 明前特级' }).waitFor()
    // Before a choice the page shows the price range of all SKUs.
    expect(await here().locator('.product__price').innerText()).toBe('¥158.00 - ¥688.00')
  })

  it('picks 50g 礼盒 (50g 罐装 is sold out, so it is off), two of them, and adds them to the cart', async () => {
    await chip('50g').click()
    await expect.poll(() => chip('罐装').getAttribute('class')).toContain('product__chip--off')
    await chip('礼盒').click()
    await expect.poll(() => here().locator('.product__price').innerText()).toBe('¥198.00')
    expect(await stockText()).toBe('库存 120 件')
    await here().locator('.quantity-stepper__button').nth(1).click()
    expect(await here().locator('.quantity-stepper__value').innerText()).toBe('2')
    await shot('03-sku-chosen')

    await here().locator('.purchase-bar__add').click()
    await expect.poll(() => here().locator('.purchase-bar__badge').innerText()).toBe('2')
    await shot('04-added-to-cart')
  })

  it('shows the count on the 购物车 tab and the line in the cart', async () => {
    await page.goBack()
    await tab('购物车').waitFor()
    await tab('购物车').click()
    const line = here().locator('.cart-line', { hasText: '西湖龙井 明前特级' })
    await line.waitFor()
    await expect.poll(() => cartBadge().innerText()).toBe('2')
    expect(await line.locator('.cart-line__specs').innerText()).toBe('50g · 礼盒')
    expect(await here().locator('.cart__total-amount').innerText()).toBe('¥396.00')
    await shot('05-cart')
  })

  it('checks out with a new address, checked before it is sent', async () => {
    await here().locator('.cart__checkout').click()
    await here().locator('.checkout__address--empty').waitFor()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥396.00')
    await shot('06-checkout-no-address')

    await here().locator('.checkout__address--empty', { hasText: '添加收货地址' }).click()
    const form = here()
    await form.locator('.address-form__save').waitFor()
    await form.locator('.address-form__save').click()
    await expect.poll(() => form.locator('.address-form__error').allInnerTexts()).toEqual(
      expect.arrayContaining(['请填写收货人', '请填写正确的手机号', '请填写详细地址']),
    )
    await shot('07-address-errors')

    // 省 / 市 / 区 come from the official list, level by level, never typed.
    await form.locator('.address-form__region').click()
    await form.locator('.region-sheet__option', { hasText: '浙江省' }).waitFor()
    expect(await form.locator('.region-sheet__option').count()).toBe(34)
    await shot('08-region-provinces')
    await form.locator('.region-sheet__option').filter({ hasText: /^浙江省$/ }).click()
    await form.locator('.region-sheet__option').filter({ hasText: /^杭州市$/ }).click()
    expect(await form.locator('.region-sheet__tab').allInnerTexts()).toEqual(['浙江省', '杭州市', '请选择区县'])
    await shot('09-region-districts')
    await form.locator('.region-sheet__option').filter({ hasText: /^西湖区$/ }).click()
    expect(await form.locator('.address-form__region').innerText()).toBe('浙江省 杭州市 西湖区')

    // A phone pasted with the country code, spaces, a dash and full-width digits is taken as its 11 digits.
    await fillAddressForm(form, '+86 １３８-1234 5678')
    await form.locator('input').nth(1).blur()
    await expect.poll(() => form.locator('input').nth(1).inputValue()).toBe('13812345678')
    // The limits show as the buyer types.
    expect(await form.locator('.address-form__counter').allInnerTexts()).toEqual(['3/20', '8/120'])
    await shot('10-address-filled')
    await form.locator('.address-form__save').click()

    const address = here().locator('.checkout__address')
    await address.locator('.delivery-address__name', { hasText: '林小雨' }).waitFor()
    expect(await address.locator('.delivery-address__line').innerText()).toBe('浙江省杭州市西湖区龙井路 18 号')
    const { data: saved } = await shop.db.collection('addresses').where({ name: '林小雨' }).get()
    expect(saved.map((a: { phone: string }) => a.phone)).toEqual(['13812345678'])
    await shot('11-checkout-ready')
  })

  it('places the order and pays in the cashier; the order is 待发货 with its timeline', async () => {
    await here().locator('.checkout__submit').click()
    await cashier().waitFor()
    expect(await cashier().locator('.cashier__amount').innerText()).toBe('¥396.00')
    await expect.poll(() => cashier().locator('.cashier__merchant').innerText()).toBe('云岭茶舍')
    await shot('10-cashier')

    await cashier().locator('.cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    paidOrderId = orderIdFromUrl()
    expect(await here().locator('.timeline__text').allInnerTexts()).toEqual(['支付成功', '下单'])
    expect(await here().locator('.amounts__payable').innerText()).toBe('¥396.00')
    await shot('11-order-paid')

    const order = (await shop.db.collection('orders').doc(paidOrderId).get()).data
    expect(order.status).toBe('paid')
    expect(order.payment.paidFen).toBe(39600)
  })

  it('emptied the bought lines from the cart, so the badge is gone', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/cart/index`)
    await here().locator('.status-view__text', { hasText: '购物车还是空的' }).waitFor()
    await expect.poll(() => cartBadge().count()).toBe(0)
  })

  it('places a second order with 立即购买, closes the cashier, and the order waits with 去支付', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/product/index?id=p-longjing-mingqian`)
    await choose('100g', '罐装')
    await expect.poll(stockText).toBe('库存 260 件')
    await here().locator('.purchase-bar__buy').click()

    // The address saved before is now the default.
    await here().locator('.delivery-address__name', { hasText: '林小雨' }).waitFor()
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥298.00')
    await here().locator('.checkout__submit').click()
    await cashier().waitFor()
    await cashier().locator('.cashier__cancel').click()

    await here().locator('.status-header__status', { hasText: '待付款' }).waitFor()
    unpaidOrderId = orderIdFromUrl()
    expect(unpaidOrderId).not.toBe(paidOrderId)
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['取消订单', '去支付'])
    await shot('12-order-unpaid')

    // 去支付 on the order page opens the same cashier: it is mounted once, at the app root, for every page.
    await here().locator('.order-actions__button', { hasText: '去支付' }).click()
    await cashier().waitFor()
    await cashier().locator('.cashier__cancel').click()
    await cashier().waitFor({ state: 'detached' })
  })

  it('holds the stock for the unpaid order', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/product/index?id=p-longjing-mingqian`)
    await choose('100g', '罐装')
    await expect.poll(stockText).toBe('库存 259 件')
  })

  it('cancels the unpaid order with a reason, and the stock comes back on the product page', async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${unpaidOrderId}`)
    await here().locator('.order-actions__button', { hasText: '取消订单' }).click()
    await here().locator('.reason-sheet__reason', { hasText: '不想买了' }).click()
    await shot('13-cancel-reason')
    await here().locator('.reason-sheet__confirm').click()
    await here().locator('.status-header__status', { hasText: '已取消' }).waitFor()
    expect(await here().locator('.timeline__text').allInnerTexts()).toEqual(['已取消：不想买了', '下单'])
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['删除订单', '再次购买'])
    await shot('14-order-cancelled')

    await page.goto(`${shop.cloud.url}/#/pages/product/index?id=p-longjing-mingqian`)
    await choose('100g', '罐装')
    await expect.poll(stockText).toBe('库存 260 件')
    await shot('15-stock-restored')
  })

  it('lists both orders under 全部 and only the paid one under 待发货', async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/list/index?tab=all`)
    await expect.poll(() => here().locator('.order-card').count()).toBe(2)
    expect(await here().locator('.order-card__status').allInnerTexts()).toEqual(['已取消', '待发货'])
    await here().locator('.order-list__tab', { hasText: '待发货' }).click()
    await expect.poll(() => here().locator('.order-card').count()).toBe(1)
    await shot('16-orders-paid-tab')
  })

  it('asks for a refund of the paid order; HQ approves it, WeChat Pay sends the money back, and the order says 已退款', async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${paidOrderId}`)
    await here().locator('.order-actions__button', { hasText: '申请退款' }).click()
    await here().locator('.reason-sheet__reason').first().click()
    await here().locator('.reason-sheet__input textarea').fill('送人的礼盒买重了')
    await shot('17-refund-reason')
    await here().locator('.reason-sheet__confirm').click()
    await here().locator('.status-header__refund', { hasText: '退款申请中' }).waitFor()

    const hqAdmin = demoPersonas.find((p) => p.role === 'hq_admin')!
    const approved = await callAs(shop.cloud, hqAdmin.openid, 'hq-orders', 'approveRefund', { orderId: paidOrderId })
    expect(approved.ok).toBe(true)
    await expect
      .poll(async () => (await shop.db.collection('orders').doc(paidOrderId).get()).data.refund.status, { timeout: 5_000 })
      .toBe('refunded')

    await page.reload()
    await here().locator('.status-header__status', { hasText: '已退款' }).waitFor()
    expect(await here().locator('.status-header__hint').innerText()).toMatch(/原路退回/)
    expect(await here().locator('.timeline__text').allInnerTexts()).toEqual(
      expect.arrayContaining(['退款成功', '退款已同意']),
    )
    expect(await here().locator('.order-actions__button').count()).toBe(0)
    await shot('18-refunded')
  })
})
