import { Actor, Order, transition } from '../../../src/core/order'
import { Result, ok } from '../../../src/core/result'
import { CarrierId, afterAttempt, pendingReport, shippingInfoRequest } from '../../../src/core/shipping'
import { carrierName } from '../../../src/i18n/zh-CN'
import { subMchId } from '../cloud-pay'
import { uploadShippingInfo } from '../wechat-files'
import { changeOrder } from './repository'

export interface Shipping {
  orderId: string
  carrierId: CarrierId
  trackingNo: string
}

/**
 * WeChat's answers that mean it already holds a shipment for the payment (an earlier attempt whose
 * answer was lost got through): 10060002 shipped and done, 10060003 the one re-shipment used.
 */
const ALREADY_REPORTED = [10060002, 10060003]

/**
 * Ships an order: the move and a pending report to WeChat commit together, so a shipped order always
 * has its report on record; then the report is tried once. Whatever WeChat answers, the order has
 * shipped — a report not accepted stays pending for the `reportShipping` timer job.
 */
export async function shipOrder({ orderId, carrierId, trackingNo }: Shipping, actor: Actor, now: Date): Promise<Result<Order>> {
  const company = carrierName(carrierId)
  const shipped = await changeOrder(
    orderId,
    (order) => transition(order, 'ship', actor, now, { shipment: { company, carrierId, trackingNo, shippedAt: now }, shippingReport: pendingReport(now) }, `${company} ${trackingNo}`),
    now,
  )
  return shipped.ok ? ok(await reportShipping(shipped.data, now)) : shipped
}

/**
 * One attempt at an order's pending report, and its outcome recorded on the order (accepted, or pending
 * with the next attempt backed off). Answers the order as it is afterwards; an order with nothing to
 * report comes back as it was.
 */
export async function reportShipping(order: Order, now: Date): Promise<Order> {
  const request = order.shippingReport?.state === 'pending' ? shippingInfoRequest(order, subMchId(), now) : null
  if (!request) return order
  const answer = await uploadShippingInfo(request)
  const outcome = !answer.accepted && ALREADY_REPORTED.includes(answer.errcode) ? ({ accepted: true } as const) : answer
  if (!outcome.accepted) console.warn(`shipping report of ${order.orderNo} not accepted: ${outcome.errcode} ${outcome.errmsg}`)
  const saved = await changeOrder(
    order._id,
    // Only a report still pending takes the outcome: one accepted meanwhile stays accepted.
    (current) => ok(current.shippingReport?.state === 'pending' ? { ...current, shippingReport: afterAttempt(current.shippingReport, outcome, now), updatedAt: now } : current),
    now,
  )
  return saved.ok ? saved.data : order
}
