import { z } from 'zod'
import { AUTO_COMPLETE_DAYS, Order, transition } from '../../src/core/order'
import { addDays } from '../../src/core/time'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { _ } from '../_shared/database'
import { defineEventHandler } from '../_shared/edge'
import { cancelOrder } from '../_shared/orders/cancel-order'
import { changeOrder, orders } from '../_shared/orders/repository'

/** A run stops taking new work after this long, well inside the 60 s a function may run. */
const BUDGET_MS = 40_000
const BATCH = 50

/**
 * Works through `next()` batches until none is left or the time budget is spent; whatever is left
 * is picked up by the next run, since each batch is read afresh from the database.
 */
async function drain(next: () => Promise<Order[]>, each: (order: Order) => Promise<boolean>): Promise<number> {
  const started = Date.now()
  let done = 0
  const failed = new Set<string>()
  while (Date.now() - started < BUDGET_MS) {
    const batch = (await next()).filter((o) => !failed.has(o._id))
    if (batch.length === 0) break
    for (const order of batch) {
      if (await each(order)) done++
      else failed.add(order._id)
    }
  }
  return done
}

const jobs: Record<string, (now: Date) => Promise<number>> = {
  /** Unpaid orders past their 30 minutes: close the payment, cancel, give the stock back once. */
  expireUnpaidOrders: (now) =>
    drain(
      async () => (await orders.where({ status: 'pending_payment', expiresAt: _.lte(now) }).orderBy('expiresAt', 'asc').limit(BATCH).get()).data,
      async (order) => {
        const outcome = await cancelOrder(order._id, 'expire', { kind: 'system' }, '超时未支付，订单自动取消', cloudPayGateway, now)
        // A payment that beat the clock leaves the order paid, which also takes it out of the batch.
        if (!outcome.ok && outcome.error.code !== 'ORDER_ALREADY_PAID') console.error(`could not expire ${order.orderNo}: ${outcome.error.code}`)
        return outcome.ok || outcome.error.code === 'ORDER_ALREADY_PAID'
      },
    ),

  /** Shipped orders the buyer never confirmed complete by themselves after AUTO_COMPLETE_DAYS. */
  autoCompleteOrders: (now) =>
    drain(
      async () =>
        (await orders.where({ status: 'shipped', 'shipment.shippedAt': _.lte(addDays(now, -AUTO_COMPLETE_DAYS)) }).limit(BATCH).get()).data,
      async (order) => {
        const outcome = await changeOrder(order._id, (current) => transition(current, 'autoComplete', { kind: 'system' }, now, {}, `发货 ${AUTO_COMPLETE_DAYS} 天后自动确认收货`))
        if (!outcome.ok) console.error(`could not complete ${order.orderNo}: ${outcome.error.code}`)
        return outcome.ok
      },
    ),
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
