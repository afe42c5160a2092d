import { Actor, Order, transition } from '../../../src/core/order'
import type { PaymentGateway, RefundNotice } from '../../../src/core/payment'
import { Result, ok } from '../../../src/core/result'
import { recordAnomaly } from './anomalies'
import { changeOrder, findOrderByNo } from './repository'
import { adjustStock, readSkus } from './stock'

/** The buyer asks for the whole amount back, with a reason HQ reads. */
export function requestRefund(order: Order, reason: string, actor: Actor, now: Date): Promise<Result<Order>> {
  const attempt = order.timeline.filter((e) => e.event === 'requestRefund').length + 1
  return changeOrder(order._id, (current) =>
    transition(
      current,
      'requestRefund',
      actor,
      now,
      { refund: { status: 'requested', reason, amountFen: current.payableFen, outRefundNo: `R${current.orderNo}${attempt}`, requestedAt: now } },
      reason,
    ),
  )
}

/**
 * HQ approves: the order records the approval, then WeChat Pay is asked to send the money. The
 * approval is never undone — WeChat may have acted even when its answer is lost — so a refund not
 * clearly accepted stays approved and is asked for again with the same refund number (idempotent at
 * WeChat) by `resendRefund`, until its notification settles it.
 */
export async function approveRefund(orderId: string, actor: Actor, gateway: PaymentGateway, now: Date): Promise<Result<Order>> {
  const approved = await changeOrder(orderId, (order) => transition(order, 'approveRefund', actor, now, { refund: { ...order.refund!, decidedAt: now } }))
  if (approved.ok) await resendRefund(approved.data, gateway)
  return approved
}

/** Asks WeChat Pay (again) for an approved refund; safe to repeat. */
export function resendRefund(order: Order, gateway: PaymentGateway): Promise<'accepted' | 'unknown'> {
  const refund = order.refund!
  return gateway.refund({
    outTradeNo: order.payment.outTradeNo,
    outRefundNo: refund.outRefundNo,
    totalFen: order.payment.paidFen ?? order.payableFen,
    refundFen: refund.amountFen,
    reason: refund.reason,
  })
}

export function rejectRefund(orderId: string, reason: string, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) =>
    transition(order, 'rejectRefund', actor, now, { refund: { ...order.refund!, decidedAt: now, rejectReason: reason } }, reason),
  )
}

export type RefundRecord = 'recorded' | 'already_recorded' | 'anomaly'

/**
 * WeChat Pay reports a refund done (or failed). An order refunded before it shipped puts its stock
 * back, in the same transaction, so it happens once however often the notice comes. A notice that
 * fits no refund we asked for, or a refund that failed, is kept as an anomaly for HQ to look at.
 */
export async function recordRefund(notice: RefundNotice, now: Date): Promise<Result<RefundRecord>> {
  const order = await findOrderByNo(notice.outTradeNo)
  if (!order) return anomaly('refund_for_unknown_order', notice, now)
  if (!notice.succeeded) return anomaly('refund_failed', notice, now, order._id)

  if (order.latePayment?.outRefundNo === notice.outRefundNo) {
    if (order.latePayment.refundedAt) return ok('already_recorded')
    await changeOrder(order._id, (current) =>
      ok({
        ...current,
        latePayment: { ...current.latePayment!, refundedAt: notice.at },
        timeline: [...current.timeline, { event: 'latePaymentRefunded', at: now, actor: { kind: 'wechat' } }],
        updatedAt: now,
      }),
    )
    return ok('recorded')
  }

  if (order.refund?.outRefundNo !== notice.outRefundNo) return anomaly('refund_not_asked_for', notice, now, order._id)
  if (order.refund.status === 'refunded') return ok('already_recorded')
  const done = await changeOrder(
    order._id,
    (current) => transition(current, 'refundSucceeded', { kind: 'wechat' }, now, { refund: { ...current.refund!, refundedAt: notice.at } }),
    async (tx, before) => {
      if (before.status !== 'paid') return
      const skus = await readSkus(tx, before.lines.map((l) => l.skuId))
      await adjustStock(tx, skus, before.lines.map((l) => ({ skuId: l.skuId, delta: l.quantity })))
    },
  )
  return done.ok ? ok('recorded') : anomaly('refund_in_unexpected_state', notice, now, order._id)
}

async function anomaly(kind: string, notice: RefundNotice, at: Date, orderId?: string): Promise<Result<RefundRecord>> {
  console.error(`refund notice ${notice.outRefundNo} for ${notice.outTradeNo}: ${kind}`)
  await recordAnomaly(kind, { ...notice }, at, orderId)
  return ok('anomaly')
}
