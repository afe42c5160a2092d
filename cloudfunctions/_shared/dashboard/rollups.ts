import { applyBump, mergeBumps, type Bump } from '../../../src/core/dashboard'
import type { Transaction } from '../database'

/** `first_orders` (id: the buyer's OPENID): the buyer's first paid order, so a new customer counts once. */
export interface FirstOrder {
  _id: string
  orderId: string
  paidAt: Date
}

/**
 * Adds the bumps to their rollup documents in `tx`: each document read once and written once. Two
 * moves bumping one document at once conflict there and the retried one adds to what the first wrote,
 * so every figure is added exactly once.
 */
export async function writeRollups(tx: Transaction, bumps: Bump[], now: Date): Promise<void> {
  await Promise.all(
    mergeBumps(bumps).map(async (bump) => {
      const ref = tx.collection(bump.collection).doc(bump.id)
      const { data: current } = await ref.get()
      const { _id, ...next } = applyBump(current as Parameters<typeof applyBump>[0], bump, now)
      if (current) await ref.set({ data: next })
      else await tx.collection(bump.collection).add({ data: { _id, ...next } })
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
