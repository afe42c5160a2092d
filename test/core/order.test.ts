import { describe, expect, it } from 'vitest'
import { Order, OrderEvent, OrderStatus, OrderTab, ORDER_MOVES, inOrderTab, Refund, RefundStatus, buyerActions, buyerStatusOf, hideForBuyer, orderNumber, refundedGoodsFenOf, requestKeyOf, transition, viewOrder, viewOrderForHq } from '../../src/core/order'

const at = new Date('2026-11-25T02:00:00Z')
const buyer = { kind: 'buyer' as const, openid: 'o1' }

/** A refund of one of the order's two units (¥0.50 of its ¥1.00). */
const partial = (status: RefundStatus, outRefundNo = 'R1'): Refund => ({
  status,
  startedBy: 'buyer',
  reason: '不想要了',
  lines: [{ lineIndex: 0, quantity: 1, goodsFen: 50 }],
  requestedFen: 50,
  amountFen: 50,
  goodsFen: 50,
  shippingFen: 0,
  final: false,
  outRefundNo,
  requestedAt: at,
})

function order(status: OrderStatus, refund: RefundStatus | null = null): Order {
  return {
    _id: 'id',
    orderNo: '20261125100000000001',
    buyerOpenid: 'o1',
    requestKey: requestKeyOf('o1', 'r1'),
    status,
    lines: [{ skuId: 's1', productId: 'p1', categoryId: 'c1', title: '龙井', specs: {}, image: '', unitPriceFen: 50, quantity: 2, lineTotalFen: 100, discountFen: 0, paidFen: 100 }],
    goodsFen: 100,
    discountFen: 0,
    shippingFen: 0,
    payableFen: 100,
    discounts: [],
    address: { name: '林', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路1号' },
    remark: '',
    payment: { outTradeNo: '20261125100000000001' },
    ...(refund ? { refund: partial(refund) } : {}),
    timeline: [],
    createdAt: at,
    expiresAt: at,
    updatedAt: at,
  }
}

const STATUSES: OrderStatus[] = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled']
/** The latest refund: none, a refund's status (仅退款), or `return:` and its status (退货退款). */
type RefundState = RefundStatus | `return:${RefundStatus}` | null
const REFUND_STATUS_LIST: RefundStatus[] = ['requested', 'awaiting_return', 'returning', 'approved', 'refunded', 'rejected', 'failed', 'withdrawn', 'closed']
/** Every state an order's latest refund can be in (awaiting, returning and closed for want of goods are a return's only). */
const REFUNDS: RefundState[] = [
  null,
  ...REFUND_STATUS_LIST.filter((r) => r !== 'awaiting_return' && r !== 'returning' && r !== 'closed'),
  ...REFUND_STATUS_LIST.map((r) => `return:${r}` as const),
]
const EVENTS = Object.keys(ORDER_MOVES) as OrderEvent[]

const statusOf = (state: RefundState): RefundStatus | null => (state ? (state.replace('return:', '') as RefundStatus) : null)
const inState = (status: OrderStatus, state: RefundState): Order => {
  const o = order(status, statusOf(state))
  return state?.startsWith('return:') ? { ...o, refund: { ...o.refund!, kind: 'return' } } : o
}
const stateOf = (refund: Refund | undefined): RefundState => (refund ? (refund.kind === 'return' ? `return:${refund.status}` : refund.status) : null)

/** After any refund that did not go through (refused, withdrawn, a return closed), or after a partial one, the order carries on. */
const OVER: RefundState[] = [null, 'rejected', 'withdrawn', 'refunded', 'return:rejected', 'return:withdrawn', 'return:closed', 'return:refunded']

/** The whole table, written out as the rules read. */
const LEGAL: Array<[OrderEvent, OrderStatus, RefundState, OrderStatus, RefundState]> = [
  ['pay', 'pending_payment', null, 'paid', null],
  ['rejectPayment', 'pending_payment', null, 'cancelled', null],
  ['cancel', 'pending_payment', null, 'cancelled', null],
  ['expire', 'pending_payment', null, 'cancelled', null],
  ...(['ship', 'confirmReceipt', 'autoComplete'] as const).flatMap((event): typeof LEGAL =>
    OVER.map((refund) => [event, event === 'ship' ? 'paid' : 'shipped', refund, event === 'ship' ? 'shipped' : 'completed', refund]),
  ),
  ...(['paid', 'shipped', 'completed'] as OrderStatus[]).flatMap((s): typeof LEGAL => [
    ...OVER.flatMap((refund): typeof LEGAL => [
      ['requestRefund', s, refund, s, 'requested'],
      ['startRefund', s, refund, s, 'approved'],
      // 退货退款 only once the goods have left.
      ...(s === 'paid' ? [] : ([['requestReturn', s, refund, s, 'return:requested']] as typeof LEGAL)),
    ]),
    ['approveRefund', s, 'requested', s, 'approved'],
    ['rejectRefund', s, 'requested', s, 'rejected'],
    ['rejectRefund', s, 'return:requested', s, 'return:rejected'],
    // 撤销申请: while HQ has not decided, or before the goods are sent back; the order stays where it was.
    ['withdrawRefund', s, 'requested', s, 'withdrawn'],
    ['withdrawRefund', s, 'return:requested', s, 'return:withdrawn'],
    ['withdrawRefund', s, 'return:awaiting_return', s, 'return:withdrawn'],
    // A return: HQ agrees, the buyer sends the goods, HQ has them and the refund is approved — or HQ
    // refuses it on receipt; goods never sent close it at the deadline.
    ...(s === 'paid'
      ? []
      : ([
          ['approveReturn', s, 'return:requested', s, 'return:awaiting_return'],
          ['shipReturn', s, 'return:awaiting_return', s, 'return:returning'],
          ['receiveReturn', s, 'return:returning', s, 'return:approved'],
          ['refuseReturn', s, 'return:returning', s, 'return:rejected'],
          ['closeReturn', s, 'return:awaiting_return', s, 'return:closed'],
        ] as typeof LEGAL)),
    ...(['', 'return:'] as const).flatMap((k): typeof LEGAL => [
      ['refundSucceeded', s, `${k}approved`, s, `${k}refunded`],
      ['refundFailed', s, `${k}approved`, s, `${k}failed`],
      ['refundSucceeded', s, `${k}failed`, s, `${k}refunded`],
    ]),
  ]),
]

describe('order lifecycle', () => {
  it.each(LEGAL)('%s: %s (refund %s) → %s (refund %s)', (event, from, refundFrom, to, refundTo) => {
    const stated = inState(from, refundFrom)
    // The clock closes a return only once its deadline has come (the deadline's own rules are in refund.test.ts).
    const before = event === 'closeReturn' ? { ...stated, refund: { ...stated.refund!, returnDueAt: at } } : stated
    const opens = event === 'requestRefund' || event === 'startRefund' || event === 'requestReturn'
    const opened = { ...partial('requested', 'R2'), ...(event === 'requestReturn' ? { kind: 'return' as const } : {}) }
    const result = transition(before, event, buyer, at, opens ? { refund: opened } : {})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.status).toBe(to)
    expect(stateOf(result.data.refund)).toBe(refundTo)
    // A new refund keeps the one before it in the order's history.
    expect(result.data.previousRefunds?.map(stateOf) ?? []).toEqual(opens && refundFrom ? [refundFrom] : [])
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
          const result = transition(inState(status, refund), event, buyer, at)
          expect(result.ok, `${event} from ${status}/${refund}`).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('ORDER_ILLEGAL_TRANSITION')
            // A move for the other kind of refund says which kind the order's is.
            const { from, refundFrom } = ORDER_MOVES[event]
            const kindOnly = from.includes(status) && (!refundFrom || refundFrom.includes(statusOf(refund)))
            const kind = refund?.startsWith('return:') ? 'return' : 'refund_only'
            expect(result.error.details).toEqual({ event, status, refundStatus: statusOf(refund), ...(kindOnly ? { kind } : {}) })
          }
          refused++
        }
      }
    }
    expect(refused).toBe(EVENTS.length * STATUSES.length * REFUNDS.length - LEGAL.length)
  })

  /** The order after a second refund gave back its other unit: the buyer keeps nothing. */
  const refundedWhole = (status: OrderStatus): Order => ({ ...order(status), previousRefunds: [partial('refunded')], refund: { ...partial('refunded', 'R2'), final: true } })

  it('tells the buyer the order is refunded once the money for all of it is back, whatever the order status was', () => {
    expect(buyerStatusOf(refundedWhole('paid'))).toBe('refunded')
    expect(buyerStatusOf(refundedWhole('completed'))).toBe('refunded')
    expect(buyerStatusOf(order('paid', 'refunded'))).toBe('paid')
    expect(buyerStatusOf(order('paid', 'requested'))).toBe('paid')
    expect(buyerStatusOf(order('shipped'))).toBe('shipped')
  })

  it.each(['ship', 'confirmReceipt', 'autoComplete', 'requestRefund'] as const)('an order refunded whole cannot %s: the buyer has no goods left', (event) => {
    const refused = transition(refundedWhole(event === 'confirmReceipt' || event === 'autoComplete' ? 'shipped' : 'paid'), event, buyer, at, event === 'requestRefund' ? { refund: partial('requested', 'R3') } : {})
    expect(refused.ok ? undefined : refused.error).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', details: { refundStatus: 'refunded', refundedAll: true } })
    expect(buyerActions(refundedWhole('shipped'))).toEqual([])
  })

  it('HQ may still send back money left after the goods (a shipping fee it kept), and nothing once all is back', () => {
    const goodsBack = { ...refundedWhole('shipped'), shippingFen: 1000, payableFen: 1100 }
    expect(transition(goodsBack, 'startRefund', { kind: 'hq', openid: 'o-hq' }, at, { refund: partial('approved', 'R3') }).ok).toBe(true)
    const refused = transition(refundedWhole('shipped'), 'startRefund', { kind: 'hq', openid: 'o-hq' }, at, { refund: partial('approved', 'R3') })
    expect(refused.ok ? undefined : refused.error.details).toMatchObject({ refundedAll: true })
  })

  it('counts the goods refunded over the refunds that succeeded, shipping and unfinished refunds excluded', () => {
    expect(refundedGoodsFenOf(order('paid'))).toBe(0)
    expect(refundedGoodsFenOf(order('paid', 'approved'))).toBe(0)
    expect(refundedGoodsFenOf(order('paid', 'refunded'))).toBe(50)
    expect(refundedGoodsFenOf({ ...refundedWhole('paid'), refund: { ...partial('refunded', 'R2'), amountFen: 1050, shippingFen: 1000 } })).toBe(100)
  })

  it('a refund that failed is not shown as refunded, and waits for HQ rather than the buyer', () => {
    expect(buyerStatusOf(order('paid', 'failed'))).toBe('paid')
    expect(buyerActions(order('paid', 'failed'))).toEqual([])
    const shipped = transition(order('paid', 'failed'), 'ship', { kind: 'hq', openid: 'o-hq' }, at)
    expect(shipped.ok ? undefined : shipped.error.details).toMatchObject({ refundStatus: 'failed' })
  })


  it.each<[OrderTab, OrderStatus, RefundState, boolean]>([
    ['all', 'paid', null, true],
    ['paid', 'paid', null, true],
    ['paid', 'shipped', 'requested', false],
    ['shipped', 'shipped', 'requested', true],
    // 售后: every order that has had a refund, whatever became of it, and no other.
    ['after_sales', 'paid', null, false],
    ...REFUNDS.filter((r) => r !== null).map((r): [OrderTab, OrderStatus, RefundState, boolean] => ['after_sales', 'completed', r, true]),
  ])('under the %s tab: an order %s with refund %s is %s', (tab, status, refund, shown) => {
    expect(inOrderTab(tab, inState(status, refund))).toBe(shown)
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

describe('what a buyer can do with a finished order', () => {
  it.each<[string, Order, string[]]>([
    ['a completed order is bought again or deleted, besides a refund', order('completed'), ['requestRefund', 'buyAgain', 'hide']],
    ['a cancelled order is bought again or deleted', order('cancelled'), ['buyAgain', 'hide']],
    ['an order whose refund is asked for stays in sight until HQ decides', order('completed', 'requested'), ['withdrawRefund', 'buyAgain']],
    ['an order whose refund is under way stays in sight', order('completed', 'approved'), ['buyAgain']],
    ['an order whose refund failed stays in sight for HQ to finish', order('completed', 'failed'), ['buyAgain']],
    ['an order refunded in part may be deleted', order('completed', 'refunded'), ['requestRefund', 'buyAgain', 'hide']],
    ['an order whose late payment is still on its way back stays in sight', { ...order('cancelled'), latePayment: { transactionId: 't', paidFen: 100, outRefundNo: 'L1' } }, ['buyAgain']],
    ['an order whose late payment is back may be deleted', { ...order('cancelled'), latePayment: { transactionId: 't', paidFen: 100, outRefundNo: 'L1', refundedAt: at } }, ['buyAgain', 'hide']],
    ['an order deleted once is not deleted again', { ...order('cancelled'), hiddenByBuyerAt: at }, ['buyAgain']],
    ['an unpaid order is neither', order('pending_payment'), ['pay', 'cancel']],
    ['a paid order is neither', order('paid'), ['requestRefund']],
    ['a shipped order is neither', order('shipped'), ['confirmReceipt', 'requestRefund']],
  ])('%s', (_, given, actions) => {
    expect(buyerActions(given)).toEqual(actions)
  })

  it('deleting hides the order from the buyer at that instant and changes nothing else', () => {
    const hidden = hideForBuyer(order('completed'), at)
    expect(hidden).toEqual({ ok: true, data: { ...order('completed'), hiddenByBuyerAt: at, updatedAt: at } })
  })

  it.each<[string, Order]>([
    ['an unpaid order', order('pending_payment')],
    ['a shipped order', order('shipped')],
    ['an order with a refund asked for', order('completed', 'requested')],
    ['an order already deleted', { ...order('completed'), hiddenByBuyerAt: at }],
  ])('deleting %s is refused with its state', (_, given) => {
    const refused = hideForBuyer(given, at)
    expect(refused).toEqual({ ok: false, error: { code: 'ORDER_NOT_HIDEABLE', details: { status: given.status, refundStatus: given.refund?.status ?? null } } })
  })
})

describe('what the buyer sees of an order HQ moved', () => {
  const hq = { kind: 'hq' as const, openid: 'o-hq-staff' }
  const shipped = () => {
    const moved = transition(order('paid'), 'ship', hq, at, {
      shipment: { company: '顺丰速运', carrierId: 'SF', trackingNo: 'SF1234567890', shippedAt: at },
      shippingReport: { state: 'pending', attempts: 1, nextAttemptAt: at, lastError: { errcode: -1, errmsg: 'system error', at } },
    })
    if (!moved.ok) throw new Error('ship refused')
    return moved.data
  }

  it('names who moved it by kind only, and keeps HQ’s report to WeChat to HQ', () => {
    const view = viewOrder(shipped())
    expect(view.timeline.map((entry) => entry.actor)).toEqual([{ kind: 'hq' }])
    expect(view).not.toHaveProperty('shippingReport')
    expect(view).not.toHaveProperty('buyerOpenid')
    expect(view).not.toHaveProperty('requestKey')
    expect(JSON.stringify(view)).not.toMatch(/o-hq-staff|system error/)
    expect(view.shipment).toEqual({ company: '顺丰速运', carrierId: 'SF', trackingNo: 'SF1234567890', shippedAt: at })
  })

  it('HQ’s view has the report besides', () => {
    expect(viewOrderForHq(shipped()).shippingReport).toMatchObject({ state: 'pending', lastError: { errcode: -1 } })
  })
})
