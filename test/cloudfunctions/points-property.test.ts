import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_RULES } from '../../src/core/member'
import { HQ, addHqAdmin, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

/**
 * The rule, through the real functions: under any sequence of orders (spending any share of the
 * points, sometimes more than the balance), payments, cancellations, expiries, refunds in part or in
 * whole, before or after completion, and completions, every buyer's balance is the sum of their
 * points ledger and never below zero.
 */
describe('points under random order lives', () => {
  let t: TestCloud
  const { version: _version, ...settings } = DEFAULT_MEMBER_RULES

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { refundDelayMs: 50 } })
    await addTestCatalog(t.db, { 'tea-100g': 5000, 'tea-250g': 5000 })
    await addHqAdmin(t.db)
    // Many points per yuan, so that later orders have points to spend.
    expect(await callAs(t.cloud, HQ, 'hq-marketing', 'setMemberRules', { rules: { ...settings, earnPointsPer100Yuan: 5000 } })).toMatchObject({ ok: true })
  })
  afterAll(() => t.close())

  it("each buyer's balance equals their ledger's sum and never goes negative", async () => {
    const buyers = ['o-p1', 'o-p2'].map((openid) => buyer(t.cloud, openid))
    const accountOf = async (openid: string) => (await t.db.collection('member_accounts').where({ _id: openid }).get()).data[0]
    const ledgerSum = async (openid: string) =>
      (await t.db.collection('points_ledger').where({ openid }).limit(1000).get()).data.reduce((sum: number, e: { points: number }) => sum + e.points, 0)

    type Move =
      | { kind: 'place'; buyer: number; sku: 'tea-100g' | 'tea-250g'; quantity: number; spend: number }
      | { kind: 'pay' | 'cancel' | 'expire' | 'complete'; order: number }
      | { kind: 'refund'; order: number; part: number }
    const move: fc.Arbitrary<Move> = fc.oneof(
      fc.record({
        kind: fc.constant('place' as const),
        buyer: fc.nat(1),
        sku: fc.constantFrom('tea-100g' as const, 'tea-250g' as const),
        quantity: fc.integer({ min: 1, max: 3 }),
        // The share of the balance the buyer asks to spend; above 1 asks for more than they hold.
        spend: fc.double({ min: 0, max: 1.2, noNaN: true }),
      }),
      fc.record({ kind: fc.constantFrom('pay' as const, 'pay' as const, 'cancel' as const, 'expire' as const, 'complete' as const, 'complete' as const), order: fc.nat() }),
      fc.record({ kind: fc.constant('refund' as const), order: fc.nat(), part: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
    )

    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 6, maxLength: 12 }), async (moves) => {
        const placed: Array<{ b: ReturnType<typeof buyer>; orderId: string }> = []
        for (const m of moves) {
          if (m.kind === 'place') {
            const b = buyers[m.buyer]
            const balance = (await accountOf(b.openid))?.balance ?? 0
            const answer = await b.place([{ skuId: m.sku, quantity: m.quantity }], { points: Math.floor(balance * m.spend) })
            if (!answer.ok) {
              // Asking for more than the balance, or holding as many unpaid orders as allowed: refused, nothing happens.
              expect(['POINTS_INSUFFICIENT', 'ORDER_UNPAID_LIMIT'], JSON.stringify(answer)).toContain(answer.error.code)
              continue
            }
            placed.push({ b, orderId: answer.data._id })
          } else {
            const target = placed[m.order % Math.max(placed.length, 1)]
            if (!target) continue
            const order = await target.b.order(target.orderId)
            const refunds = [...(order.previousRefunds ?? []), ...(order.refund ? [order.refund] : [])]
            const leftFen = order.payableFen - refunds.filter((r: any) => r.status === 'refunded').reduce((s: number, r: any) => s + r.amountFen, 0)
            const waiting = order.status === 'pending_payment'
            if (m.kind === 'cancel' && waiting) await target.b.call('order', 'cancelOrder', { orderId: order._id, reason: '不想要了' })
            if (m.kind === 'expire' && waiting) {
              await t.db.collection('orders').doc(order._id).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
              await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
            }
            if (m.kind === 'pay' && waiting) {
              await target.b.pay(order._id)
              await eventually(() => target.b.order(order._id), (o) => o.status === 'paid', 15_000)
            }
            const keepsGoods = order.buyerStatus !== 'refunded'
            if (m.kind === 'complete' && ['paid', 'shipped'].includes(order.status) && keepsGoods && order.refund?.status !== 'requested') {
              if (order.status === 'paid') await shipOrder(t.cloud, order._id, 'SF2026113009')
              expect(await target.b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: true })
            }
            if (m.kind === 'refund' && ['paid', 'shipped', 'completed'].includes(order.status) && leftFen > 0) {
              const answer = await callAs(t.cloud, HQ, 'hq-orders', 'startRefund', { orderId: order._id, reason: '随机退款', amountFen: Math.max(1, Math.floor(leftFen * m.part)) })
              expect(answer.ok, JSON.stringify(answer)).toBe(true)
              await eventually(() => target.b.order(order._id), (o) => o.refund?.status === 'refunded', 10_000)
            }
          }
          for (const b of buyers) {
            const balance = (await accountOf(b.openid))?.balance ?? 0
            expect(balance).toBe(await ledgerSum(b.openid))
            expect(balance).toBeGreaterThanOrEqual(0)
          }
        }
        // The next run starts with no unpaid orders held, so its buyers are not turned away by the limit.
        for (const { b, orderId } of placed) {
          if ((await b.order(orderId)).status === 'pending_payment') await b.call('order', 'cancelOrder', { orderId, reason: '不想要了' })
        }
      }),
      { numRuns: 4 },
    )
  }, 300_000)
})
