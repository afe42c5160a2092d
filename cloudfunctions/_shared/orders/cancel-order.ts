import { Actor, Order, transition } from '../../../src/core/order'
import type { PaymentGateway } from '../../../src/core/payment'
import { Result, fail, ok } from '../../../src/core/result'
import { changeOrder, orders } from './repository'
import { markOrderPaid } from './settle-payment'

/**
 * Cancels an unpaid order and puts its stock back — exactly once, because the stock moves (an effect
 * of the move) in the same transaction as the status, and only a pending order can be cancelled.
 *
 * WeChat does not close an unpaid payment by itself, so a payment that was started is closed first:
 * after that no money can arrive. If the money already arrived, the order is settled as paid instead;
 * if WeChat cannot confirm the close, nothing is cancelled and the caller tries again later.
 */
export async function cancelOrder(
  orderId: string,
  event: 'cancel' | 'expire',
  actor: Actor,
  reason: string,
  gateway: PaymentGateway,
  now: Date,
): Promise<Result<Order>> {
  const before = (await orders.where({ _id: orderId }).get()).data[0]
  if (!before) return fail('ORDER_NOT_FOUND', { orderId })
  // Only a pending order may be cancelled: anything else gets the state machine's reason.
  if (before.status !== 'pending_payment') return transition(before, event, actor, now)
  const { outTradeNo, startedAt } = before.payment
  if (startedAt) {
    const closed = await gateway.closePayment(outTradeNo)
    if (!closed.ok) return closed
    if (closed.data === 'already_paid') {
      const state = await gateway.queryPayment(outTradeNo)
      if (state.ok && state.data.state === 'paid') {
        const { transactionId, paidFen, paidAt } = state.data
        const settled = await markOrderPaid({ outTradeNo, transactionId, paidFen, paidAt }, gateway, now)
        // A payment of the wrong amount cancels the order by itself (and is sent back): what was asked for.
        const current = settled.ok && settled.data === 'amount_mismatch' ? (await orders.where({ _id: orderId }).get()).data[0] : undefined
        if (current?.status === 'cancelled') return ok(current)
      }
      return fail('ORDER_ALREADY_PAID')
    }
  }
  return changeOrder(
    orderId,
    // Payment started after the close was decided: cancelling now would leave it open at WeChat Pay.
    (order) => (order.payment.startedAt && !startedAt ? fail('ORDER_PAYMENT_STARTED') : transition(order, event, actor, now, {}, reason)),
    now,
  )
}
