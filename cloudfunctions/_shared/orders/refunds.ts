import { Actor, Order, transition } from '../../../src/core/order'
import type { PaymentGateway, RefundNotice } from '../../../src/core/payment'
import { Result, fail, ok } from '../../../src/core/result'
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
 * HQ approves: the order records the approval, then WeChat Pay is asked to send the money. If that
 * call fails, the approval is undone (the request stands again) so HQ can retry: the refund is
 * never marked approved without WeChat having accepted it.
 */
export async function approveRefund(orderId: string, actor: Actor, gateway: PaymentGateway, now: Date): Promise<Result<Order>> {
  const approved = await changeOrder(orderId, (order) => transition(order, 'approveRefund', actor, now, { refund: { ...order.refund!, decidedAt: now } }))
  if (!approved.ok) return approved
  const order = approved.data
  const sent = await gateway.refund({
    outTradeNo: order.payment.outTradeNo,
    outRefundNo: order.refund!.outRefundNo,
    totalFen: order.payment.paidFen ?? order.payableFen,
    refundFen: order.refund!.amountFen,
    reason: order.refund!.reason,
  })
  if (sent.ok) return approved
  await changeOrder(orderId, (current) =>
    ok({
      ...current,
      refund: { ...current.refund!, status: 'requested', decidedAt: undefined },
      timeline: [...current.timeline, { event: 'requestRefund', at: now, actor: { kind: 'system' }, note: '微信退款发起失败，待重新处理' }],
      updatedAt: now,
    }),
  )
  return sent
}

export function rejectRefund(orderId: string, reason: string, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) =>
    transition(order, 'rejectRefund', actor, now, { refund: { ...order.refund!, decidedAt: now, rejectReason: reason } }, reason),
  )
}

/**
 * WeChat Pay reports a refund done. An order refunded before it shipped puts its stock back, in
 * the same transaction, so it happens once however often the notice comes.
 */
export async function recordRefund(notice: RefundNotice, now: Date): Promise<Result<'recorded' | 'already_recorded' | 'unknown'>> {
  const order = await findOrderByNo(notice.outTradeNo)
  if (!order) return ok('unknown')
  if (!notice.succeeded) {
    console.error(`refund ${notice.outRefundNo} of ${notice.outTradeNo} did not succeed`)
    return ok('recorded')
  }
  if (order.latePayment?.outRefundNo === notice.outRefundNo) {
    const done = await changeOrder(order._id, (current) =>
      current.latePayment?.refundedAt
        ? fail('ALREADY', 'already')
        : ok({
            ...current,
            latePayment: { ...current.latePayment!, refundedAt: notice.at },
            timeline: [...current.timeline, { event: 'latePaymentRefunded', at: now, actor: { kind: 'wechat' } }],
            updatedAt: now,
          }),
    )
    return ok(done.ok ? 'recorded' : 'already_recorded')
  }
  if (order.refund?.outRefundNo !== notice.outRefundNo) return ok('unknown')
  const done = await changeOrder(
    order._id,
    (current) => transition(current, 'refundSucceeded', { kind: 'wechat' }, now, { refund: { ...current.refund!, refundedAt: notice.at } }),
    async (tx, before) => {
      if (before.status !== 'paid') return
      const skus = await readSkus(tx, before.lines.map((l) => l.skuId))
      await adjustStock(tx, skus, before.lines.map((l) => ({ skuId: l.skuId, delta: l.quantity })))
    },
  )
  return ok(done.ok ? 'recorded' : 'already_recorded')
}
