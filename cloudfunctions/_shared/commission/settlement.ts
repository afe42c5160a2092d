import { releaseCommission } from '../../../src/core/commission'
import { ok } from '../../../src/core/result'
import { commissionAvailableNotification } from '../../../src/core/subscribe-message'
import type { Shop } from '../../../src/core/shop'
import { _, db, inTransaction } from '../database'
import { oweNotification } from '../notifications/outbox'
import { CommissionAccount, OrderCommission, bookOrderEntries, readAccount } from './ledger'

/** Due orders read to find the shops with something to release (CloudBase returns at most 1,000). */
const DISCOVER = 1000
/** A shop's due orders released in one transaction. */
const PER_TRANSACTION = 100
/** Shops released at once; shops never share a document, so they do not conflict with each other. */
const PARALLEL = 8
/** Reads that found the account changed before the transaction, before the shop is left for the next run. */
const MAX_STALE_READS = 5

/** What a settlement run did, as recorded in `job_progress/settleCommissions`. */
export interface SettlementRun {
  startedAt: Date
  finishedAt: Date
  /** The instant commission was released as of (the timer's time). */
  asOf: Date
  releasedOrders: number
  /** Shops left for the next run: they failed this run. */
  skippedShops: number
  /** True when nothing due was left when the run ended. */
  complete: boolean
}

const commissionOrders = db.collection<OrderCommission>('commission_orders')

/** Shops with commission due, oldest due first. Served by the status_releasableAt index. */
async function shopsWithDue(now: Date, skip: Set<string>): Promise<string[]> {
  const { data } = await commissionOrders
    .where({ status: 'frozen', releasableAt: _.lte(now), ...(skip.size > 0 ? { shopId: _.nin([...skip]) } : {}) })
    .orderBy('releasableAt', 'asc')
    .field({ shopId: true })
    .limit(DISCOVER)
    .get()
  return [...new Set(data.map((o) => o.shopId))]
}

/**
 * Releases one shop's due commission, up to PER_TRANSACTION orders per transaction, until none is due.
 * The orders are read by a query (outside the transaction), and their entries are trusted only if the
 * shop's account has booked nothing since: every change to an order's commission books entries on the
 * account, so an unchanged entry count inside the transaction proves the orders are as read — and the
 * account's write makes any change after that conflict. An order released by an earlier, killed run is
 * no longer due, so nothing is ever booked twice. Returns how many orders were released.
 */
async function releaseShop(shopId: string, now: Date): Promise<number> {
  const { data: shop } = await db.collection<Shop>('shops').doc(shopId).get()
  let released = 0
  for (let stale = 0; stale < MAX_STALE_READS; ) {
    const [{ data: seen }, { data: due }] = await Promise.all([
      db.collection<CommissionAccount>('commission_accounts').doc(shopId).get(),
      commissionOrders.where({ shopId, status: 'frozen', releasableAt: _.lte(now) }).orderBy('releasableAt', 'asc').limit(PER_TRANSACTION).get(),
    ])
    if (due.length === 0) return released
    const outcome = await inTransaction(async (tx) => {
      const account = await readAccount(tx, shopId, now)
      if (account.entryCount !== (seen?.entryCount ?? 0)) return ok(null)
      const releases = due.flatMap((current) => {
        const release = releaseCommission(current.entries, current._id, now)
        return release.ok ? [{ orderId: current._id, current, added: release.data }] : []
      })
      await bookOrderEntries(tx, shopId, releases, now, account)
      // The owner is told the money is theirs to withdraw, once per release, after it commits.
      const releasedFen = releases.flatMap((r) => r.added).reduce((sum, entry) => sum + entry.amountFen, 0)
      if (releasedFen > 0 && shop) await oweNotification(tx, commissionAvailableNotification(shop.ownerOpenid, releasedFen, releases.length, now), now)
      return ok(releases.length)
    })
    if (!outcome.ok) throw new Error(`shop ${shopId}: ${outcome.error.code}`)
    if (outcome.data === null) stale++
    else if (outcome.data === 0) throw new Error(`shop ${shopId}: ${due.length} orders due, none releasable`)
    else released += outcome.data
  }
  throw new Error(`shop ${shopId}: its commission kept changing while being released`)
}

/**
 * The settlement job: releases the commission of every order whose after-sales window has ended, shop
 * by shop, until none is due or `budgetMs` is spent — a backlog then goes on in the next run. The work
 * list is the due orders themselves (an order leaves it when released), so a run that was killed is
 * resumed by the next simply running again; progress is recorded after every round.
 */
export async function settleCommissions(now: Date, budgetMs: number): Promise<SettlementRun> {
  const started = Date.now()
  const run: SettlementRun = { startedAt: new Date(), finishedAt: new Date(), asOf: now, releasedOrders: 0, skippedShops: 0, complete: false }
  const skip = new Set<string>()
  while (Date.now() - started < budgetMs) {
    const shops = await shopsWithDue(now, skip)
    if (shops.length === 0) {
      run.complete = skip.size === 0
      break
    }
    for (let i = 0; i < shops.length && Date.now() - started < budgetMs; i += PARALLEL) {
      const slice = shops.slice(i, i + PARALLEL)
      const released = await Promise.all(
        slice.map((shopId) =>
          releaseShop(shopId, now).catch((error) => {
            console.error(`commission of shop ${shopId} not released, left for the next run:`, error)
            skip.add(shopId)
            return 0
          }),
        ),
      )
      run.releasedOrders += released.reduce((a, b) => a + b, 0)
    }
    await record(run, skip)
  }
  await record(run, skip)
  return run
}

const record = (run: SettlementRun, skip: Set<string>) => {
  run.skippedShops = skip.size
  run.finishedAt = new Date()
  return db.collection<SettlementRun>('job_progress').doc('settleCommissions').set({ data: run })
}
