import type { AddressSnapshot } from './address'
import type { OrderAttribution } from './attribution'
import type { PricedLine, Quote } from './pricing'
import { Result, fail, ok } from './result'
import type { ReturnTerms } from './return-rules'
import type { CarrierId, ShippingReport } from './shipping'
import { inShanghai } from './time'

/**
 * The order lifecycle. Status moves only along the table below; every move appends to the order's
 * timeline who did it, when and why. Refunds run beside the status: an order may be refunded several
 * times (by lines or by amount, see refund.ts), one refund at a time — `refund` is the latest, and
 * `previousRefunds` the ones before it.
 */
export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled'
/**
 * A 退货退款 (return) adds two steps between the request and the money: HQ agrees to take the goods
 * back (`awaiting_return`, with the address and the deadline in force then), the buyer sends them and
 * says how (`returning`), and HQ's receipt of them approves the refund like any other — or HQ refuses it
 * on receipt (`rejected`, with why). Goods not sent by the deadline close the return (`closed`).
 */
export type RefundStatus = 'requested' | 'awaiting_return' | 'returning' | 'approved' | 'refunded' | 'rejected' | 'failed' | 'withdrawn' | 'closed'

/** Every status a refund can be in: an order whose latest refund is in any of them has had after-sales. */
export const REFUND_STATUSES: RefundStatus[] = ['requested', 'awaiting_return', 'returning', 'approved', 'refunded', 'rejected', 'failed', 'withdrawn', 'closed']

/** 仅退款: money only (the goods never came, or stay with the buyer); 退货退款: the goods go back first. */
export type RefundKind = 'refund_only' | 'return'

/**
 * Why WeChat Pay could not send money back: `change` (退款异常) — the buyer's original account would
 * not take it (a closed or frozen card), and it waits to be handled by hand at the merchant platform;
 * `closed` (退款关闭) — the refund was closed without sending anything.
 */
export type RefundFailure = 'change' | 'closed'

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
  | 'requestReturn'
  | 'startRefund'
  | 'approveRefund'
  | 'approveReturn'
  | 'shipReturn'
  | 'receiveReturn'
  | 'refuseReturn'
  | 'closeReturn'
  | 'rejectRefund'
  | 'withdrawRefund'
  | 'refundSucceeded'
  | 'refundFailed'

interface Move {
  /** Order statuses the event is allowed from. */
  from: OrderStatus[]
  /** The status after the event; unchanged when absent. */
  to?: OrderStatus
  /** Statuses of the latest refund the event is allowed from (`null`: the order has had none). */
  refundFrom?: Array<RefundStatus | null>
  refundTo?: RefundStatus
  /**
   * What must be left of the order: `goods` the buyer keeps (units not given back, with goods money not
   * refunded) to ship, receive or ask a refund for them; `money` not yet refunded, for HQ to send back.
   */
  needs?: 'goods' | 'money'
  /** The kind of refund the event is for, when it is for one kind only. */
  kind?: RefundKind
  /** A return's deadline (`refund.returnDueAt`) must still be ahead (`open`), or have come (`passed`). */
  returnDeadline?: 'open' | 'passed'
}

/**
 * After any refund that did not go through (refused, withdrawn by the buyer, or a return closed because
 * the goods were never sent), or after a partial one, the order carries on where it was.
 */
const REFUND_OVER: Array<RefundStatus | null> = [null, 'rejected', 'withdrawn', 'closed', 'refunded']

export const ORDER_MOVES: Record<OrderEvent, Move> = {
  pay: { from: ['pending_payment'], to: 'paid', refundFrom: [null] },
  // A payment the order cannot take (its amount is wrong) ends the order; the money goes back.
  rejectPayment: { from: ['pending_payment'], to: 'cancelled', refundFrom: [null] },
  cancel: { from: ['pending_payment'], to: 'cancelled', refundFrom: [null] },
  expire: { from: ['pending_payment'], to: 'cancelled', refundFrom: [null] },
  ship: { from: ['paid'], to: 'shipped', refundFrom: REFUND_OVER, needs: 'goods' },
  confirmReceipt: { from: ['shipped'], to: 'completed', refundFrom: REFUND_OVER, needs: 'goods' },
  autoComplete: { from: ['shipped'], to: 'completed', refundFrom: REFUND_OVER, needs: 'goods' },
  requestRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: REFUND_OVER, refundTo: 'requested', needs: 'goods' },
  // HQ's own refund (after-sales by phone, a shipping fee kept earlier): approved as it starts.
  startRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: REFUND_OVER, refundTo: 'approved', needs: 'money' },
  // 退货退款: only once the goods have left the warehouse; before that there is nothing to send back.
  requestReturn: { from: ['shipped', 'completed'], refundFrom: REFUND_OVER, refundTo: 'requested', needs: 'goods' },
  approveRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: ['requested'], refundTo: 'approved', kind: 'refund_only' },
  approveReturn: { from: ['shipped', 'completed'], refundFrom: ['requested'], refundTo: 'awaiting_return', kind: 'return' },
  // The buyer has sent the goods back, before the deadline, and gives the carrier and tracking number.
  shipReturn: { from: ['shipped', 'completed'], refundFrom: ['awaiting_return'], refundTo: 'returning', kind: 'return', returnDeadline: 'open' },
  // HQ has the goods back: the refund is approved and sent as any other.
  receiveReturn: { from: ['shipped', 'completed'], refundFrom: ['returning'], refundTo: 'approved', kind: 'return' },
  // HQ refuses the refund on receipt (the goods came back used, damaged or not the order's), saying why;
  // the order carries on as before the request, and the buyer may ask again.
  refuseReturn: { from: ['shipped', 'completed'], refundFrom: ['returning'], refundTo: 'rejected', kind: 'return' },
  // The deadline came and the goods were never sent: the system closes the return, as if withdrawn.
  closeReturn: { from: ['shipped', 'completed'], refundFrom: ['awaiting_return'], refundTo: 'closed', kind: 'return', returnDeadline: 'passed' },
  rejectRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: ['requested'], refundTo: 'rejected' },
  // 撤销申请: the buyer takes their request back while HQ has not decided it, or before sending a return;
  // the order carries on as before.
  withdrawRefund: { from: ['paid', 'shipped', 'completed'], refundFrom: ['requested', 'awaiting_return'], refundTo: 'withdrawn' },
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

/** One order line in a refund. */
export interface RefundLine {
  /** The line's index in the order's `lines`. */
  lineIndex: number
  /** Units the buyer gives back; 0 when only money goes back and the goods stay with the buyer. */
  quantity: number
  /** The line's goods money in this refund (what the buyer paid for it, discounts already off). */
  goodsFen: number
}

/**
 * One refund: what it gives back and how it went. Amounts are decided when it is asked for or started
 * (refund.ts) and may only shrink, when HQ approves less; `amountFen` = `goodsFen` + `shippingFen`.
 */
export interface Refund {
  status: RefundStatus
  /** Absent on refunds from before 退货退款: money only. */
  kind?: RefundKind
  /** 退货退款: how the buyer sent the goods back, and when HQ had them. */
  returnShipment?: { company: string; carrierId: CarrierId; trackingNo: string; shippedAt: Date; receivedAt?: Date }
  /** 退货退款, from HQ's approval on: where the goods go back, as HQ's rules said then. */
  returnAddress?: ReturnTerms['returnAddress']
  /** 退货退款, from HQ's approval on: the goods must be sent before it, or the return closes. */
  returnDueAt?: Date
  /** The buyer asks and HQ decides; a refund HQ starts itself is approved as it starts. */
  startedBy: 'buyer' | 'hq'
  reason: string
  lines: RefundLine[]
  /** What was asked for (HQ may approve less). */
  requestedFen: number
  /** What WeChat Pay is asked to send back. */
  amountFen: number
  /** The goods part, shipping excluded: the sum of the lines' goodsFen. */
  goodsFen: number
  /** The shipping fee part: only a refund that sends back the last of the goods money carries it. */
  shippingFen: number
  /** After it the buyer keeps no goods (the whole order, or the last of it): the order no longer ships or completes. */
  final: boolean
  /** `R` + order number + the refund's ordinal on the order: WeChat Pay's idempotency key for it. */
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
  /** `company`: the carrier's name as the buyer reads it; `carrierId`: WeChat's delivery id (absent on orders shipped before carriers were listed). */
  shipment?: { company: string; carrierId?: CarrierId; trackingNo: string; shippedAt: Date }
  /** How the shipment's report to WeChat's 发货信息管理 stands (HQ's business: never in the buyer's view). */
  shippingReport?: ShippingReport
  /** The latest refund; the moves in ORDER_MOVES act on it. */
  refund?: Refund
  /** The refunds before it, oldest first: each ended (refunded, rejected or withdrawn) before the next began. */
  previousRefunds?: Refund[]
  /**
   * A payment the order could not take — it arrived after the order was cancelled, or its amount was
   * wrong — and how it was sent back (all of what was paid).
   */
  latePayment?: { transactionId: string; paidFen: number; outRefundNo: string; refundedAt?: Date; refundFailure?: { reason: RefundFailure; at: Date } }
  /** Whose the order is, decided once when it was placed; absent on orders placed before 全员开店. */
  attribution?: OrderAttributionRecord
  timeline: TimelineEntry[]
  /** When the buyer deleted the finished order from 我的订单: gone from their list only; HQ still sees it. */
  hiddenByBuyerAt?: Date
  createdAt: Date
  expiresAt: Date
  updatedAt: Date
}

/** The attribution decision with the shop's names as they were then, for the pages that show it. */
export type OrderAttributionRecord = OrderAttribution & { shopName: string | null; ownerName: string | null }

type RefundedOrder = Pick<Order, 'lines' | 'refund' | 'previousRefunds'>

/** Every refund of the order, oldest first. */
export const refundsOf = (order: Pick<Order, 'refund' | 'previousRefunds'>): Refund[] => [...(order.previousRefunds ?? []), ...(order.refund ? [order.refund] : [])]

type RefundParts = Pick<Refund, 'lines' | 'goodsFen' | 'shippingFen'>

/**
 * What the refunds that succeeded have sent back (and `plus` with them, when it is given): money, the
 * goods and shipping parts, and per line.
 */
export function refundedOf(order: RefundedOrder, plus?: RefundParts): { fen: number; goodsFen: number; shippingFen: number; lines: Array<{ quantity: number; goodsFen: number }> } {
  const lines = order.lines.map(() => ({ quantity: 0, goodsFen: 0 }))
  let goodsFen = 0
  let shippingFen = 0
  for (const refund of [...refundsOf(order).filter((r) => r.status === 'refunded'), ...(plus ? [plus] : [])]) {
    goodsFen += refund.goodsFen
    shippingFen += refund.shippingFen
    for (const line of refund.lines) {
      lines[line.lineIndex].quantity += line.quantity
      lines[line.lineIndex].goodsFen += line.goodsFen
    }
  }
  return { fen: goodsFen + shippingFen, goodsFen, shippingFen, lines }
}

/**
 * The goods amount (shipping excluded) the order has refunded so far, over every refund that
 * succeeded. Commission reverses by this cumulative figure, so refunds never reverse more than was paid.
 */
export const refundedGoodsFenOf = (order: RefundedOrder): number => refundedOf(order).goodsFen

/** What the buyer paid: WeChat Pay's amount once paid (it equals payableFen, or the order was not taken). */
export const paidFenOf = (order: Pick<Order, 'payment' | 'payableFen'>): number => order.payment.paidFen ?? order.payableFen

/**
 * The buyer still has goods from the order — some unit not given back, and goods money not all
 * refunded — after the refunds that succeeded, and `plus` if it is given.
 */
export function keepsGoods(order: RefundedOrder, plus?: RefundParts): boolean {
  const refunded = refundedOf(order, plus)
  const unitsLeft = order.lines.reduce((sum, line, i) => sum + line.quantity - refunded.lines[i].quantity, 0)
  const goodsLeftFen = order.lines.reduce((sum, line) => sum + line.paidFen, 0) - refunded.goodsFen
  return unitsLeft > 0 && goodsLeftFen > 0
}

const hasMoneyLeft = (order: RefundedOrder & Pick<Order, 'payment' | 'payableFen'>): boolean => refundedOf(order).fen < paidFenOf(order)

/** What the buyer is shown of it (由 XX 的小店推荐): never the owner's or the sharer's openid. */
export type BuyerAttribution = Pick<OrderAttributionRecord, 'shopId' | 'shopName' | 'ownerName'>

/**
 * The idempotency key of a place-order request. The client makes one request id per checkout visit;
 * the key scopes it to the buyer, so a repeated tap finds the same order while another buyer who
 * happens to send the same id gets an order of their own.
 */
export const requestKeyOf = (buyerOpenid: string, requestId: string): string => `${buyerOpenid}:${requestId}`

/**
 * Why the order cannot make the move now (ORDER_ILLEGAL_TRANSITION with the state it is in), or null
 * when it can. Given `at`, a return's deadline is checked too: the goods may be sent until one second
 * before it (RETURN_OVERDUE after), and the return closes from that instant on (RETURN_NOT_DUE before).
 */
export function refusalOf(order: RefundedOrder & Pick<Order, 'status' | 'payment' | 'payableFen'>, event: OrderEvent, at?: Date): Result<never> | null {
  const move = ORDER_MOVES[event]
  const refundStatus = order.refund?.status ?? null
  const kind = order.refund?.kind ?? 'refund_only'
  if (!move.from.includes(order.status) || (move.refundFrom && !move.refundFrom.includes(refundStatus))) {
    return fail('ORDER_ILLEGAL_TRANSITION', { event, status: order.status, refundStatus })
  }
  if (move.kind !== undefined && kind !== move.kind) return fail('ORDER_ILLEGAL_TRANSITION', { event, status: order.status, refundStatus, kind })
  if (move.needs && !(move.needs === 'goods' ? keepsGoods(order) : hasMoneyLeft(order))) {
    return fail('ORDER_ILLEGAL_TRANSITION', { event, status: order.status, refundStatus, refundedAll: true })
  }
  // A return approved before deadlines existed has none: it stays open, and is never closed by the clock.
  const dueAt = order.refund?.returnDueAt
  if (move.returnDeadline && at) {
    const passed = dueAt !== undefined && at.getTime() >= new Date(dueAt).getTime()
    if (move.returnDeadline === 'open' && passed) return fail('RETURN_OVERDUE', { dueAt })
    if (move.returnDeadline === 'passed' && !passed) return fail('RETURN_NOT_DUE', { dueAt: dueAt ?? null })
  }
  return null
}

/** Applies an event, or refuses it with the state it was refused in. Never changes its input. */
export function transition(
  order: Order,
  event: OrderEvent,
  actor: Actor,
  at: Date,
  changes: Partial<Order> = {},
  note?: string,
): Result<Order> {
  const refused = refusalOf(order, event, at)
  if (refused) return refused
  const move = ORDER_MOVES[event]
  const to = move.to ?? order.status
  const entry: TimelineEntry = { event, at, actor, ...(note ? { note } : {}), ...(to !== order.status ? { from: order.status, to } : {}) }
  const next: Order = { ...order, ...changes, status: to, timeline: [...order.timeline, entry], updatedAt: at }
  if (move.refundTo) {
    const refund = changes.refund ?? order.refund!
    next.refund = { ...refund, status: move.refundTo }
    // A new refund (its own number) moves the one before it, which has ended, into the history.
    if (order.refund && order.refund.outRefundNo !== refund.outRefundNo) next.previousRefunds = refundsOf(order)
  }
  return ok(next)
}

/**
 * What the buyer is told the order is: its status, or `refunded` once the money for all of it is back
 * — that matters more to them than how far the order had come. A partial refund leaves the status.
 */
export type BuyerStatus = OrderStatus | 'refunded'

export const buyerStatusOf = (order: RefundedOrder & Pick<Order, 'status'>): BuyerStatus =>
  order.refund?.status === 'refunded' && !keepsGoods(order) ? 'refunded' : order.status

/**
 * A human-readable, sortable order number: the Shanghai time of placing (to the second) and six
 * random digits, e.g. 20261125101733482915. It doubles as WeChat Pay's outTradeNo (≤ 32 characters).
 */
export function orderNumber(at: Date, random: () => number): string {
  const digits = String(Math.floor(random() * 1_000_000)).padStart(6, '0')
  return `${inShanghai(at).format('YYYYMMDDHHmmss')}${digits}`
}

export type OrderTab = 'all' | 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'after_sales'

/**
 * Orders a buyer sees under each tab of 我的订单: by the order's status, or (售后) by its latest refund
 * being in one of `refundStatuses` — any refund ever asked or started, since the latest is always kept.
 */
export const ORDER_TABS: Array<{ key: OrderTab; statuses: OrderStatus[] | null; refundStatuses?: RefundStatus[] }> = [
  { key: 'all', statuses: null },
  { key: 'pending_payment', statuses: ['pending_payment'] },
  { key: 'paid', statuses: ['paid'] },
  { key: 'shipped', statuses: ['shipped'] },
  { key: 'completed', statuses: ['completed'] },
  { key: 'after_sales', statuses: null, refundStatuses: REFUND_STATUSES },
]

/** Whether an order belongs under a tab of 我的订单. */
export function inOrderTab(tab: OrderTab, order: Pick<Order, 'status' | 'refund'>): boolean {
  const { statuses, refundStatuses } = ORDER_TABS.find((t) => t.key === tab)!
  if (statuses && !statuses.includes(order.status)) return false
  return !refundStatuses || (order.refund !== undefined && refundStatuses.includes(order.refund.status))
}

/** What a buyer can do with the order now: the moves the table allows, and what a finished order offers. */
export type BuyerAction = 'pay' | 'cancel' | 'confirmReceipt' | 'requestRefund' | 'withdrawRefund' | 'shipReturn' | 'buyAgain' | 'hide'

/** Orders that will not move again for the buyer: they can buy the lines again, or delete the order from their list. */
const FINISHED: OrderStatus[] = ['completed', 'cancelled']

type ActionableOrder = RefundedOrder & Pick<Order, 'status' | 'payment' | 'payableFen' | 'hiddenByBuyerAt' | 'latePayment'>

/**
 * Why the buyer cannot delete the order from their list now, or null when they can: only a finished
 * order with no refund under way and no late payment still on its way back (money the buyer waits
 * for stays in sight until it is back), and only once.
 */
export function hideRefusal(order: ActionableOrder): Result<never> | null {
  const refundStatus = order.refund?.status ?? null
  if (!FINISHED.includes(order.status) || !REFUND_OVER.includes(refundStatus) || (order.latePayment && !order.latePayment.refundedAt) || order.hiddenByBuyerAt) {
    return fail('ORDER_NOT_HIDEABLE', { status: order.status, refundStatus })
  }
  return null
}

/** The order hidden from its buyer's list at `at`, or why it cannot be. Never changes its input. */
export function hideForBuyer(order: Order, at: Date): Result<Order> {
  return hideRefusal(order) ?? ok({ ...order, hiddenByBuyerAt: at, updatedAt: at })
}

/** 申请退款 opens one form for both kinds; it offers 退货退款 when `requestReturn` is allowed too. */
export function buyerActions(order: ActionableOrder): BuyerAction[] {
  const moves = (['pay', 'cancel', 'confirmReceipt', 'requestRefund', 'withdrawRefund', 'shipReturn'] as const).filter((event) => !refusalOf(order, event))
  const finished: BuyerAction[] = FINISHED.includes(order.status) ? ['buyAgain'] : []
  return [...moves, ...finished, ...(hideRefusal(order) ? [] : ['hide' as const])]
}

/** Who moved the order, as a view shows it: the kind of actor only — never an OPENID, a buyer's or HQ staff's. */
export type TimelineView = Omit<TimelineEntry, 'actor'> & { actor: { kind: Actor['kind'] } }

/**
 * What never reaches the buyer: keys of the order's own bookkeeping, and HQ's side of shipping (how its
 * report to WeChat went: attempts, WeChat's error words).
 */
const HIDDEN_FROM_BUYER = ['requestKey', 'buyerOpenid', 'shippingReport'] as const

/** The order as its buyer sees it: no internal keys, no staff identity, the shop by name only. */
export type OrderView = Omit<Order, (typeof HIDDEN_FROM_BUYER)[number] | 'attribution' | 'timeline'> & {
  attribution?: BuyerAttribution
  timeline: TimelineView[]
  buyerStatus: BuyerStatus
  actions: BuyerAction[]
}

export function viewOrder(order: Order): OrderView {
  const { attribution, timeline, ...rest } = order
  for (const key of HIDDEN_FROM_BUYER) delete (rest as Partial<Order>)[key]
  const shop = attribution?.shopId ? { attribution: { shopId: attribution.shopId, shopName: attribution.shopName, ownerName: attribution.ownerName } } : {}
  const entries = timeline.map((entry) => ({ ...entry, actor: { kind: entry.actor.kind } }))
  return { ...rest, ...shop, timeline: entries, buyerStatus: buyerStatusOf(order), actions: buyerActions(order) }
}

/** The order as HQ's pages show it: the buyer's view, and how the shipment's report to WeChat stands. */
export type HqOrderView = OrderView & Pick<Order, 'shippingReport'>

export const viewOrderForHq = (order: Order): HqOrderView => ({ ...viewOrder(order), ...(order.shippingReport ? { shippingReport: order.shippingReport } : {}) })

export interface OrderSummary {
  _id: string
  orderNo: string
  status: OrderStatus
  buyerStatus: BuyerStatus
  refundStatus?: RefundStatus
  lines: Array<Pick<PricedLine, 'title' | 'image' | 'specs' | 'quantity' | 'unitPriceFen'>>
  payableFen: number
  createdAt: Date
  /** Until when an unpaid order can be paid (待付款's countdown). */
  expiresAt?: Date
  actions: BuyerAction[]
}

/** The list card of an order; works on the stored order and on the buyer's view of it alike. */
export function summarizeOrder(order: Pick<Order, '_id' | 'orderNo' | 'status' | 'refund' | 'previousRefunds' | 'lines' | 'payment' | 'payableFen' | 'createdAt' | 'expiresAt' | 'hiddenByBuyerAt' | 'latePayment'>): OrderSummary {
  return {
    _id: order._id,
    orderNo: order.orderNo,
    status: order.status,
    buyerStatus: buyerStatusOf(order),
    ...(order.refund ? { refundStatus: order.refund.status } : {}),
    lines: order.lines.map(({ title, image, specs, quantity, unitPriceFen }) => ({ title, image, specs, quantity, unitPriceFen })),
    payableFen: order.payableFen,
    createdAt: order.createdAt,
    ...(order.status === 'pending_payment' ? { expiresAt: order.expiresAt } : {}),
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
