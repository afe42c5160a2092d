import { prorate } from './money'
import type { CarrierId } from './shipping'
import { Actor, Order, Refund, RefundKind, RefundLine, keepsGoods, refundedOf, refundsOf, refusalOf, transition } from './order'
import { Result, fail, ok } from './result'
import type { ReturnTerms } from './return-rules'

/**
 * What a refund sends back, as a shop's after-sales does it (有赞, 微信小店): the buyer asks for the
 * whole order or for some lines and units; HQ approves that, or less, or starts a refund itself for
 * lines or for an amount. An order may be refunded several times, one refund at a time, never more in
 * all than was paid.
 *
 * The money of a line is what the buyer paid for it (`paidFen`, its share of the discounts off). Units
 * given back are worth their share of it, rounded down, and the last unit of a line takes what is left
 * of it, so a line's refunds add up to exactly what it paid.
 *
 * Shipping: the fee goes back only with the refund that sends back the last of the goods money — the
 * whole order, or the last lines of it — never with a partial one (有赞 and 微信小店 refund shipping with
 * the last item only). When goods have shipped, HQ may keep it by approving less: an approved amount
 * is taken from the goods first, so a refund reduced by the fee carries no shipping.
 */

/** WeChat Pay refunds one payment at most 50 times. */
export const MAX_REFUNDS_PER_ORDER = 50

/** Refunds WeChat Pay was never asked for, which do not count towards its limit. */
const NEVER_SENT: Refund['status'][] = ['requested', 'rejected', 'withdrawn', 'closed']

/** Units of one order line to give back. */
export interface RefundLineAsk {
  lineIndex: number
  quantity: number
}

export interface RefundAsk {
  /** Lines and units to give back; absent: everything the buyer has left (the whole order, or the rest of it). */
  lines?: RefundLineAsk[]
  /**
   * HQ only. With lines, less than they come to; without, money alone, the goods staying with the buyer
   * (a price adjustment, a damaged item kept), up to everything left to refund.
   */
  amountFen?: number
}

/** A refund's amounts; `amountFen` = `goodsFen` + `shippingFen`. */
export type RefundAmounts = Pick<Refund, 'lines' | 'amountFen' | 'goodsFen' | 'shippingFen' | 'final'>

type RefundableOrder = Pick<Order, 'lines' | 'shippingFen' | 'refund' | 'previousRefunds'>

/** What is left of each line to refund, after the refunds that succeeded: units, and goods money. */
export function leftToRefund(order: Pick<Order, 'lines' | 'refund' | 'previousRefunds'>): Array<{ units: number; goodsFen: number }> {
  const refunded = refundedOf(order)
  return order.lines.map((line, i) => ({ units: line.quantity - refunded.lines[i].quantity, goodsFen: line.paidFen - refunded.lines[i].goodsFen }))
}

/**
 * The amounts of a refund asked for now, from what earlier refunds left: REFUND_LINE_INVALID for a line
 * the order does not have, asked twice, or for more units than are left of it; REFUND_AMOUNT_INVALID
 * (with `maxFen`) for an amount of nothing or above what the lines come to.
 */
export function planRefund(order: RefundableOrder, ask: RefundAsk): Result<RefundAmounts> {
  const sent = refundsOf(order).filter((r) => !NEVER_SENT.includes(r.status)).length
  if (sent >= MAX_REFUNDS_PER_ORDER) return fail('REFUND_LIMIT_REACHED', { max: MAX_REFUNDS_PER_ORDER })
  const refunded = refundedOf(order)
  const left = leftToRefund(order)
  // Everything left; money alone leaves the units with the buyer.
  const moneyOnly = ask.amountFen !== undefined && !ask.lines
  let lines: RefundLine[] = left.map((l, lineIndex) => ({ lineIndex, quantity: moneyOnly ? 0 : l.units, goodsFen: l.goodsFen }))
  if (ask.lines) {
    lines = []
    for (const { lineIndex, quantity } of ask.lines) {
      const line = order.lines[lineIndex]
      const units = left[lineIndex]?.units ?? 0
      if (!line || quantity < 1 || quantity > units || lines.some((l) => l.lineIndex === lineIndex)) {
        return fail('REFUND_LINE_INVALID', { lineIndex, maxQuantity: units })
      }
      lines.push({ lineIndex, quantity, goodsFen: unitsGoodsFen(line, refunded.lines[lineIndex].quantity, quantity, left[lineIndex].goodsFen) })
    }
  }
  const goodsFen = sum(lines)
  const goodsLeftFen = left.reduce((total, l) => total + l.goodsFen, 0)
  const shippingFen = goodsFen === goodsLeftFen ? order.shippingFen - refunded.shippingFen : 0
  return shrink(order, { lines, goodsFen, shippingFen }, ask.amountFen ?? goodsFen + shippingFen)
}

/** HQ approves less than was asked: the same lines and units, `amountFen` taken from the goods first. */
export function reduceRefund(order: RefundableOrder, refund: Pick<Refund, 'lines' | 'goodsFen' | 'shippingFen'>, amountFen: number): Result<RefundAmounts> {
  return shrink(order, refund, amountFen)
}

/** The refund of `asked` cut to `amountFen`: goods first, each line keeping its part of them. */
function shrink(order: RefundableOrder, asked: Pick<Refund, 'lines' | 'goodsFen' | 'shippingFen'>, amountFen: number): Result<RefundAmounts> {
  const maxFen = asked.goodsFen + asked.shippingFen
  if (!Number.isInteger(amountFen) || amountFen < 1 || amountFen > maxFen) return fail('REFUND_AMOUNT_INVALID', { maxFen })
  const goodsFen = Math.min(amountFen, asked.goodsFen)
  const shares = prorate(goodsFen, asked.lines.map((l) => l.goodsFen))
  // A line stays when units go back or money does; a line with neither says nothing.
  const lines = asked.lines.map((l, i) => ({ ...l, goodsFen: shares[i] })).filter((l) => l.quantity > 0 || l.goodsFen > 0)
  const amounts = { lines, amountFen, goodsFen, shippingFen: amountFen - goodsFen }
  return ok({ ...amounts, final: !keepsGoods(order, amounts) })
}

/**
 * The goods money of `quantity` more units of a line of which `returned` units went back before: their
 * share of what the line paid, rounded down; the last unit takes what is left of the line.
 */
function unitsGoodsFen(line: Order['lines'][number], returned: number, quantity: number, goodsLeftFen: number): number {
  if (returned + quantity === line.quantity) return goodsLeftFen
  const share = (units: number) => Math.floor((line.paidFen * units) / line.quantity)
  return Math.min(goodsLeftFen, share(returned + quantity) - share(returned))
}

const sum = (lines: RefundLine[]) => lines.reduce((total, l) => total + l.goodsFen, 0)

/**
 * The refund's number at WeChat Pay: the order's, with how many refunds it has started, this one
 * included. Counted from the timeline, so a number is never used twice, whatever became of the refund.
 */
function refundNumber(order: Pick<Order, 'orderNo' | 'timeline'>): string {
  const started = order.timeline.filter((e) => e.event === 'requestRefund' || e.event === 'requestReturn' || e.event === 'startRefund').length
  return `R${order.orderNo}${started + 1}`
}

function newRefund(order: Order, amounts: RefundAmounts, startedBy: Refund['startedBy'], reason: string, at: Date): Refund {
  return { status: 'requested', startedBy, reason, requestedFen: amounts.amountFen, ...amounts, outRefundNo: refundNumber(order), requestedAt: at }
}

/**
 * The buyer asks for the whole order back (no lines) or for some lines and units, money only (仅退款) or
 * sending the goods back (退货退款, once shipped); HQ decides.
 */
export function requestRefund(order: Order, lines: RefundAsk['lines'], reason: string, actor: Actor, at: Date, kind: RefundKind = 'refund_only'): Result<Order> {
  const event = kind === 'return' ? 'requestReturn' : 'requestRefund'
  const refused = refusalOf(order, event)
  if (refused) return refused
  const planned = planRefund(order, { lines })
  if (!planned.ok) return planned
  return transition(order, event, actor, at, { refund: { ...newRefund(order, planned.data, 'buyer', reason, at), kind } }, reason)
}

/** 退货退款: the buyer has sent the goods back, with this carrier and tracking number. */
export function shipReturn(order: Order, carrierId: CarrierId, company: string, trackingNo: string, actor: Actor, at: Date): Result<Order> {
  const returnShipment = { company, carrierId, trackingNo, shippedAt: at }
  return transition(order, 'shipReturn', actor, at, { refund: { ...order.refund!, returnShipment } }, `${company} ${trackingNo}`)
}

/** 退货退款: HQ has the goods back; the refund is approved, to be sent as any approval is. */
export function receiveReturn(order: Order, actor: Actor, at: Date): Result<Order> {
  const refund = order.refund!
  const received = refund.returnShipment ? { returnShipment: { ...refund.returnShipment, receivedAt: at } } : {}
  return transition(order, 'receiveReturn', actor, at, { refund: { ...refund, decidedAt: at, ...received } })
}

/**
 * 退货退款: HQ refuses the refund as the goods arrive (used, damaged, not the order's), saying why the
 * buyer reads; the order carries on as before the request and the buyer may ask again.
 */
export function refuseReturn(order: Order, reason: string, actor: Actor, at: Date): Result<Order> {
  const refund = order.refund!
  const received = refund.returnShipment ? { returnShipment: { ...refund.returnShipment, receivedAt: at } } : {}
  return transition(order, 'refuseReturn', actor, at, { refund: { ...refund, decidedAt: at, rejectReason: reason, ...received } }, reason)
}

/** 退货退款: the deadline came and the goods were never sent; the return closes as a withdrawn request does. */
export function closeReturn(order: Order, at: Date): Result<Order> {
  return transition(order, 'closeReturn', { kind: 'system' }, at, { refund: { ...order.refund!, decidedAt: at } })
}

/** HQ refunds on its own, for lines, an amount or everything left; approved as it starts. */
export function startRefund(order: Order, ask: RefundAsk, reason: string, actor: Actor, at: Date): Result<Order> {
  const refused = refusalOf(order, 'startRefund')
  if (refused) return refused
  const planned = planRefund(order, ask)
  if (!planned.ok) return planned
  return transition(order, 'startRefund', actor, at, { refund: { ...newRefund(order, planned.data, 'hq', reason, at), decidedAt: at } }, reason)
}

/** 撤销申请: the buyer takes back their own request before HQ decides it; HQ's queue no longer holds it. */
export function withdrawRefund(order: Order, actor: Actor, at: Date): Result<Order> {
  return transition(order, 'withdrawRefund', actor, at, { refund: { ...order.refund!, decidedAt: at } })
}

/** HQ approves the buyer's 仅退款 request as asked, or for a smaller `amountFen`; it is then sent. */
export function approveRefund(order: Order, amountFen: number | undefined, actor: Actor, at: Date): Result<Order> {
  return approve(order, 'approveRefund', {}, amountFen, actor, at)
}

/**
 * HQ agrees to a 退货退款, as asked or for a smaller `amountFen` sent when the goods are back. The
 * return address and deadline in force now are kept on the refund: the buyer is told where to send
 * the goods and by when, and later changes of HQ's rules never move either.
 */
export function approveReturn(order: Order, amountFen: number | undefined, terms: ReturnTerms, actor: Actor, at: Date): Result<Order> {
  return approve(order, 'approveReturn', terms, amountFen, actor, at)
}

function approve(order: Order, event: 'approveRefund' | 'approveReturn', terms: Partial<ReturnTerms>, amountFen: number | undefined, actor: Actor, at: Date): Result<Order> {
  const approved = transition(order, event, actor, at, { refund: { ...order.refund!, ...terms, decidedAt: at } })
  if (!approved.ok || amountFen === undefined) return approved
  const reduced = reduceRefund(order, order.refund!, amountFen)
  return reduced.ok ? ok({ ...approved.data, refund: { ...approved.data.refund!, ...reduced.data } }) : reduced
}
