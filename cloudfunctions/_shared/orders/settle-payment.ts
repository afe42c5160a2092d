import { Order, transition } from '../../../src/core/order'
import type { PaymentGateway, PaymentNotice } from '../../../src/core/payment'
import { Result, fail, ok } from '../../../src/core/result'
import { db, inTransaction } from '../database'
import { recordAnomaly } from './anomalies'
import { findOrderByNo, readInTransaction, writeInTransaction } from './repository'

export type Settlement = 'paid' | 'already_paid' | 'late_payment_refunded' | 'amount_mismatch' | 'unknown_order'

/**
 * Records that WeChat Pay took the money for an order. However often, late or early the news
 * arrives (notification, a query after the client returns, the expiry job finding it paid), the
 * order moves to paid once. Money that arrives for an order already cancelled is sent back.
 */
export async function markOrderPaid(notice: PaymentNotice, gateway: PaymentGateway, now: Date): Promise<Result<Settlement>> {
  const found = await findOrderByNo(notice.outTradeNo)
  if (!found) {
    await recordAnomaly('unknown_order', { ...notice }, now)
    return ok('unknown_order')
  }
  if (notice.paidFen !== found.payableFen) {
    console.error(`payment for ${notice.outTradeNo} is ${notice.paidFen} fen, the order is ${found.payableFen} fen: not marked paid`)
    await recordAnomaly('amount_mismatch', { ...notice }, now, found._id)
    return ok('amount_mismatch')
  }
  const outcome = await inTransaction<Settlement>(async (tx) => {
    const read = await readInTransaction(tx, found._id)
    if (!read.ok) return read
    const order = read.data
    if (order.status === 'cancelled') {
      if (order.latePayment) return ok('late_payment_refunded')
      await writeInTransaction(tx, {
        ...order,
        latePayment: { transactionId: notice.transactionId, paidFen: notice.paidFen, outRefundNo: `L${order.orderNo}` },
        updatedAt: now,
      })
      return ok('late_payment_refunded')
    }
    if (order.status !== 'pending_payment') return ok('already_paid')
    const paid = transition(order, 'pay', { kind: 'wechat' }, now, {
      payment: { ...order.payment, transactionId: notice.transactionId, paidFen: notice.paidFen, paidAt: notice.paidAt },
    })
    if (!paid.ok) return paid
    await writeInTransaction(tx, paid.data)
    return ok('paid')
  })
  if (outcome.ok && outcome.data === 'late_payment_refunded' && (await refundLatePayment(found._id, gateway)) === 'unknown') {
    // Not acknowledged, so WeChat sends the notice again and the refund is asked for again.
    return fail('LATE_PAYMENT_REFUND_PENDING', '迟到的支付退款尚未确认')
  }
  return outcome
}

/**
 * Sends back a payment that arrived after its order was cancelled (the order is not revived: its
 * stock is already back on the shelf). Safe to repeat: the refund is keyed on the order.
 */
export async function refundLatePayment(orderId: string, gateway: PaymentGateway): Promise<'accepted' | 'unknown'> {
  const { data } = await db.collection<Order>('orders').where({ _id: orderId }).get()
  const late = data[0]?.latePayment
  if (!late || late.refundedAt) return 'accepted'
  return gateway.refund({
    outTradeNo: data[0].payment.outTradeNo,
    outRefundNo: late.outRefundNo,
    totalFen: late.paidFen,
    refundFen: late.paidFen,
    reason: '订单已取消，支付原路退回',
  })
}

/** When the client is back from paying before the notification: ask WeChat Pay and settle. */
export async function syncPayment(order: Order, gateway: PaymentGateway, now: Date): Promise<Result<void>> {
  if (order.status !== 'pending_payment') return ok(undefined)
  const state = await gateway.queryPayment(order.payment.outTradeNo)
  if (!state.ok) return state
  if (state.data.state === 'paid') {
    const { transactionId, paidFen, paidAt } = state.data
    const settled = await markOrderPaid({ outTradeNo: order.payment.outTradeNo, transactionId, paidFen, paidAt }, gateway, now)
    if (!settled.ok) return settled
    if (settled.data === 'amount_mismatch') return fail('PAYMENT_AMOUNT_MISMATCH', '支付金额异常，请联系客服')
  }
  return ok(undefined)
}
