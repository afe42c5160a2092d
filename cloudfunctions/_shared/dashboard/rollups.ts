import { applyBump, mergeBumps, type Bump, type Rollup } from '../../../src/core/dashboard'
import { _, type Transaction } from '../database'

/** `first_orders` (id: the buyer's OPENID): the buyer's first paid order, so a new customer counts once. */
export interface FirstOrder {
  _id: string
  orderId: string
  paidAt: Date
}

/**
 * Adds the bumps to their rollup documents in `tx`: one increment per document, and an insert only
 * for a document's first bump (the increment found nothing). An increment needs no read and still
 * conflicts with any other write of the document since the transaction's snapshot, so two moves
 * bumping one document at once conflict there and the retried one adds to what the first wrote; two
 * first bumps of one document both insert it, and the second conflicts the same way. Every figure is
 * added exactly once. Every bump counts something (an order, a refund, an event), so an increment of
 * an existing document always changes it and reports it updated.
 */
export async function writeRollups(tx: Transaction, bumps: Bump[], now: Date): Promise<void> {
  await Promise.all(
    mergeBumps(bumps).map(async (bump) => {
      const increments = Object.fromEntries(Object.entries(bump.add).map(([field, n]) => [field, _.inc(n)]))
      const { stats } = await tx.collection(bump.collection).doc(bump.id).update({ data: { ...increments, updatedAt: now } })
      if (stats.updated === 0) await tx.collection<Rollup>(bump.collection).add({ data: applyBump(null, bump, now) })
    }),
  )
}

/** Whether this paid order is the buyer's first; records it when it is. */
export async function isFirstPaidOrder(tx: Transaction, buyerOpenid: string, orderId: string, paidAt: Date): Promise<boolean> {
  const first = tx.collection<FirstOrder>('first_orders')
  const { data } = await first.doc(buyerOpenid).get()
  if (data) return false
  await first.add({ data: { _id: buyerOpenid, orderId, paidAt } })
  return true
}
