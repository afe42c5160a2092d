import { releaseCommission } from '../../../src/core/commission'
import { ok } from '../../../src/core/result'
import { _, db, inTransaction } from '../database'
import { OrderCommission, bookOrderEntries, readOrderCommission } from './ledger'

/** Orders read per query: CloudBase returns at most 1,000 documents per `get`. */
const BATCH = 500
/** Orders released at once: each is its own transaction; orders of one shop conflict on its account and are retried. */
const PARALLEL = 8

/** What a settlement run did, as recorded in `job_progress/settleCommissions`. */
export interface SettlementRun {
  startedAt: Date
  finishedAt: Date
  /** The instant commission was released as of (the timer's time). */
  asOf: Date
  releasedOrders: number
  /** Orders left for the next run: failed this run, or not reached within its budget. */
  skippedOrders: number
  /** True when nothing due was left when the run ended. */
  complete: boolean
  /** The last order released, in release order (releasableAt, then id): how far the backlog has got. */
  reached: { releasableAt: Date; orderId: string } | null
}

const due = (now: Date, skip: string[]) =>
  db
    .collection<OrderCommission>('commission_orders')
    .where({ status: 'frozen', releasableAt: _.lte(now), ...(skip.length > 0 ? { _id: _.nin(skip) } : {}) })
    .orderBy('releasableAt', 'asc')
    .field({ _id: true, releasableAt: true })
    .limit(BATCH)
    .get()

/**
 * Releases one order's commission that is due, in a transaction with the shop's account. Decided from
 * the order's commission as the transaction reads it, so an order released by an earlier (perhaps
 * killed) run, or refunded since, books nothing: an entry is never booked twice.
 */
async function releaseOrder(orderId: string, now: Date): Promise<boolean> {
  const outcome = await inTransaction(async (tx) => {
    const current = await readOrderCommission(tx, orderId)
    if (!current || current.status !== 'frozen') return ok(null)
    const release = releaseCommission(current.entries, orderId, now)
    if (!release.ok) return release
    await bookOrderEntries(tx, orderId, current.shopId, current, release.data, now)
    return ok(null)
  })
  if (!outcome.ok) console.error(`commission of order ${orderId} not released: ${outcome.error.code}`)
  return outcome.ok
}

/**
 * The settlement job: releases every order whose after-sales window has ended, oldest first, in
 * batches, until none is due or `budgetMs` is spent — a backlog then goes on in the next run. The
 * work list is the due orders themselves (an order leaves it when released), so a run that was
 * killed is resumed by the next simply running again; progress is recorded after every batch.
 */
export async function settleCommissions(now: Date, budgetMs: number): Promise<SettlementRun> {
  const started = Date.now()
  const run: SettlementRun = { startedAt: new Date(), finishedAt: new Date(), asOf: now, releasedOrders: 0, skippedOrders: 0, complete: false, reached: null }
  const skip: string[] = []
  while (Date.now() - started < budgetMs) {
    const { data: batch } = await due(now, skip)
    if (batch.length === 0) {
      run.complete = skip.length === 0
      break
    }
    for (let i = 0; i < batch.length && Date.now() - started < budgetMs; i += PARALLEL) {
      const slice = batch.slice(i, i + PARALLEL)
      const outcomes = await Promise.all(
        slice.map((order) =>
          releaseOrder(order._id, now).catch((error) => {
            console.error(`commission of order ${order._id} not released, left for the next run:`, error)
            return false
          }),
        ),
      )
      slice.forEach((order, k) => {
        if (outcomes[k]) {
          run.releasedOrders++
          run.reached = { releasableAt: order.releasableAt!, orderId: order._id }
        } else skip.push(order._id)
      })
    }
    await record(run, skip)
  }
  await record(run, skip)
  return run
}

const record = (run: SettlementRun, skip: string[]) => {
  run.skippedOrders = skip.length
  run.finishedAt = new Date()
  return db.collection<SettlementRun>('job_progress').doc('settleCommissions').set({ data: run })
}
