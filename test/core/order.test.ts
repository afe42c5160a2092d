import { describe, expect, it } from 'vitest'
import { Order, OrderEvent, OrderStatus, ORDER_MOVES, RefundStatus, buyerActions, buyerStatusOf, orderNumber, requestKeyOf, transition } from '../../src/core/order'

const at = new Date('2026-11-25T02:00:00Z')
const buyer = { kind: 'buyer' as const, openid: 'o1' }

function order(status: OrderStatus, refund: RefundStatus | null = null): Order {
  return {
    _id: 'id',
    orderNo: '20261125100000000001',
    buyerOpenid: 'o1',
    requestKey: requestKeyOf('o1', 'r1'),
    status,
    lines: [],
    goodsFen: 100,
    discountFen: 0,
    shippingFen: 0,
    payableFen: 100,
    discounts: [],
    address: { name: '林', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路1号' },
    remark: '',
    payment: { outTradeNo: '20261125100000000001' },
    ...(refund ? { refund: { status: refund, reason: '不想要了', amountFen: 100, outRefundNo: 'R1', requestedAt: at } } : {}),
    timeline: [],
    createdAt: at,
    expiresAt: at,
    updatedAt: at,
  }
}

const STATUSES: OrderStatus[] = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled']
const REFUNDS: Array<RefundStatus | null> = [null, 'requested', 'approved', 'refunded', 'rejected', 'failed']
const EVENTS = Object.keys(ORDER_MOVES) as OrderEvent[]

/** The whole table, written out as the rules read. */
const LEGAL: Array<[OrderEvent, OrderStatus, RefundStatus | null, OrderStatus, RefundStatus | null]> = [
  ['pay', 'pending_payment', null, 'paid', null],
  ['rejectPayment', 'pending_payment', null, 'cancelled', null],
  ['cancel', 'pending_payment', null, 'cancelled', null],
  ['expire', 'pending_payment', null, 'cancelled', null],
  ['ship', 'paid', null, 'shipped', null],
  ['ship', 'paid', 'rejected', 'shipped', 'rejected'],
  ['confirmReceipt', 'shipped', null, 'completed', null],
  ['confirmReceipt', 'shipped', 'rejected', 'completed', 'rejected'],
  ['autoComplete', 'shipped', null, 'completed', null],
  ['autoComplete', 'shipped', 'rejected', 'completed', 'rejected'],
  ...(['paid', 'shipped', 'completed'] as OrderStatus[]).flatMap((s): typeof LEGAL => [
    ['requestRefund', s, null, s, 'requested'],
    ['requestRefund', s, 'rejected', s, 'requested'],
    ['approveRefund', s, 'requested', s, 'approved'],
    ['rejectRefund', s, 'requested', s, 'rejected'],
    ['refundSucceeded', s, 'approved', s, 'refunded'],
    ['refundFailed', s, 'approved', s, 'failed'],
    ['refundSucceeded', s, 'failed', s, 'refunded'],
  ]),
]

describe('order lifecycle', () => {
  it.each(LEGAL)('%s: %s (refund %s) → %s (refund %s)', (event, from, refundFrom, to, refundTo) => {
    const before = order(from, refundFrom)
    const result = transition(before, event, buyer, at, event === 'requestRefund' ? { refund: { status: 'requested', reason: '质量问题', amountFen: 100, outRefundNo: 'R2', requestedAt: at } } : {})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.status).toBe(to)
    expect(result.data.refund?.status ?? null).toBe(refundTo)
    expect(result.data.timeline).toHaveLength(1)
    expect(result.data.timeline[0]).toMatchObject({ event, at, actor: buyer })
    if (from !== to) expect(result.data.timeline[0]).toMatchObject({ from, to })
    expect(before.timeline).toHaveLength(0)
  })

  it('refuses every other event in every other state, with a reason in Chinese', () => {
    const legal = new Set(LEGAL.map(([e, s, r]) => `${e}/${s}/${r}`))
    let refused = 0
    for (const event of EVENTS) {
      for (const status of STATUSES) {
        for (const refund of REFUNDS) {
          if (legal.has(`${event}/${status}/${refund}`)) continue
          const result = transition(order(status, refund), event, buyer, at)
          expect(result.ok, `${event} from ${status}/${refund}`).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('ORDER_ILLEGAL_TRANSITION')
            expect(result.error.details).toEqual({ event, status, refundStatus: refund })
          }
          refused++
        }
      }
    }
    expect(refused).toBe(EVENTS.length * STATUSES.length * REFUNDS.length - LEGAL.length)
  })

  it('tells the buyer the order is refunded once the money is back, whatever the order status was', () => {
    expect(buyerStatusOf(order('paid', 'refunded'))).toBe('refunded')
    expect(buyerStatusOf(order('completed', 'refunded'))).toBe('refunded')
    expect(buyerStatusOf(order('paid', 'requested'))).toBe('paid')
    expect(buyerStatusOf(order('shipped'))).toBe('shipped')
  })

  it('a refund that failed is not shown as refunded, and waits for HQ rather than the buyer', () => {
    expect(buyerStatusOf(order('paid', 'failed'))).toBe('paid')
    expect(buyerActions(order('paid', 'failed'))).toEqual([])
    const shipped = transition(order('paid', 'failed'), 'ship', { kind: 'hq', openid: 'o-hq' }, at)
    expect(shipped.ok ? undefined : shipped.error.details).toMatchObject({ refundStatus: 'failed' })
  })


  it('an idempotency key is the same for a repeated request and different for another buyer or request', () => {
    expect(requestKeyOf('o1', 'r-1')).toBe(requestKeyOf('o1', 'r-1'))
    expect(requestKeyOf('o1', 'r-1')).not.toBe(requestKeyOf('o2', 'r-1'))
    expect(requestKeyOf('o1', 'r-1')).not.toBe(requestKeyOf('o1', 'r-2'))
  })

  it('numbers orders by Shanghai time to the second plus six random digits', () => {
    expect(orderNumber(new Date('2026-11-25T16:30:05Z'), () => 0.0123456)).toBe('20261126003005012345')
    expect(orderNumber(at, () => 0.999999999)).toMatch(/^\d{14}999999$/)
    expect(orderNumber(at, () => 0).length).toBeLessThanOrEqual(32)
  })
})
