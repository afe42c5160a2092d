import type { AddressSnapshot } from './address'
import type { OrderAttribution } from './attribution'
import type { PricedLine, Quote } from './pricing'
import { Result, fail, ok } from './result'
import { inShanghai } from './time'

/**
 * The order lifecycle. Status moves only along the table below; every move appends to the order's
 * timeline who did it, when and why. Refunds run beside the status, on `refund`.
 */
export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled'
export type RefundStatus = 'requested' | 'approved' | 'refunded' | 'rejected' | 'failed'

/**
 * Why WeChat Pay could not send money back: `change` (退款异常) — the buyer's original account would
 * not take it (a closed or frozen card), and it waits to be handled by hand at the merchant platform;
 * `closed` (退款关闭) — the refund was closed without sending anything.
 */
export type RefundFailure = 'change' | 'closed'

export const UNPAID_ORDER_MINUTES = 30
export const AUTO_COMPLETE_DAYS = 10

export type Actor =
  | { kind: 'buyer'; openid: string }
  | { kind: 'hq'; openid: string }
  | { kind: 'wechat' }
  | { kind: 'system' }

export type OrderEvent =
  | 'pay'
  | 'rejectPayment'
  | 'cancel'
  | 'expire'
  | 'ship'
  | 'confirmReceipt'
  | 'autoComplete'
  | 'requestRefund'
  | 'approveRefund'
  | 'rejectRefund'
  | 'refundSucceeded'
  | 'refundFailed'

interface Move {
  /** Order statuses the event is allowed from. */
  from: OrderStatus[]
  /** The status after the event; unchanged when absent. */
  to?: OrderStatus
  /** Refund statuses the event is allowed from (`null`: no refund yet, or a rejected one may be asked again). */
  refundFrom?: Array<RefundStatus | null>
  refundTo?: RefundStatus
}

export const ORDER_MOVES: Record<OrderEvent, Move> = {
  pay: { from: ['pending_payment'], to: 'paid', refundFrom: [null] },
  // A payment the order cannot take (its amount is wrong) ends the order; the money goes back.
  rejectPayment: { from: ['pending_payment'], to: 'cancelled', refundFrom: [null] },
  cancel: { from: ['pending_payment'], to: 'cancelled', refundFrom: [null] },
  expire: { from: ['pending_payment'], to: 'cancelled', refundFrom: [null] },
  ship: { from: ['paid'], to: 'shipped', refundFrom: [null, 'rejected'] },
  confirmReceipt: { from: ['shipped'], to: 'completed', refundFrom: [null, 'rejected'] },
  autoComplete: { from: ['shipped'], to: 'completed', refundFrom: [null, 'rejected'] },
  requestRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: [null, 'rejected'], refundTo: 'requested' },
  approveRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: ['requested'], refundTo: 'approved' },
  rejectRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: ['requested'], refundTo: 'rejected' },
  // A failed refund handled by hand at the merchant platform may still succeed later.
  refundSucceeded: { from: ['paid', 'shipped', 'completed'], refundFrom: ['approved', 'failed'], refundTo: 'refunded' },
  // Final for this refund number: WeChat will not retry it, so HQ takes it from here.
  refundFailed: { from: ['paid', 'shipped', 'completed'], refundFrom: ['approved'], refundTo: 'failed' },
}

export interface TimelineEntry {
  event: OrderEvent | 'place' | 'latePaymentRefunded' | 'latePaymentRefundFailed'
  at: Date
  actor: Actor
  /** Why, in words a person reads: a cancel reason, a refund reason, a tracking number. */
  note?: string
  from?: OrderStatus
  to?: OrderStatus
}

export interface Refund {
  status: RefundStatus
  reason: string
  amountFen: number
  outRefundNo: string
  requestedAt: Date
  decidedAt?: Date
  refundedAt?: Date
  rejectReason?: string
  failure?: { reason: RefundFailure; at: Date }
}

/** An order keeps the quote it was placed at: lines, amounts and discounts never change afterwards. */
export interface Order extends Quote {
  _id: string
  orderNo: string
  buyerOpenid: string
  /** `${buyerOpenid}:${requestId}`: a repeated place request finds the order it already made. */
  requestKey: string
  status: OrderStatus
  address: AddressSnapshot
  remark: string
  /** startedAt: when payment was first asked of WeChat Pay; before that there is nothing to close there. */
  payment: { outTradeNo: string; startedAt?: Date; transactionId?: string; paidFen?: number; paidAt?: Date }
  shipment?: { company: string; trackingNo: string; shippedAt: Date }
  refund?: Refund
  /**
   * A payment the order could not take — it arrived after the order was cancelled, or its amount was
   * wrong — and how it was sent back (all of what was paid).
   */
  latePayment?: { transactionId: string; paidFen: number; outRefundNo: string; refundedAt?: Date; refundFailure?: { reason: RefundFailure; at: Date } }
  /** Whose the order is, decided once when it was placed; absent on orders placed before 全员开店. */
  attribution?: OrderAttributionRecord
  timeline: TimelineEntry[]
  createdAt: Date
  expiresAt: Date
  updatedAt: Date
}

/** The attribution decision with the shop's names as they were then, for the pages that show it. */
export type OrderAttributionRecord = OrderAttribution & { shopName: string | null; ownerName: string | null }

/**
 * The goods amount (shipping excluded) the order has refunded so far, over every refund that
 * succeeded. Commission reverses by this cumulative figure, so refunds never reverse more than was paid.
 * A whole-order refund returns all the goods.
 */
export function refundedGoodsFenOf(order: Pick<Order, 'lines' | 'refund'>): number {
  if (order.refund?.status !== 'refunded') return 0
  return order.lines.reduce((sum, line) => sum + line.paidFen, 0)
}

/** What the buyer is shown of it (由 XX 的小店推荐): never the owner's or the sharer's openid. */
export type BuyerAttribution = Pick<OrderAttributionRecord, 'shopId' | 'shopName' | 'ownerName'>

/**
 * The idempotency key of a place-order request. The client makes one request id per checkout visit;
 * the key scopes it to the buyer, so a repeated tap finds the same order while another buyer who
 * happens to send the same id gets an order of their own.
 */
export const requestKeyOf = (buyerOpenid: string, requestId: string): string => `${buyerOpenid}:${requestId}`

/** Applies an event, or refuses it with the state it was refused in. Never changes its input. */
export function transition(
  order: Order,
  event: OrderEvent,
  actor: Actor,
  at: Date,
  changes: Partial<Order> = {},
  note?: string,
): Result<Order> {
  const move = ORDER_MOVES[event]
  const refundStatus = order.refund?.status ?? null
  if (!move.from.includes(order.status) || (move.refundFrom && !move.refundFrom.includes(refundStatus))) {
    return fail('ORDER_ILLEGAL_TRANSITION', { event, status: order.status, refundStatus })
  }
  const to = move.to ?? order.status
  const entry: TimelineEntry = { event, at, actor, ...(note ? { note } : {}), ...(to !== order.status ? { from: order.status, to } : {}) }
  const next: Order = { ...order, ...changes, status: to, timeline: [...order.timeline, entry], updatedAt: at }
  if (move.refundTo) next.refund = { ...(changes.refund ?? order.refund!), status: move.refundTo }
  return ok(next)
}

/**
 * What the buyer is told the order is: its status, or `refunded` once the money is back — that
 * matters more to them than how far the order had come.
 */
export type BuyerStatus = OrderStatus | 'refunded'

export const buyerStatusOf = (order: Pick<Order, 'status' | 'refund'>): BuyerStatus =>
  order.refund?.status === 'refunded' ? 'refunded' : order.status

/**
 * A human-readable, sortable order number: the Shanghai time of placing (to the second) and six
 * random digits, e.g. 20261125101733482915. It doubles as WeChat Pay's outTradeNo (≤ 32 characters).
 */
export function orderNumber(at: Date, random: () => number): string {
  const digits = String(Math.floor(random() * 1_000_000)).padStart(6, '0')
  return `${inShanghai(at).format('YYYYMMDDHHmmss')}${digits}`
}

export type OrderTab = 'all' | 'pending_payment' | 'paid' | 'shipped' | 'completed'

/** Orders a buyer sees under each tab of 我的订单. */
export const ORDER_TABS: Array<{ key: OrderTab; statuses: OrderStatus[] | null }> = [
  { key: 'all', statuses: null },
  { key: 'pending_payment', statuses: ['pending_payment'] },
  { key: 'paid', statuses: ['paid'] },
  { key: 'shipped', statuses: ['shipped'] },
  { key: 'completed', statuses: ['completed'] },
]

/** What a buyer can do with the order now, derived from the same table that guards the moves. */
export type BuyerAction = 'pay' | 'cancel' | 'confirmReceipt' | 'requestRefund'

export function buyerActions(order: Pick<Order, 'status' | 'refund'>): BuyerAction[] {
  const refund = order.refund?.status ?? null
  const allowed = (event: OrderEvent) => {
    const move = ORDER_MOVES[event]
    return move.from.includes(order.status) && (!move.refundFrom || move.refundFrom.includes(refund))
  }
  return (['pay', 'cancel', 'confirmReceipt', 'requestRefund'] as const).filter(allowed)
}

/** The order as its buyer sees it (no internal keys). */
export type OrderView = Omit<Order, 'requestKey' | 'buyerOpenid' | 'attribution'> & { attribution?: BuyerAttribution; buyerStatus: BuyerStatus; actions: BuyerAction[] }

export function viewOrder(order: Order): OrderView {
  const { requestKey: _key, buyerOpenid: _buyer, attribution, ...rest } = order
  const shop = attribution?.shopId ? { attribution: { shopId: attribution.shopId, shopName: attribution.shopName, ownerName: attribution.ownerName } } : {}
  return { ...rest, ...shop, buyerStatus: buyerStatusOf(order), actions: buyerActions(order) }
}

export interface OrderSummary {
  _id: string
  orderNo: string
  status: OrderStatus
  buyerStatus: BuyerStatus
  refundStatus?: RefundStatus
  lines: Array<Pick<PricedLine, 'title' | 'image' | 'specs' | 'quantity' | 'unitPriceFen'>>
  payableFen: number
  createdAt: Date
  actions: BuyerAction[]
}

/** The list card of an order; works on the stored order and on the buyer's view of it alike. */
export function summarizeOrder(order: Pick<Order, '_id' | 'orderNo' | 'status' | 'refund' | 'lines' | 'payableFen' | 'createdAt'>): OrderSummary {
  return {
    _id: order._id,
    orderNo: order.orderNo,
    status: order.status,
    buyerStatus: buyerStatusOf(order),
    ...(order.refund ? { refundStatus: order.refund.status } : {}),
    lines: order.lines.map(({ title, image, specs, quantity, unitPriceFen }) => ({ title, image, specs, quantity, unitPriceFen })),
    payableFen: order.payableFen,
    createdAt: order.createdAt,
    actions: buyerActions(order),
  }
}

/** Parameters for wx.requestPayment, as cloudPay.unifiedOrder returns them. */
export interface PaymentParams {
  appId?: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: string
  paySign: string
}
