import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { businessDay } from '../../src/core/funnel'
import type { Order } from '../../src/core/order'
import { HQ, addHqAdmin, addHqMember, bindCustomer, employeeWithShop, hqOrders } from '../support/employees'
import { directAggregation } from '../support/dashboard-oracle'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

describe('hq-reports: the dashboard', () => {
  let t: TestCloud
  const dashboard = (period = 'today', openid = HQ) => callAs(t.cloud, openid, 'hq-reports', 'getDashboard', { period })
  /** What the store holds now, read past the protocol: a test's look, not a query a function makes. */
  const stored = <T>(collection: string): T[] =>
    t.cloud.db.store.collectionNames().includes(collection) ? [...t.cloud.db.store.collection(collection).chains.values()].map((chain) => chain[chain.length - 1].doc as T).filter(Boolean) : []

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { refundDelayMs: 50 } })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db, { 'tea-100g': 10_000, 'tea-250g': 10_000 })
  })
  afterAll(() => t.close())

  describe('who may read it', () => {
    it('HQ’s full admin and 财务 may; 运营, an employee, a stranger and an anonymous caller may not — and every call is audited', async () => {
      await addHqMember(t.db, 'o-finance', 'hq_finance')
      await addHqMember(t.db, 'o-ops', 'hq_ops')
      await employeeWithShop(t.cloud, 'RP1', 'o-employee', '路人')
      const callers: Array<[string | undefined, string | null]> = [
        [HQ, 'hq_admin'],
        ['o-finance', 'hq_finance'],
        ['o-ops', 'hq_ops'],
        ['o-employee', null],
        ['o-stranger', null],
      ]
      for (const [openid, role] of callers) {
        const answer = await dashboard('7d', openid)
        const allowed = role === 'hq_admin' || role === 'hq_finance'
        expect(answer.ok ? 'ok' : answer.error.code, openid).toBe(allowed ? 'ok' : 'HQ_FORBIDDEN')
        const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: openid, action: 'hq-reports.getDashboard' }).get()
        expect(audit).toMatchObject([{ actorRole: role, source: 'client', payload: { period: '7d' }, ok: allowed }])
      }
      expect(await callAs(t.cloud, undefined, 'hq-reports', 'getDashboard', { period: '7d' })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
      expect(await callAs(t.cloud, HQ, 'hq-reports', 'getDashboard', { period: 'year' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      const { data: invalid } = await t.db.collection('audit_logs').where({ actorOpenid: HQ, action: 'hq-reports.getDashboard', error: 'INVALID_INPUT' }).get()
      expect(invalid).toHaveLength(1)
    })
  })

  describe('figures from rollups', () => {
    it('orders paid, refunded in part and cancelled show up exactly: GMV, orders, average, refunds, new customers, top products and shops, departments, funnel', async () => {
      const before = (await dashboard()).data
      const shop = await employeeWithShop(t.cloud, 'RS1', 'o-seller', '沈悦')
      await bindCustomer(t.db, 'o-fan', shop)
      const fan = buyer(t.cloud, 'o-fan')
      const paid = async (b: ReturnType<typeof buyer>, lines: Array<{ skuId: string; quantity: number }>) => {
        const { data: order } = await b.place(lines)
        await b.pay(order._id)
        return eventually(() => b.order(order._id), (o) => o.status === 'paid', 15_000)
      }
      const first = await paid(fan, [{ skuId: 'tea-100g', quantity: 2 }])
      const second = await paid(fan, [{ skuId: 'tea-250g', quantity: 1 }])
      const hqOrder = await paid(buyer(t.cloud, 'o-walkin'), [{ skuId: 'tea-100g', quantity: 1 }])
      const { data: unpaid } = await fan.place([{ skuId: 'tea-100g', quantity: 1 }])
      await fan.call('order', 'cancelOrder', { orderId: unpaid._id })
      expect((await hqOrders(t.cloud, 'startRefund', { orderId: second._id, reason: '破损补偿', amountFen: 1200 })).ok).toBe(true)
      await eventually(() => fan.order(second._id), (o) => o.refund?.status === 'refunded')

      const after = (await dashboard()).data
      const gmv = first.payableFen + second.payableFen + hqOrder.payableFen
      expect(after.kpis).toEqual({
        gmvFen: before.kpis.gmvFen + gmv,
        paidOrders: before.kpis.paidOrders + 3,
        averageOrderFen: Math.floor((before.kpis.gmvFen + gmv) / (before.kpis.paidOrders + 3)),
        refunds: before.kpis.refunds + 1,
        refundFen: before.kpis.refundFen + 1200,
        newCustomers: before.kpis.newCustomers + 2,
      })
      expect(after.topShops.find((s: any) => s.shopId === shop._id)).toEqual({ shopId: shop._id, shopName: '沈悦的小店', ownerName: '沈悦', gmvFen: first.payableFen + second.payableFen, paidOrders: 2 })
      expect(after.hqSales.gmvFen - before.hqSales.gmvFen).toBe(hqOrder.payableFen)
      const department = after.departments.find((d: any) => d.department === '西湖旗舰店')
      expect(department.employees.find((e: any) => e.employeeNo === 'RS1')).toMatchObject({ name: '沈悦', gmvFen: first.payableFen + second.payableFen, paidOrders: 2 })
      expect(after.topProducts.find((p: any) => p.productId === 'p-tea').units).toBe((before.topProducts.find((p: any) => p.productId === 'p-tea')?.units ?? 0) + 4)
      expect(after.funnel.orders - before.funnel.orders).toBe(2)
      expect(after.daily.at(-1)).toEqual({ day: businessDay(new Date()), gmvFen: after.kpis.gmvFen, paidOrders: after.kpis.paidOrders })
    })

    it('payments of one shop at the same moment each count once: they write the same rollups, so one waits for or retries on the other', async () => {
      const before = (await dashboard()).data
      const shop = await employeeWithShop(t.cloud, 'RC1', 'o-busy-owner', '陈忙')
      const fans = ['o-rush-1', 'o-rush-2', 'o-rush-3'].map((openid) => buyer(t.cloud, openid))
      for (const fan of fans) await bindCustomer(t.db, fan.openid, shop)
      const orders = await Promise.all(fans.map(async (fan) => (await fan.place([{ skuId: 'tea-100g', quantity: 1 }])).data))
      await Promise.all(fans.map((fan, i) => fan.pay(orders[i]._id)))
      // A notification whose transaction keeps conflicting fails and is delivered again, so allow for redelivery.
      await Promise.all(fans.map((fan, i) => eventually(() => fan.order(orders[i]._id), (o) => o.status === 'paid', 60_000)))
      const after = (await dashboard()).data
      const gmv = orders.reduce((sum, o) => sum + o.payableFen, 0)
      expect(after.topShops.find((s: any) => s.shopId === shop._id)).toMatchObject({ gmvFen: gmv, paidOrders: 3 })
      expect([after.kpis.gmvFen - before.kpis.gmvFen, after.kpis.paidOrders - before.kpis.paidOrders, after.kpis.newCustomers - before.kpis.newCustomers]).toEqual([gmv, 3, 3])
    }, 120_000)

    it('a share and a visit count in the funnel', async () => {
      const before = (await dashboard()).data.funnel
      const owner = await employeeWithShop(t.cloud, 'RF1', 'o-sharer', '冯帆')
      const link = await callAs(t.cloud, 'o-sharer', 'referral', 'createShare', { channel: 'chat' })
      expect(link.ok).toBe(true)
      await callAs(t.cloud, 'o-sharer', 'referral', 'recordShare', { shareCode: link.data.shareCode })
      await callAs(t.cloud, 'o-newcomer', 'referral', 'recordVisit', { shopId: owner._id, shareCode: link.data.shareCode, channel: 'chat' })
      const after = (await dashboard()).data.funnel
      expect([after.shares - before.shares, after.visits - before.visits, after.binds - before.binds]).toEqual([1, 1, 1])
    })
  })

  /**
   * The rule, through the real functions: after a random sequence of orders, payments, refunds (in
   * part) and cancellations, the rollups equal an aggregation over every order in the store.
   */
  it('rollups equal a direct aggregation over the orders after random moves', async () => {
    const shop = await employeeWithShop(t.cloud, 'RR1', 'o-random-owner', '任然')
    for (const openid of ['o-r1', 'o-r2']) await bindCustomer(t.db, openid, shop)
    const buyers = ['o-r1', 'o-r2', 'o-r3'].map((openid) => buyer(t.cloud, openid))
    type Move = { kind: 'place'; buyer: number; sku: 'tea-100g' | 'tea-250g'; quantity: number } | { kind: 'pay' | 'cancel'; order: number } | { kind: 'refund'; order: number; part: number }
    const move: fc.Arbitrary<Move> = fc.oneof(
      fc.record({ kind: fc.constant('place' as const), buyer: fc.nat(2), sku: fc.constantFrom('tea-100g' as const, 'tea-250g' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constantFrom('pay' as const, 'pay' as const, 'cancel' as const), order: fc.nat() }),
      fc.record({ kind: fc.constant('refund' as const), order: fc.nat(), part: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 4, maxLength: 8 }), async (moves) => {
        const placed: Array<{ b: ReturnType<typeof buyer>; orderId: string }> = []
        for (const m of moves) {
          if (m.kind === 'place') {
            const b = buyers[m.buyer]
            const answer = await b.place([{ skuId: m.sku, quantity: m.quantity }])
            // A buyer holding as many unpaid orders as the shop allows is refused another: a move that does nothing.
            if (!answer.ok && answer.error.code === 'ORDER_UNPAID_LIMIT') continue
            expect(answer.ok, JSON.stringify(answer)).toBe(true)
            placed.push({ b, orderId: answer.data._id })
            continue
          }
          const target = placed[m.order % Math.max(placed.length, 1)]
          if (!target) continue
          const order = await target.b.order(target.orderId)
          if (m.kind === 'cancel' && order.status === 'pending_payment') {
            expect(await target.b.call('order', 'cancelOrder', { orderId: order._id, reason: '不想要了' })).toMatchObject({ ok: true })
          }
          if (m.kind === 'pay' && order.status === 'pending_payment') {
            await target.b.pay(order._id)
            await eventually(() => target.b.order(order._id), (o) => o.status === 'paid', 15_000)
          }
          const refundedFen = [...(order.previousRefunds ?? []), ...(order.refund ? [order.refund] : [])].filter((r: any) => r.status === 'refunded').reduce((s: number, r: any) => s + r.amountFen, 0)
          const leftFen = order.payableFen - refundedFen
          if (m.kind === 'refund' && order.status === 'paid' && leftFen > 0) {
            const answer = await hqOrders(t.cloud, 'startRefund', { orderId: order._id, reason: '随机退款', amountFen: Math.max(1, Math.floor(leftFen * m.part)) })
            expect(answer.ok, JSON.stringify(answer)).toBe(true)
            await eventually(() => target.b.order(order._id), (o) => o.refund?.status === 'refunded', 10_000)
          }
        }
        const rolledUp = { shopDays: {} as Record<string, unknown>, productDays: {} as Record<string, { units: number; salesFen: number }> }
        for (const d of stored<any>('sales_daily')) {
          const key = `${d.day} ${d.shopId ?? 'hq'}`
          const seen: any = rolledUp.shopDays[key] ?? {}
          rolledUp.shopDays[key] = Object.fromEntries(['gmvFen', 'paidOrders', 'newCustomers', 'refunds', 'refundFen', 'shares', 'visits', 'binds', 'funnelOrders'].map((f) => [f, (seen[f] ?? 0) + d[f]]))
        }
        for (const d of stored<any>('product_daily')) {
          const key = `${d.day} ${d.productId}`
          const seen = rolledUp.productDays[key] ?? { units: 0, salesFen: 0 }
          rolledUp.productDays[key] = { units: seen.units + d.units, salesFen: seen.salesFen + d.salesFen }
        }
        // Shares, visits and binds are no order's: the earlier test's are set aside, and days with only those.
        const ofOrders = Object.entries(rolledUp.shopDays)
          .map(([key, figures]: [string, any]) => [key, { ...figures, shares: 0, visits: 0, binds: 0 }] as const)
          .filter(([, figures]) => Object.values(figures).some((n) => n !== 0))
        expect(Object.fromEntries(ofOrders)).toEqual(directAggregation(stored<Order>('orders'), businessDay).shopDays)
        expect(rolledUp.productDays).toEqual(directAggregation(stored<Order>('orders'), businessDay).productDays)
        // The next run starts with no unpaid orders held, so its buyers are not turned away by the limit.
        for (const { b, orderId } of placed) {
          if ((await b.order(orderId)).status === 'pending_payment') {
            expect(await b.call('order', 'cancelOrder', { orderId, reason: '不想要了' })).toMatchObject({ ok: true })
          }
        }
      }),
      { numRuns: 4 },
    )
  }, 240_000)
})
