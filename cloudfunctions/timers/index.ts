import { z } from 'zod'
import { AUTO_COMPLETE_DAYS, Order, transition } from '../../src/core/order'
import { addDays, addMinutes } from '../../src/core/time'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { commissionPayout } from '../_shared/commission/payout'
import { settleCommissions } from '../_shared/commission/settlement'
import { followUpWithdrawals } from '../_shared/commission/withdrawals'
import { _ } from '../_shared/database'
import { defineEventHandler } from '../_shared/edge'
import { cancelOrder } from '../_shared/orders/cancel-order'
import { followUpRefund } from '../_shared/orders/refunds'
import { changeOrder, orders } from '../_shared/orders/repository'
import { closeOverdueReturn } from '../_shared/orders/returns'
import { reportShipping } from '../_shared/orders/ship'
import { deliverNotifications } from '../_shared/notifications/deliver'

/** A run stops taking new work after this long, well inside the 60 s a function may run. */
const BUDGET_MS = 40_000
const BATCH = 50
/** How long a refund may wait for its notification before WeChat Pay is asked again. */
const REFUND_SETTLE_MINUTES = 5

/**
 * Works through batches until none is left or the time budget is spent. `each` says whether the order
 * is done; one that is not, or that fails outright, is skipped for the rest of the run (and retried by
 * the next run), so a stuck or failing order can neither spin the job, nor end it, nor hide the orders
 * behind it. Each failure is logged with its order.
 */
async function drain(next: (skip: string[]) => Promise<Order[]>, each: (order: Order) => Promise<boolean>): Promise<number> {
  const started = Date.now()
  const skip: string[] = []
  let done = 0
  while (Date.now() - started < BUDGET_MS) {
    const batch = await next(skip)
    if (batch.length === 0) break
    for (const order of batch) {
      let finished = false
      try {
        finished = await each(order)
      } catch (error) {
        console.error(`order ${order.orderNo} failed, left for the next run:`, error)
      }
      if (finished) done++
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
                // An order in a refund waits for HQ's decision, and one refunded whole is not completed; a
                // request refused, withdrawn or closed (a return never sent) leaves the order as it was.
                _.or([{ refund: _.exists(false) }, { 'refund.status': _.in(['rejected', 'withdrawn', 'closed']) }, { 'refund.status': 'refunded', 'refund.final': false }]),
              ]),
            )
            .orderBy('shipment.shippedAt', 'asc')
            .limit(BATCH)
            .get()
        ).data,
      async (order) => {
        const outcome = await changeOrder(order._id, (current) => transition(current, 'autoComplete', { kind: 'system' }, now, {}, `发货 ${AUTO_COMPLETE_DAYS} 天后自动确认收货`), now)
        if (!outcome.ok) console.error(`could not complete ${order.orderNo}: ${outcome.error.code}`)
        return outcome.ok
      },
    ),

  /**
   * Refunds whose notification has not come: approved refunds, and money an order could not take (a
   * late or wrong payment) not yet sent back. WeChat Pay's account of each refund settles it; one it does
   * not have is asked for again with the same refund number. A refund that ended in failure is off both
   * lists: its number cannot succeed again, and HQ has it as an anomaly.
   */
  retryRefunds: async (now) => {
    const cutoff = addMinutes(now, -REFUND_SETTLE_MINUTES)
    const approved = await drain(
      async (skip) => (await orders.where({ 'refund.status': 'approved', 'refund.decidedAt': _.lte(cutoff), ...notSkipped(skip) }).limit(BATCH).get()).data,
      (order) => followUpRefund(order, 'refund', cloudPayGateway, now),
    )
    const late = await drain(
      async (skip) =>
        (
          await orders
            .where({
              status: 'cancelled',
              'latePayment.outRefundNo': _.exists(true),
              'latePayment.refundedAt': _.exists(false),
              'latePayment.refundFailure': _.exists(false),
              updatedAt: _.lte(cutoff),
              ...notSkipped(skip),
            })
            .limit(BATCH)
            .get()
        ).data,
      (order) => followUpRefund(order, 'latePayment', cloudPayGateway, now),
    )
    return approved + late
  },

  /**
   * Returns HQ agreed to whose goods were not sent by their deadline close, and the orders carry on as
   * before the request. A return sent meanwhile (or withdrawn) is refused by the order's moves: done.
   */
  closeOverdueReturns: (now) =>
    drain(
      async (skip) => (await orders.where({ 'refund.status': 'awaiting_return', 'refund.returnDueAt': _.lte(now), ...notSkipped(skip) }).orderBy('refund.returnDueAt', 'asc').limit(BATCH).get()).data,
      async (order) => {
        const outcome = await closeOverdueReturn(order._id, now)
        if (outcome.ok || outcome.error.code === 'ORDER_ILLEGAL_TRANSITION') return true
        console.error(`could not close the return of ${order.orderNo}: ${outcome.error.code}`)
        return false
      },
    ),

  /** Commission whose after-sales window has ended becomes available to withdraw. */
  settleCommissions: async (now) => {
    const run = await settleCommissions(now, BUDGET_MS)
    if (!run.complete) console.log(`settleCommissions: backlog left (${run.skippedShops} shops skipped), the next run goes on`)
    return run.releasedOrders
  },

  /**
   * Shipments WeChat's 发货信息管理 has not accepted yet (refused, unanswered, or never tried because the
   * shipping call died), each at its backed-off time: until accepted, the buyer's payment stays frozen.
   */
  reportShipping: (now) =>
    drain(
      async (skip) =>
        (await orders.where({ 'shippingReport.state': 'pending', 'shippingReport.nextAttemptAt': _.lte(now), ...notSkipped(skip) }).orderBy('shippingReport.nextAttemptAt', 'asc').limit(BATCH).get()).data,
      async (order) => (await reportShipping(order, now)).shippingReport?.state === 'accepted',
    ),

  /** Subscription messages owed by the moves committed since (shipped, refund result, commission available). */
  sendNotifications: (now) => deliverNotifications(now, BUDGET_MS),

  /** Withdrawals whose transfer is unsettled (an unclear answer, a late notification, 24 h unconfirmed): asked of WeChat Pay again. */
  followUpWithdrawals: (now) => followUpWithdrawals(commissionPayout(), now),
}

export const main = defineEventHandler('timers', {
  sources: ['trigger'],
  // `Time` is when the trigger fired, as the cloud's timer says: every job runs as of that instant.
  input: z.object({ Type: z.literal('Timer'), TriggerName: z.enum(Object.keys(jobs) as [string, ...string[]]), Time: z.string().datetime() }).passthrough(),
  refused: { done: 0 },
  async handle(event) {
    const done = await jobs[event.TriggerName](new Date(event.Time))
    console.log(`${event.TriggerName}: ${done} orders`)
    return { done }
  },
})
