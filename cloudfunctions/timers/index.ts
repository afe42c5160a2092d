import { z } from 'zod'
import { AUTO_COMPLETE_DAYS, Order, transition } from '../../src/core/order'
import { addDays, addMinutes } from '../../src/core/time'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { _ } from '../_shared/database'
import { defineEventHandler } from '../_shared/edge'
import { cancelOrder } from '../_shared/orders/cancel-order'
import { recordRefund, resendRefund } from '../_shared/orders/refunds'
import { changeOrder, orders } from '../_shared/orders/repository'
import { refundLatePayment } from '../_shared/orders/settle-payment'

/** A run stops taking new work after this long, well inside the 60 s a function may run. */
const BUDGET_MS = 40_000
const BATCH = 50
/** How long a refund may wait for its notification before WeChat Pay is asked again. */
const REFUND_SETTLE_MINUTES = 5

/**
 * Works through batches until none is left or the time budget is spent. `each` says whether the order
 * is done; one that is not is skipped for the rest of the run (and retried by the next run), so a
 * stuck order can neither spin the job nor hide the orders behind it.
 */
async function drain(next: (skip: string[]) => Promise<Order[]>, each: (order: Order) => Promise<boolean>): Promise<number> {
  const started = Date.now()
  const skip: string[] = []
  let done = 0
  while (Date.now() - started < BUDGET_MS) {
    const batch = await next(skip)
    if (batch.length === 0) break
    for (const order of batch) {
      if (await each(order)) done++
      else skip.push(order._id)
    }
  }
  return done
}

const notSkipped = (skip: string[]) => (skip.length > 0 ? { _id: _.nin(skip) } : {})

const jobs: Record<string, (now: Date) => Promise<number>> = {
  /** Unpaid orders past their 30 minutes: close the payment, cancel, give the stock back once. */
  expireUnpaidOrders: (now) =>
    drain(
      async (skip) =>
        (await orders.where({ status: 'pending_payment', expiresAt: _.lte(now), ...notSkipped(skip) }).orderBy('expiresAt', 'asc').limit(BATCH).get()).data,
      async (order) => {
        const outcome = await cancelOrder(order._id, 'expire', { kind: 'system' }, '超时未支付，订单自动取消', cloudPayGateway, now)
        if (outcome.ok) return true
        // A payment that beat the clock settles the order as paid; anything else is retried next run.
        const current = (await orders.where({ _id: order._id }).get()).data[0]
        if (current && current.status !== 'pending_payment') return true
        console.error(`could not expire ${order.orderNo}: ${outcome.error.code}`)
        return false
      },
    ),

  /** Shipped orders the buyer never confirmed complete by themselves after AUTO_COMPLETE_DAYS. */
  autoCompleteOrders: (now) =>
    drain(
      async (skip) =>
        (
          await orders
            .where(
              _.and([
                { status: 'shipped', 'shipment.shippedAt': _.lte(addDays(now, -AUTO_COMPLETE_DAYS)), ...notSkipped(skip) },
                // An order in a refund waits for HQ's decision, and a refunded one is not completed.
                _.or([{ refund: _.exists(false) }, { 'refund.status': 'rejected' }]),
              ]),
            )
            .orderBy('shipment.shippedAt', 'asc')
            .limit(BATCH)
            .get()
        ).data,
      async (order) => {
        const outcome = await changeOrder(order._id, (current) => transition(current, 'autoComplete', { kind: 'system' }, now, {}, `发货 ${AUTO_COMPLETE_DAYS} 天后自动确认收货`))
        if (!outcome.ok) console.error(`could not complete ${order.orderNo}: ${outcome.error.code}`)
        return outcome.ok
      },
    ),

  /**
   * Refunds WeChat Pay has not settled: an approved refund whose notification has not come, and money
   * from a late payment not yet sent back. WeChat Pay's own record settles the first; otherwise the
   * refund is asked for again with the same refund number, which WeChat treats as the same refund.
   */
  retryRefunds: async (now) => {
    const cutoff = addMinutes(now, -REFUND_SETTLE_MINUTES)
    const approved = await drain(
      async (skip) => (await orders.where({ 'refund.status': 'approved', 'refund.decidedAt': _.lte(cutoff), ...notSkipped(skip) }).limit(BATCH).get()).data,
      async (order) => {
        const state = await cloudPayGateway.queryPayment(order.payment.outTradeNo)
        if (state.ok && state.data.state === 'refunded') {
          const recorded = await recordRefund(
            { outTradeNo: order.payment.outTradeNo, outRefundNo: order.refund!.outRefundNo, refundFen: order.refund!.amountFen, succeeded: true, at: now },
            now,
          )
          return recorded.ok && recorded.data !== 'anomaly'
        }
        await resendRefund(order, cloudPayGateway)
        return false
      },
    )
    const late = await drain(
      async (skip) =>
        (await orders.where({ status: 'cancelled', 'latePayment.outRefundNo': _.exists(true), 'latePayment.refundedAt': _.exists(false), updatedAt: _.lte(cutoff), ...notSkipped(skip) }).limit(BATCH).get()).data,
      async (order) => {
        await refundLatePayment(order._id, cloudPayGateway)
        return false
      },
    )
    return approved + late
  },
}

export const main = defineEventHandler('timers', {
  sources: ['trigger'],
  input: z.object({ Type: z.literal('Timer'), TriggerName: z.enum(Object.keys(jobs) as [string, ...string[]]) }).passthrough(),
  refused: { done: 0 },
  async handle(event) {
    const done = await jobs[event.TriggerName](new Date())
    console.log(`${event.TriggerName}: ${done} orders`)
    return { done }
  },
})
