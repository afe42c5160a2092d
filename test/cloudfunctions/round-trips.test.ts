import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseRequests, countDatabaseRequests } from '../support/database-requests'
import { addHqAdmin, bindCustomer, employeeWithShop, hq } from '../support/employees'
import { TestCloud, startTestCloud } from '../support/local-cloud'
import { buyer, eventually } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'
import { applyBump, mergeBumps, paymentBumps, type Bump } from '../../src/core/dashboard'
import { couponTemplate } from '../support/coupons'
import { callAs } from '../support/local-cloud'

/**
 * Every database request a cloud function sends is a network round trip in production, so the hot
 * paths are held to budgets that are counted exactly (the local cloud sees every request), and none
 * of their reads may scan. A change that adds a request fails here; lower a budget when a path gets
 * cheaper. Each budget names what the path does with its requests.
 */
describe('database round trips of the hot paths', () => {
  let t: TestCloud
  let shop: { _id: string; ownerOpenid: string }
  const THREE_LINES = [
    { skuId: 'tea-100g', quantity: 1 },
    { skuId: 'tea-250g', quantity: 2 },
    { skuId: 'tea-500g', quantity: 1 },
  ]

  beforeAll(async () => {
    t = await startTestCloud()
    await addTestCatalog(t.db, { 'tea-100g': 1000, 'tea-250g': 1000 })
    await t.db.collection('skus').add({ data: { _id: 'tea-500g', productId: 'p-tea', specs: { 规格: '500g' }, priceFen: 29800, stock: 1000 } })
    await t.db.collection('skus').add({ data: { _id: 'tea-50g', productId: 'p-tea', specs: { 规格: '50g' }, priceFen: 3800, stock: 1000 } })
    await addHqAdmin(t.db)
    shop = await employeeWithShop(t.cloud, 'E-RT-1', 'o-rt-owner', '周敏')
    // Commission on, so a payment books it: the notification's heaviest first delivery.
    expect(await hq(t.cloud, 'setCommissionRules', { rules: { defaultRateBps: 1000 } })).toMatchObject({ ok: true })
  })
  afterAll(() => t.close())

  const within = (requests: DatabaseRequests, budget: number) => {
    expect(requests.scans).toEqual([])
    expect(requests.total, requests.actions.join('\n')).toBeLessThanOrEqual(budget)
  }

  it('placeOrder with three lines: the rules, address and attribution, then one transaction', async () => {
    const lin = buyer(t.cloud, 'o-rt-plain')
    await lin.addressId()
    const { result, requests } = await countDatabaseRequests(() => lin.place(THREE_LINES))
    expect(result).toMatchObject({ ok: true })
    // The rules (one read), address, roster, binding, SKUs and products, the live campaign prices,
    // the buyer's member account (level and points) and coupons; start, the buyer's unpaid count, the
    // SKUs' stock, three stock writes, the order, the count, commit.
    within(requests, 18)
  })

  it('placeOrder from the cart, for a buyer bound to a shop: the cart is tidied in the same transaction', async () => {
    const wang = buyer(t.cloud, 'o-rt-bound')
    await bindCustomer(t.db, wang.openid, shop)
    await wang.addressId()
    for (const line of [...THREE_LINES, { skuId: 'tea-50g', quantity: 1 }]) await wang.call('cart', 'addToCart', line)
    const { result, requests } = await countDatabaseRequests(() => wang.place(THREE_LINES, { fromCart: true }))
    expect(result).toMatchObject({ ok: true })
    // The ordered lines left the cart; the one not ordered stayed.
    expect((await wang.call('cart', 'getCart')).data.items.map((i: any) => i.skuId)).toEqual(['tea-50g'])
    // As above, plus the bound shop and its owner's name, and the cart's write.
    within(requests, 21)
  })

  it('the payment notification, first delivery, of an order that earns its shop commission', async () => {
    const zhao = buyer(t.cloud, 'o-rt-pay')
    await bindCustomer(t.db, zhao.openid, shop)
    const { data: order } = await zhao.place([{ skuId: 'tea-100g', quantity: 1 }])
    const { requests } = await countDatabaseRequests(async () => {
      await zhao.pay(order._id)
      await eventually(() => zhao.order(order._id), (o) => o.status === 'paid')
    }, 'payment-callback')
    expect((await t.db.collection('commission_orders').doc(order._id).get()).data).toMatchObject({ shopId: shop._id, status: 'pending' })
    // The order by its number; start, the order, the rules (attribution and commission in one read),
    // the binding, the account; the order, the unpaid count, the binding, its history, the funnel
    // event, the order's commission, the account, its entry; the dashboard's rollups (the buyer's
    // first order, read then written; the shop's day, the business's day, the product's day: the
    // first payment of their day finds nothing to increment, so each is inserted); commit.
    within(requests, 23)
  })

  it('the payment notification of a repeat buyer on a day that already has sales: each rollup one increment', async () => {
    const qian = buyer(t.cloud, 'o-rt-pay-again')
    await bindCustomer(t.db, qian.openid, shop)
    const first = (await qian.place([{ skuId: 'tea-100g', quantity: 1 }])).data
    await qian.pay(first._id)
    await eventually(() => qian.order(first._id), (o) => o.status === 'paid')
    const { data: order } = await qian.place([{ skuId: 'tea-100g', quantity: 1 }])
    // The day's rollup documents this order adds to, as the day's earlier payments would have left them.
    const now = new Date()
    for (const bump of mergeBumps(paymentBumps(order, now, false))) {
      const nothing = (bump.collection === 'product_daily' ? { units: 0, salesFen: 0 } : {}) as Bump['add']
      if ((await t.db.collection(bump.collection).where({ _id: bump.id }).get()).data.length === 0) await t.db.collection(bump.collection).add({ data: applyBump(null, { ...bump, add: nothing } as Bump, now) })
    }
    const { requests } = await countDatabaseRequests(async () => {
      await qian.pay(order._id)
      await eventually(() => qian.order(order._id), (o) => o.status === 'paid')
    }, 'payment-callback')
    // As above, but the buyer's first order is only read, and the shop's, the business's and the
    // product's day are one increment each.
    within(requests, 19)
  })

  it('addToCart: the cart, its lines\' SKUs and products in two queries with the live campaign prices beside them, and one conditional write', async () => {
    const chen = buyer(t.cloud, 'o-rt-cart')
    await chen.call('cart', 'addToCart', { skuId: 'tea-250g', quantity: 1 })
    const { result, requests } = await countDatabaseRequests(() => chen.call('cart', 'addToCart', { skuId: 'tea-100g', quantity: 1 }))
    expect(result.data.items).toHaveLength(2)
    within(requests, 5)
  })

  it('placeOrder spending a coupon: the coupon is read and written in the order\'s transaction', async () => {
    const chen = buyer(t.cloud, 'o-rt-coupon')
    await chen.addressId()
    const couponId = await holdCoupon(chen.openid)
    const { result, requests } = await countDatabaseRequests(() => chen.place(THREE_LINES, { couponId }))
    expect(result).toMatchObject({ ok: true, data: { discountFen: 1000 } })
    // As the plain order, plus the coupon's read and write in the transaction.
    within(requests, 20)
  })

  it("quoteOrder: the SKUs and their products, each a list of ids read in one indexed query; HQ's pricing rules, the live campaign prices, the buyer's member account and coupons", async () => {
    const { result, requests } = await countDatabaseRequests(() => buyer(t.cloud, 'o-rt-quote').call('order', 'quoteOrder', { lines: THREE_LINES }))
    expect(result).toMatchObject({ ok: true })
    // The shipping and member rules in one read, beside the catalog, the campaign prices, the account and the coupons (one Promise.all).
    within(requests, 6)
  })

  it('quoteOrder for an anonymous shopper: no account or coupons to read', async () => {
    const { result, requests } = await countDatabaseRequests(() => callAs(t.cloud, undefined, 'order', 'quoteOrder', { lines: THREE_LINES }))
    expect(result).toMatchObject({ ok: true })
    within(requests, 4)
  })

  it('placeOrder without a coupon (checkout showed none): the buyer\'s coupons are not read', async () => {
    const xu = buyer(t.cloud, 'o-rt-no-coupon')
    await xu.addressId()
    const { result, requests } = await countDatabaseRequests(() => xu.place(THREE_LINES, { couponId: null }))
    expect(result).toMatchObject({ ok: true })
    within(requests, 17)
  })

  /** A 满100减10 coupon held by the buyer, claimed through the coupons function. */
  async function holdCoupon(openid: string): Promise<string> {
    const templateId = await couponTemplate(t, { name: '满100减10', benefit: { kind: 'amount', amountFen: 1000 }, thresholdFen: 10000 })
    const claimed = await callAs(t.cloud, openid, 'coupons', 'claimCoupon', { templateId })
    expect(claimed).toMatchObject({ ok: true })
    return claimed.data._id
  }

  it('the product list: one page of products, and the live campaign prices beside it', async () => {
    const { result, requests } = await countDatabaseRequests(() => buyer(t.cloud, 'o-rt-list').call('catalog', 'listProducts', {}), 'catalog')
    expect(result.data.items.length).toBeGreaterThan(0)
    within(requests, 2)
  })

  it('the product page: the product with the live campaign prices beside it, then its SKUs', async () => {
    const { result, requests } = await countDatabaseRequests(() => buyer(t.cloud, 'o-rt-page').call('catalog', 'getProduct', { productId: 'p-tea' }), 'catalog')
    expect(result).toMatchObject({ ok: true })
    within(requests, 3)
  })
})
