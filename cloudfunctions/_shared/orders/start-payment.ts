import type { Order, PaymentParams } from '../../../src/core/order'
import type { PaymentGateway } from '../../../src/core/payment'
import { Result, fail } from '../../../src/core/result'
import { orders } from './repository'

/**
 * Opens (or reopens) WeChat Pay for an unpaid order that has not run out of time. The start is
 * recorded on the order before WeChat is asked, so a cancel racing this call still closes the payment
 * there.
 */
export async function startPayment(order: Order, gateway: PaymentGateway, now: Date): Promise<Result<PaymentParams>> {
  if (order.status !== 'pending_payment') return fail('ORDER_NOT_PAYABLE', { status: order.status })
  if (order.expiresAt.getTime() <= now.getTime()) return fail('ORDER_PAYMENT_EXPIRED')
  if (!order.payment.startedAt) await orders.doc(order._id).update({ data: { 'payment.startedAt': now } })
  const title = order.lines[0].title + (order.lines.length > 1 ? ` 等${order.lines.length}件商品` : '')
  return gateway.createPayment({
    outTradeNo: order.payment.outTradeNo,
    totalFen: order.payableFen,
    description: `云岭茶舍-${title}`,
    payerOpenid: order.buyerOpenid,
    expiresAt: order.expiresAt,
  })
}
