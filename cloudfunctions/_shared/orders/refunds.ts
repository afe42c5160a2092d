import { carrierName } from '../../../src/i18n/zh-CN'
import { Actor, Order, RefundFailure, RefundKind, paidFenOf, transition } from '../../../src/core/order'
import type { CarrierId } from '../../../src/core/shipping'
import type { AnomalyKind, PaymentGateway, RefundNotice } from '../../../src/core/payment'
import * as refunds from '../../../src/core/refund'
import { Result, fail, ok } from '../../../src/core/result'
import { Transaction, db } from '../database'
import { AnomalyReport, noteAnomaly, recordAnomaly } from './anomalies'
import { changeOrder, findOrderByNo } from './repository'

/** The buyer asks for the whole order back, or for some lines and units, with a reason HQ reads; money only, or a return. */
export function requestRefund(orderId: string, lines: refunds.RefundAsk['lines'], reason: string, kind: RefundKind, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) => refunds.requestRefund(order, lines, reason, actor, now, kind), now)
}

/** 退货退款: the buyer gives the carrier and tracking number of the goods sent back. */
export function shipReturn(orderId: string, carrierId: CarrierId, trackingNo: string, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) => refunds.shipReturn(order, carrierId, carrierName(carrierId), trackingNo, actor, now), now)
}

/** 退货退款: HQ has the goods back; the refund is approved and sent as an approval is. */
export function receiveReturn(orderId: string, actor: Actor, gateway: PaymentGateway, now: Date): Promise<Result<Order>> {
  return approveAndSend(orderId, (order) => refunds.receiveReturn(order, actor, now), gateway, now)
}

/**
 * The buyer withdraws their request. It is read and written in one transaction on the order, as HQ's
 * approval and rejection are, so when they race exactly one of them finds the request still undecided.
 */
export function withdrawRefund(orderId: string, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) => refunds.withdrawRefund(order, actor, now), now)
}

/**
 * HQ approves the buyer's request, as asked or for less: the order records the approval, then WeChat
 * Pay is asked to send the money. The approval is never undone — WeChat may have acted even when its
 * answer is lost — so a refund not clearly accepted stays approved and is asked for again with the same
 * refund number (idempotent at WeChat) by `followUpRefund`, until WeChat says how it ended.
 */
export function approveRefund(orderId: string, amountFen: number | undefined, actor: Actor, gateway: PaymentGateway, now: Date): Promise<Result<Order>> {
  return approveAndSend(orderId, (order) => refunds.approveRefund(order, amountFen, actor, now), gateway, now)
}

/** HQ refunds lines, an amount or all that is left on its own; sent to WeChat Pay as an approval is. */
export function startRefund(orderId: string, ask: refunds.RefundAsk, reason: string, actor: Actor, gateway: PaymentGateway, now: Date): Promise<Result<Order>> {
  return approveAndSend(orderId, (order) => refunds.startRefund(order, ask, reason, actor, now), gateway, now)
}

/**
 * Once the order holds the approved refund, WeChat Pay is asked for it. The order allows one refund in
 * progress at a time and checks what is left in the same transaction that approves it, so however many
 * approvals race, what WeChat is asked for never adds up to more than was paid.
 */
async function approveAndSend(orderId: string, approve: (order: Order) => Result<Order>, gateway: PaymentGateway, now: Date): Promise<Result<Order>> {
  const approved = await changeOrder(orderId, approve, now)
  // An approved return waits for the goods (awaiting_return); the money goes when HQ has them.
  if (approved.ok && approved.data.refund?.status === 'approved') await resendRefund(approved.data, gateway)
  return approved
}

/** Asks WeChat Pay (again) for an approved refund; safe to repeat. */
function resendRefund(order: Order, gateway: PaymentGateway): Promise<'accepted' | 'unknown'> {
  const refund = order.refund!
  return gateway.refund({
    outTradeNo: order.payment.outTradeNo,
    outRefundNo: refund.outRefundNo,
    totalFen: paidFenOf(order),
    refundFen: refund.amountFen,
    reason: refund.reason,
  })
}

/**
 * Sends back money the order could not take (see `markOrderPaid`); the order is not revived. Safe to
 * repeat: the refund number is the order's. A refund that has ended, either way, is not asked again.
 */
export async function refundLatePayment(orderId: string, gateway: PaymentGateway): Promise<'accepted' | 'unknown'> {
  const { data } = await db.collection<Order>('orders').where({ _id: orderId }).get()
  const late = data[0]?.latePayment
  if (!late || late.refundedAt || late.refundFailure) return 'accepted'
  return gateway.refund({
    outTradeNo: data[0].payment.outTradeNo,
    outRefundNo: late.outRefundNo,
    totalFen: late.paidFen,
    refundFen: late.paidFen,
    reason: '订单已取消，款项原路退回',
  })
}

export function rejectRefund(orderId: string, reason: string, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) =>
    transition(order, 'rejectRefund', actor, now, { refund: { ...order.refund!, decidedAt: now, rejectReason: reason } }, reason),
    now,
  )
}

/**
 * Settles a refund whose notification has not come, from WeChat Pay's own account of that refund —
 * never from the payment's REFUND state, which says only that some refund was started. A refund that
 * ended is recorded as its notification would have been; one WeChat does not have, or will not say, is
 * asked for again with the same number; one in progress is left to finish. True once it is settled.
 */
export async function followUpRefund(order: Order, which: 'refund' | 'latePayment', gateway: PaymentGateway, now: Date): Promise<boolean> {
  const { outRefundNo, refundFen } =
    which === 'refund'
      ? { outRefundNo: order.refund!.outRefundNo, refundFen: order.refund!.amountFen }
      : { outRefundNo: order.latePayment!.outRefundNo, refundFen: order.latePayment!.paidFen }
  const state = await gateway.queryRefund(outRefundNo)
  if (state.state === 'succeeded' || state.state === 'failed') {
    const recorded = await recordRefund({ outTradeNo: order.payment.outTradeNo, outRefundNo, refundFen, end: state }, now)
    return recorded.ok && recorded.data !== 'anomaly'
  }
  if (state.state !== 'processing') await (which === 'refund' ? resendRefund(order, gateway) : refundLatePayment(order._id, gateway))
  return false
}

export type RefundRecord = 'recorded' | 'already_recorded' | 'anomaly'

/** What the buyer reads on the timeline when the money did not come back. */
const FAILURE_NOTE: Record<RefundFailure, string> = {
  change: '原支付账户无法入账，退款未到账，客服将联系您处理',
  closed: '退款已关闭，客服将联系您处理',
}

const wechat: Actor = { kind: 'wechat' }
const alreadyRecorded = () => fail('REFUND_ALREADY_RECORDED')

/**
 * WeChat Pay reports how a refund ended (its notification, or `followUpRefund` asking), once per
 * order however often the news comes: the check and the change are one transaction on the order.
 *
 * Succeeded: the refund is done (and its effects run: the units it gives back return to stock if
 * they had not shipped). Failed (CHANGE: the money could not go back to the original account; REFUNDCLOSE): that
 * refund number is finished — WeChat will not retry it and neither do we — so the refund shows 退款异常
 * rather than 已退款 and an anomaly for HQ is written in the same transaction. A later success (HQ
 * handled it at the merchant platform) still refunds the order. News of an earlier refund of the order
 * that succeeded is already recorded; news that fits no refund we asked for is kept as an anomaly.
 */
export async function recordRefund(notice: RefundNotice, now: Date): Promise<Result<RefundRecord>> {
  const order = await findOrderByNo(notice.outTradeNo)
  if (!order) return anomaly('refund_for_unknown_order', notice, now)
  const { end } = notice
  const failure = end.state === 'failed' ? end.failure : undefined
  const noteFailure = async (tx: Transaction) => {
    if (failure) await noteAnomaly(tx, report('refund_failed', notice, order._id), now)
  }

  if (order.latePayment?.outRefundNo === notice.outRefundNo) {
    const done = await changeOrder(
      order._id,
      (current) => {
        const late = current.latePayment!
        if (late.refundedAt || (late.refundFailure && failure)) return alreadyRecorded()
        return ok({
          ...current,
          latePayment: end.state === 'succeeded' ? { ...late, refundedAt: end.at } : { ...late, refundFailure: { reason: end.failure, at: now } },
          timeline: [
            ...current.timeline,
            failure ? { event: 'latePaymentRefundFailed' as const, at: now, actor: wechat, note: FAILURE_NOTE[failure] } : { event: 'latePaymentRefunded' as const, at: now, actor: wechat },
          ],
          updatedAt: now,
        })
      },
      now,
      noteFailure,
    )
    if (done.ok) return ok('recorded')
    return done.error.code === 'REFUND_ALREADY_RECORDED' ? ok('already_recorded') : done
  }

  if (order.refund?.outRefundNo !== notice.outRefundNo) {
    const earlier = order.previousRefunds?.find((r) => r.outRefundNo === notice.outRefundNo)
    if (!earlier) return anomaly('refund_not_asked_for', notice, now, order._id)
    // WeChat delivers a notification again until it is acknowledged, also after the next refund began.
    return earlier.status === 'refunded' && end.state === 'succeeded' ? ok('already_recorded') : anomaly('refund_in_unexpected_state', notice, now, order._id)
  }
  const done = await changeOrder(
    order._id,
    (current) => {
      const status = current.refund!.status
      if (status === 'refunded' || (status === 'failed' && failure)) return alreadyRecorded()
      return end.state === 'succeeded'
        ? transition(current, 'refundSucceeded', wechat, now, { refund: { ...current.refund!, refundedAt: end.at } })
        : transition(current, 'refundFailed', wechat, now, { refund: { ...current.refund!, failure: { reason: end.failure, at: now } } }, FAILURE_NOTE[end.failure])
    },
    now,
    noteFailure,
  )
  if (done.ok) return ok('recorded')
  if (done.error.code === 'REFUND_ALREADY_RECORDED') return ok('already_recorded')
  return anomaly('refund_in_unexpected_state', notice, now, order._id)
}

const report = (kind: AnomalyKind, notice: RefundNotice, orderId?: string): AnomalyReport => ({
  kind,
  outTradeNo: notice.outTradeNo,
  outRefundNo: notice.outRefundNo,
  ...(orderId ? { orderId } : {}),
  notice: { ...notice },
})

async function anomaly(kind: AnomalyKind, notice: RefundNotice, at: Date, orderId?: string): Promise<Result<RefundRecord>> {
  const recorded = await recordAnomaly(report(kind, notice, orderId), at)
  return recorded.ok ? ok('anomaly') : recorded
}
