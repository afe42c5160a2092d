import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { startDemoShop, type DemoShop } from '../support/demo-shop'
import { callAs } from '../support/local-cloud'
import { launchMiniProgram, type MiniProgram } from '../support/weapp/mini-program'

/**
 * The consumer journey of test/e2e/shopping.test.ts, on the weapp build as WeChat runs it: 分类 →
 * 西湖龙井 with a SKU → cart (and its tab badge) → checkout with a new address (WeChat's own region
 * picker) → WeChat's pay sheet, answered by the local cloud's WeChat Pay → a paid order; a second
 * order left unpaid (the sheet closed) and cancelled gives its stock back; the paid order is
 * refunded once HQ approves; a shipped order is confirmed through WeChat's modal.
 */
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const HQ_ADMIN = demoPersonas.find((p) => p.role === 'hq_admin')!
const LONGJING = 'p-longjing-mingqian'

describe('a consumer buys tea in the mini program and pays with WeChat Pay', () => {
  let shop: DemoShop
  let mp: MiniProgram
  let paidOrderId = ''
  let unpaidOrderId = ''

  const page = () => mp.page
  /** Chooses spec values on the product page; a chip already chosen is left as it is (a tap would un-choose it). */
  const choose = async (...values: string[]) => {
    for (const value of values) {
      const chip = { hasText: new RegExp(`^${value}$`) }
      if (!page().classes('.product__chip', chip).includes('product__chip--chosen')) await page().tap('.product__chip', chip)
    }
  }
  const order = async (orderId: string) => (await shop.db.collection('orders').doc(orderId).get()).data

  beforeAll(async () => {
    shop = await startDemoShop()
    mp = await launchMiniProgram({ cloud: shop.cloud, openid: LIN.openid })
  })
  afterEach(() => {
    expect(mp.errors).toEqual([])
  })
  afterAll(async () => {
    await mp?.close()
    await shop?.close()
  })

  it('opens on 首页 with the catalog from the cloud functions, called as the phone’s user', async () => {
    await page().waitFor('.product-card')
    expect(page().route).toBe('pages/index/index')
    expect(page().count('.product-card')).toBeGreaterThanOrEqual(10)
    expect(page().text('.product-card__price')).toMatch(/^¥\d+\.\d{2}(起)?$/)
    expect(mp.records.cloudCalls.map((c) => `${c.name}.${c.action}`)).toEqual(
      expect.arrayContaining(['catalog.getStorefront', 'catalog.listProducts', 'cart.getCart']),
    )
    // The navigation bar names HQ's brand from its settings, never a name built into the app.
    await expect.poll(() => page().title).toBe('云岭茶舍')

    // Scrolling to the end (onReachBottom) brings the next page of the catalog.
    const firstPage = page().count('.product-card')
    await page().reachBottom()
    expect(page().count('.product-card')).toBeGreaterThan(firstPage)
  })

  it('browses 绿茶 on the 分类 tab and opens 西湖龙井, priced as a range before a choice', async () => {
    await mp.tapTab('分类')
    await page().waitFor('.category__rail-item--current', { hasText: '绿茶' })
    await page().waitFor('.category__product', { hasText: '西湖龙井 明前特级' })
    expect(page().count('.category__product')).toBeGreaterThanOrEqual(4)

    await page().tap('.category__product', { hasText: '西湖龙井 明前特级' })
    expect(page().route).toBe('pages/product/index')
    expect(page().query.id).toBe(LONGJING)
    await page().waitFor('.product__title', { hasText: '西湖龙井 明前特级' })
    expect(page().text('.product__price')).toBe('¥158.00 - ¥688.00')
    expect(page().attr('.product__image', 'src')).toMatch(/^\/assets\/products\//)
  })

  it('shares the product as a consumer: the bare page, with no share code of hers', async () => {
    const card = await page().share()
    expect(card.path).toBe(`/pages/product/index?id=${LONGJING}`)
    expect(card.title).toContain('西湖龙井')
  })

  it('picks 50g 礼盒 (50g 罐装 is sold out, so it is off), two of them, and adds them to the cart', async () => {
    await choose('50g')
    expect(page().classes('.product__chip', { hasText: /^罐装$/ })).toContain('product__chip--off')
    await choose('礼盒')
    expect(page().text('.product__price')).toBe('¥198.00')
    expect(page().text('.product__stock')).toBe('库存 120 件')
    await page().tap('.quantity-stepper__button', { nth: 1 })
    expect(page().text('.quantity-stepper__value')).toBe('2')

    await page().tap('.purchase-bar__add')
    await page().waitFor('.purchase-bar__badge', { hasText: '2' })
    expect(mp.records.toasts.at(-1)?.title).toBe('已加入购物车')
  })

  it('shows the count on the 购物车 tab’s badge and the line in the cart', async () => {
    await mp.back()
    // WeChat refuses badge changes over a non-tab page; the tab page sets it when it shows.
    expect(mp.tabBadge('购物车')).toBe('2')
    await mp.tapTab('购物车')
    await page().waitFor('.cart-line', { hasText: '西湖龙井 明前特级' })
    expect(page().text('.cart-line__specs')).toBe('50g · 礼盒')
    expect(page().text('.cart__total-amount')).toBe('¥396.00')
  })

  it('checks out with a new address: checked before it is sent, the region from WeChat’s picker', async () => {
    await page().tap('.cart__checkout')
    expect(page().route).toBe('package-orders/pages/checkout/index')
    await page().waitFor('.checkout__address--empty')
    await page().waitFor('.amounts__payable', { hasText: '¥396.00' })

    await page().tap('.checkout__address--empty')
    expect(page().route).toBe('package-address/pages/edit/index')
    expect(page().title).toBe('新增收货地址')
    await page().tap('.address-form__save')
    expect(page().texts('.address-form__error')).toEqual(expect.arrayContaining(['请填写收货人', '请填写正确的手机号', '请填写详细地址']))

    await page().input('.address-form__input', '林小雨', { nth: 0 })
    await page().input('.address-form__input', '13812345678', { nth: 1 })
    await page().change('.address-form__region', { value: ['浙江省', '杭州市', '西湖区'], code: ['330000', '330100', '330106'], postcode: '310000' })
    expect(page().text('.address-form__region')).toBe('浙江省 杭州市 西湖区')
    await page().input('.address-form__textarea', '龙井路 18 号')
    await page().tap('.address-form__save')

    expect(page().route).toBe('package-orders/pages/checkout/index')
    await page().waitFor('.delivery-address__name', { hasText: '林小雨' })
    expect(page().text('.checkout__address .delivery-address__line')).toBe('浙江省杭州市西湖区龙井路 18 号')
  })

  it('places the order and pays in WeChat’s pay sheet; the order is 待发货 with its timeline', async () => {
    await page().tap('.checkout__submit')
    const sheet = await mp.paySheet()
    expect(sheet.totalFee).toBe(39600)
    await sheet.pay()

    await page().waitFor('.status-header__status', { hasText: '待发货' })
    expect(page().route).toBe('package-orders/pages/detail/index')
    paidOrderId = decodeURIComponent(page().query.id)
    expect(page().texts('.timeline__text')).toEqual(['支付成功', '下单'])
    expect(page().text('.amounts__payable')).toBe('¥396.00')
    expect(mp.records.payments).toEqual([expect.objectContaining({ totalFee: 39600, outcome: 'paid' })])

    const paid = await order(paidOrderId)
    expect(paid.status).toBe('paid')
    expect(paid.buyerOpenid).toBe(LIN.openid)
    expect(paid.payment.paidFen).toBe(39600)
  })

  it('emptied the bought lines from the cart, so the badge is gone', async () => {
    await mp.tapTab('购物车')
    await page().waitFor('.status-view__text', { hasText: '购物车还是空的' })
    expect(mp.tabBadge('购物车')).toBe('')
  })

  it('places a second order with 立即购买, closes the pay sheet, and the order waits with 去支付', async () => {
    await mp.open(`/pages/product/index?id=${LONGJING}`)
    await page().waitFor('.product__chip')
    await choose('100g', '罐装')
    expect(page().text('.product__stock')).toBe('库存 260 件')
    await page().tap('.purchase-bar__buy')

    // The address saved before is now the default.
    await page().waitFor('.delivery-address__name', { hasText: '林小雨' })
    await page().waitFor('.amounts__payable', { hasText: '¥298.00' })
    await page().tap('.checkout__submit')
    await (await mp.paySheet()).cancel()

    await page().waitFor('.status-header__status', { hasText: '待付款' })
    unpaidOrderId = decodeURIComponent(page().query.id)
    expect(unpaidOrderId).not.toBe(paidOrderId)
    expect(page().texts('.order-actions__button')).toEqual(['取消订单', '去支付'])

    // 去支付 opens WeChat's sheet again; closing it leaves the order unpaid and says so.
    await page().tap('.order-actions__button', { hasText: '去支付' })
    await (await mp.paySheet()).cancel()
    expect(mp.records.toasts.at(-1)?.title).toBe('支付未完成，可稍后继续支付')
    expect(mp.records.payments.map((p) => p.outcome)).toEqual(['paid', 'cancel', 'cancel'])
    expect((await order(unpaidOrderId)).status).toBe('pending_payment')
  })

  it('holds the stock for the unpaid order', async () => {
    await mp.open(`/pages/product/index?id=${LONGJING}`)
    await page().waitFor('.product__chip')
    await choose('100g', '罐装')
    expect(page().text('.product__stock')).toBe('库存 259 件')
  })

  it('cancels the unpaid order with a reason, and the stock comes back on the product page', async () => {
    await mp.open(`/package-orders/pages/detail/index?id=${unpaidOrderId}`)
    await page().tap('.order-actions__button', { hasText: '取消订单' })
    await page().tap('.reason-sheet__reason', { hasText: '不想买了' })
    await page().tap('.reason-sheet__confirm')
    await page().waitFor('.status-header__status', { hasText: '已取消' })
    expect(page().texts('.timeline__text')).toEqual(['已取消：不想买了', '下单'])
    expect(page().texts('.order-actions__button')).toEqual(['删除订单', '再次购买'])

    await mp.open(`/pages/product/index?id=${LONGJING}`)
    await page().waitFor('.product__chip')
    await choose('100g', '罐装')
    expect(page().text('.product__stock')).toBe('库存 260 件')
  })

  it('lists both orders under 全部 and only the paid one under 待发货', async () => {
    await mp.open('/package-orders/pages/list/index?tab=all')
    await page().waitFor('.order-card')
    expect(page().texts('.order-card__status')).toEqual(['已取消', '待发货'])
    await page().tap('.order-list__tab', { hasText: '待发货' })
    expect(page().count('.order-card')).toBe(1)
  })

  it('asks for a refund of the paid order; HQ approves it, WeChat Pay sends the money back, and the order says 已退款', async () => {
    await mp.open(`/package-orders/pages/detail/index?id=${paidOrderId}`)
    await page().tap('.order-actions__button', { hasText: '申请退款' })
    await page().tap('.reason-sheet__reason', { nth: 0 })
    await page().input('.reason-sheet__input', '送人的礼盒买重了')
    await page().tap('.reason-sheet__confirm')
    await page().waitFor('.status-header__refund', { hasText: '退款申请中' })
    expect((await order(paidOrderId)).refund.reason).toContain('送人的礼盒买重了')

    const approved = await callAs(shop.cloud, HQ_ADMIN.openid, 'hq-orders', 'approveRefund', { orderId: paidOrderId })
    expect(approved.ok).toBe(true)
    await expect.poll(async () => (await order(paidOrderId)).refund.status, { timeout: 5_000 }).toBe('refunded')

    await mp.open(`/package-orders/pages/detail/index?id=${paidOrderId}`)
    await page().waitFor('.status-header__status', { hasText: '已退款' })
    expect(page().text('.status-header__hint')).toMatch(/原路退回/)
    expect(page().texts('.timeline__text')).toEqual(expect.arrayContaining(['退款成功', '退款已同意']))
    expect(page().count('.order-actions__button')).toBe(0)
  })

  it('shows a shipped order’s carrier and copies its tracking number; confirms receipt through WeChat’s modal: cancelling keeps it shipped, confirming completes it', async () => {
    await mp.open(`/pages/product/index?id=${LONGJING}`)
    await page().waitFor('.product__chip')
    await choose('100g', '罐装')
    await page().tap('.purchase-bar__buy')
    await page().waitFor('.amounts__payable', { hasText: '¥298.00' })
    await page().tap('.checkout__submit')
    await (await mp.paySheet()).pay()
    await page().waitFor('.status-header__status', { hasText: '待发货' })
    const orderId = decodeURIComponent(page().query.id)

    const shipped = await callAs(shop.cloud, HQ_ADMIN.openid, 'hq-orders', 'shipOrders', { orders: [{ orderId, carrierId: 'SF', trackingNo: 'SF1234567890' }] })
    expect(shipped).toMatchObject({ ok: true, data: { outcomes: [{ ok: true }] } })
    // Back on the list (pulled down for the news), the order is 待收货; its page has the button.
    await mp.open('/package-orders/pages/list/index?tab=all')
    await page().waitFor('.order-card')
    await page().pullDownRefresh()
    expect(page().refreshing).toBe(false)
    expect(page().texts('.order-card__status')[0]).toBe('待收货')
    await page().tap('.order-card', { nth: 0 })
    await page().waitFor('.status-header__status', { hasText: '待收货' })
    // The carrier by name, and the tracking number one tap from the clipboard.
    expect(page().text('.order-detail__carrier')).toContain('顺丰速运')
    expect(page().text('.order-detail__tracking')).toContain('SF1234567890')
    await page().tap('.order-detail__tracking .order-detail__copy')
    expect(mp.records.clipboard.at(-1)).toBe('SF1234567890')

    await page().tap('.order-actions__button', { hasText: '确认收货' })
    const asked = await mp.modal()
    expect(asked.title).toBe('确认收货')
    await asked.cancel()
    expect((await order(orderId)).status).toBe('shipped')

    await page().tap('.order-actions__button', { hasText: '确认收货' })
    await (await mp.modal()).confirm()
    await page().waitFor('.status-header__status', { hasText: '已完成' })
    expect(mp.records.toasts.at(-1)?.title).toBe('已确认收货')
    expect((await order(orderId)).status).toBe('completed')
  })
})
