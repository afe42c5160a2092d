import { AttributionRules, extendBinding } from '../../../src/core/attribution'
import type { CommissionRules } from '../../../src/core/commission'
import { FunnelEvent, orderEvent } from '../../../src/core/funnel'
import type { Order, TimelineEntry } from '../../../src/core/order'
import { ATTRIBUTION_RULES, readBinding, writeBinding } from '../bindings'
import { COMMISSION_RULES } from '../commission/ledger'
import { currentRulesOf } from '../versioned-rules'
import { accrueOrderCommission, freezeOrderCommission, reverseOrderCommission } from '../commission/order-commission'
import type { Transaction } from '../database'
import { moveStock } from './stock'
import { isFirstPaidOrder, writeRollups } from '../dashboard/rollups'
import { funnelBumps, paymentBumps, refundBumps } from '../../../src/core/dashboard'
import { uncountUnpaidOrder } from './unpaid-orders'
import { refundResultNotification, shippedNotification } from '../../../src/core/subscribe-message'
import { oweNotification } from '../notifications/outbox'
import type { MemberRules } from '../../../src/core/member'
import { MEMBER_RULES, creditOrderPoints, moveSpentPoints, reverseOrderPoints } from '../member/points'
import { issueRepurchaseCoupons, returnCoupon, spendCoupon } from '../coupons/order-effects'

/** A move as its effects see it: the order before and after, in the transaction that writes it. */
export interface Move {
  event: TimelineEntry['event']
  /** Null when the move is placing the order. */
  before: Order | null
  after: Order
  now: Date
  /** HQ's rules in force, for the effects that need them: read once per change, every kind in one request. */
  rules: { attribution(): Promise<AttributionRules>; commission(): Promise<CommissionRules>; member(): Promise<MemberRules> }
}

type Effect = (tx: Transaction, move: Move) => Promise<void>

const stockMove = (sign: 1 | -1): Effect => (tx, { after }) => moveStock(tx, after.lines.map((l) => ({ skuId: l.skuId, delta: sign * l.quantity })))

const reserveStock = stockMove(-1)
const releaseStock = stockMove(1)

/** A paid order of the shop the buyer is bound to restarts the binding's protection window. */
const extendBuyerBinding: Effect = async (tx, { after, now, rules }) => {
  const shopId = after.attribution?.shopId
  if (!shopId) return
  const binding = await readBinding(tx, after.buyerOpenid)
  if (!binding) return
  const paidAt = after.payment.paidAt ?? now
  const extension = extendBinding(binding, { _id: after._id, paidAt, attribution: { shopId } }, await rules.attribution())
  if (extension.binding !== binding) await writeBinding(tx, extension.binding, extension.history, true)
}

/** A paid order counts in its shop's funnel on the day it was paid. */
const countInFunnel: Effect = async (tx, { after, now }) => {
  const event = after.attribution ? orderEvent(after.attribution, after.payment.paidAt ?? now) : null
  if (event) await tx.collection<FunnelEvent>('funnel_events').add({ data: event })
}

/** A paid order adds to HQ's daily figures: its shop's sales and funnel, its products, a new customer. */
const rollUpPayment: Effect = async (tx, { after, now }) => {
  const paidAt = after.payment.paidAt ?? now
  const event = after.attribution ? orderEvent(after.attribution, paidAt) : null
  const firstPaid = await isFirstPaidOrder(tx, after.buyerOpenid, after._id, paidAt)
  await writeRollups(tx, [...paymentBumps(after, paidAt, firstPaid), ...funnelBumps(event ? [event] : [], after._id)], now)
}

/** A refund that succeeded adds to its shop's refunds on the day it did. */
const rollUpRefund: Effect = (tx, { after, now }) => writeRollups(tx, refundBumps(after, after.refund!.refundedAt ?? now, after.refund!.amountFen), now)

/**
 * What each move of an order does besides changing the order, declared here and nowhere else. Effects
 * run in the transaction that writes the order, so they happen exactly when the move does, and once:
 * a move that conflicts or is refused runs none of them. Features that hang on an order's life
 * (commission on payment, receipt and refund; points; coupons) add their effects to this table.
 */
/** The order no longer waits for payment: the buyer may place another within HQ's limit. */
const leaveUnpaid: Effect = (tx, { after, now }) => uncountUnpaidOrder(tx, after.buyerOpenid, now)

const accrueCommission: Effect = (tx, { after, now, rules }) => accrueOrderCommission(tx, after, rules.commission, now)
const freezeCommission: Effect = (tx, { after, now, rules }) => freezeOrderCommission(tx, after, rules.commission, now)
const reverseCommission: Effect = (tx, { after, now }) => reverseOrderCommission(tx, after, now)

/** The buyer is told (a subscription message, sent after the move commits) that the order shipped, or how a refund ended. */
const tellShipped: Effect = (tx, { after, now }) => oweNotification(tx, shippedNotification(after), now)
const tellRefundResult: Effect = (tx, { after, now }) => oweNotification(tx, refundResultNotification(after, now), now)

const spendPoints: Effect = (tx, { after, now }) => moveSpentPoints(tx, after, 'spend', now)
const unspendPoints: Effect = (tx, { after, now }) => moveSpentPoints(tx, after, 'unspend', now)
const creditPoints: Effect = (tx, { after, now, rules }) => creditOrderPoints(tx, after, rules.member, now)
const reversePoints: Effect = (tx, { before, after, now }) => reverseOrderPoints(tx, before!, after, now)
const spendOrderCoupon: Effect = (tx, { after, now }) => spendCoupon(tx, after, now)
const returnOrderCoupon: Effect = (tx, { after, now }) => returnCoupon(tx, after, now)
const issueRepurchase: Effect = (tx, { after, now }) => issueRepurchaseCoupons(tx, after, now)

export const ORDER_EFFECTS: { [E in Move['event']]?: Effect[] } = {
  // Placing also counts the order among the buyer's unpaid ones; placeOrder does that itself, since the
  // count it reads decides whether the order may be placed at all.
  place: [reserveStock, spendOrderCoupon, spendPoints],
  pay: [leaveUnpaid, extendBuyerBinding, countInFunnel, accrueCommission, rollUpPayment],
  cancel: [leaveUnpaid, releaseStock, returnOrderCoupon, unspendPoints],
  expire: [leaveUnpaid, releaseStock, returnOrderCoupon, unspendPoints],
  rejectPayment: [leaveUnpaid, releaseStock, returnOrderCoupon, unspendPoints],
  ship: [tellShipped],
  confirmReceipt: [freezeCommission, creditPoints, issueRepurchase],
  autoComplete: [freezeCommission, creditPoints, issueRepurchase],
  // A coupon spent on a paid order is not given back by a refund, as on Youzan: it was used.
  // Goods refunded before they shipped are still in the warehouse: the units the refund gives back return.
  refundSucceeded: [
    (tx, { before, after }) =>
      before?.status === 'paid' ? moveStock(tx, after.refund!.lines.filter((l) => l.quantity > 0).map((l) => ({ skuId: after.lines[l.lineIndex].skuId, delta: l.quantity }))) : Promise.resolve(),
    reverseCommission,
    reversePoints,
    rollUpRefund,
    tellRefundResult,
  ],
  rejectRefund: [tellRefundResult],
}

/** The rules a change's effects read, fetched on first need, and then every kind together in one read (a paid order needs two kinds). */
function rulesOnce(): Move['rules'] {
  let all: Promise<[AttributionRules, CommissionRules, MemberRules]> | undefined
  const read = () => (all ??= currentRulesOf(ATTRIBUTION_RULES, COMMISSION_RULES, MEMBER_RULES))
  return { attribution: async () => (await read())[0], commission: async () => (await read())[1], member: async () => (await read())[2] }
}

/**
 * Writes an order's change (or a new order, when `before` is null) and runs the effects of every move
 * it made, all in `tx`. Returns the order's id.
 */
export async function commitOrder(tx: Transaction, before: Order | null, after: Order, now: Date): Promise<string> {
  // Every move appends to the timeline, so the entries a change added are the moves it made.
  const rules = rulesOnce()
  const effects = after.timeline
    .slice(before?.timeline.length ?? 0)
    .flatMap(({ event }) => (ORDER_EFFECTS[event] ?? []).map((effect) => effect(tx, { event, before, after, now, rules })))
  const { _id, ...fields } = after
  // The writes go out together: the sooner a transaction has written a contended document (a hot
  // SKU) after reading it, and the sooner it commits after, the fewer others it conflicts with.
  const [written] = await Promise.all([
    before ? tx.collection<Order>('orders').doc(_id).set({ data: fields }).then(() => _id) : tx.collection<Order>('orders').add({ data: fields }).then(({ _id: id }) => id),
    ...effects,
  ])
  return written
}
