import { Order, transition } from '../../../src/core/order'
import type { PaymentGateway, PaymentNotice } from '../../../src/core/payment'
import { Result, fail, ok } from '../../../src/core/result'
import { inTransaction } from '../database'
import { noteAnomaly, recordAnomaly } from './anomalies'
import { refundLatePayment } from './refunds'
import { commitOrder } from './effects'
import { findOrderByNo, readInTransaction } from './repository'

export type Settlement = 'paid' | 'already_paid' | 'late_payment_refunded' | 'amount_mismatch' | 'unknown_order'

/**
 * Records that WeChat Pay took the money for an order. However often, late or early the news arrives
 * (notification, a query after the client returns, the expiry job finding it paid), the order moves
 * once, in one transaction on the order's document.
 *
 * Money the order cannot take is sent back, all of it, under the order's `latePayment`: money that
 * arrived after the order was cancelled, and money that is not the order's amount. A wrong amount also
 * cancels an unpaid order (its stock back in the same transaction), so the buyer can order again, and is
 * kept as one anomaly for HQ. Until WeChat accepts that refund the caller gets an error, so a
 * notification stays unacknowledged and comes again.
 */
export async function markOrderPaid(notice: PaymentNotice, gateway: PaymentGateway, now: Date): Promise<Result<Settlement>> {
  const found = await findOrderByNo(notice.outTradeNo)
  if (!found) {
    const recorded = await recordAnomaly({ kind: 'unknown_order', outTradeNo: notice.outTradeNo, notice: { ...notice } }, now)
    return recorded.ok ? ok('unknown_order') : recorded
  }
  const outcome = await inTransaction<Settlement>(async (tx) => {
    const read = await readInTransaction(tx, found._id)
    if (!read.ok) return read
    const order = read.data
    const mismatch = notice.paidFen !== order.payableFen
    if (mismatch) {
      await noteAnomaly(tx, { kind: 'amount_mismatch', outTradeNo: notice.outTradeNo, orderId: order._id, notice: { ...notice, payableFen: order.payableFen } }, now)
    }
    if (order.status === 'pending_payment') {
      const next = mismatch
        ? transition(order, 'rejectPayment', { kind: 'system' }, now, { latePayment: latePaymentOf(order, notice) }, '支付金额与订单金额不符，款项将原路退回')
        : transition(order, 'pay', { kind: 'wechat' }, now, {
            payment: { ...order.payment, transactionId: notice.transactionId, paidFen: notice.paidFen, paidAt: notice.paidAt },
          })
      if (!next.ok) return next
      await commitOrder(tx, order, next.data, now)
      return ok(mismatch ? 'amount_mismatch' : 'paid')
    }
    if (order.status === 'cancelled') {
      if (!order.latePayment) await commitOrder(tx, order, { ...order, latePayment: latePaymentOf(order, notice), updatedAt: now }, now)
      return ok(mismatch ? 'amount_mismatch' : 'late_payment_refunded')
    }
    // Paid already: this is the same payment again, or (with another amount) news for HQ only.
    return ok(mismatch ? 'amount_mismatch' : 'already_paid')
  })
  const sendBack = outcome.ok && (outcome.data === 'late_payment_refunded' || outcome.data === 'amount_mismatch')
  if (sendBack && (await refundLatePayment(found._id, gateway)) === 'unknown') {
    return fail('LATE_PAYMENT_REFUND_PENDING')
  }
  return outcome
}

/** The money as WeChat took it, to be sent back whole under a refund number of its own. */
const latePaymentOf = (order: Order, notice: PaymentNotice): NonNullable<Order['latePayment']> => ({
  transactionId: notice.transactionId,
  paidFen: notice.paidFen,
  outRefundNo: `L${order.orderNo}`,
})

/** When the client is back from paying before the notification: ask WeChat Pay and settle. */
export async function syncPayment(order: Order, gateway: PaymentGateway, now: Date): Promise<Result<void>> {
  if (order.status !== 'pending_payment') return ok(undefined)
  const state = await gateway.queryPayment(order.payment.outTradeNo)
  if (!state.ok) return state
  if (state.data.state === 'paid') {
    const { transactionId, paidFen, paidAt } = state.data
    const settled = await markOrderPaid({ outTradeNo: order.payment.outTradeNo, transactionId, paidFen, paidAt }, gateway, now)
    if (!settled.ok) return settled
    if (settled.data === 'amount_mismatch') return fail('PAYMENT_AMOUNT_MISMATCH')
  }
  return ok(undefined)
}
