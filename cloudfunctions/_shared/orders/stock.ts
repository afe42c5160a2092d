import type { Sku } from '../../../src/core/catalog'
import { _, type Transaction } from '../database'

/**
 * Moves stock by `delta` per SKU (negative to reserve, positive to give back), inside the transaction.
 * An increment needs no read of its own: the write still conflicts with any other change of the SKU
 * since the snapshot, so the stock the transaction checked is the stock it changes.
 */
export async function moveStock(tx: Transaction, deltas: Array<{ skuId: string; delta: number }>): Promise<void> {
  await Promise.all(deltas.map(({ skuId, delta }) => tx.collection<Sku>('skus').doc(skuId).update({ data: { stock: _.inc(delta) } })))
}
