import type { Sku } from '../../../src/core/catalog'
import { _, type Transaction } from '../database'

/**
 * Reads the SKUs inside a transaction (its snapshot). The read takes no lock: what keeps stock right
 * is that every change of stock writes the SKU (`moveStock`), and a transaction writing a SKU that
 * another one has written, or that changed since its snapshot, conflicts and runs again on fresh stock.
 */
export async function readSkus(tx: Transaction, skuIds: string[]): Promise<Map<string, Sku>> {
  const read = await Promise.all([...new Set(skuIds)].map((id) => tx.collection<Sku>('skus').doc(id).get()))
  // A SKU that no longer exists is left out; pricing then refuses the line.
  return new Map(read.flatMap(({ data }) => (data ? [[data._id, data] as const] : [])))
}

/**
 * Moves stock by `delta` per SKU (negative to reserve, positive to give back), inside the transaction.
 * An increment needs no read of its own: the write still conflicts with any other change of the SKU
 * since the snapshot, so the stock the transaction checked is the stock it changes.
 */
export async function moveStock(tx: Transaction, deltas: Array<{ skuId: string; delta: number }>): Promise<void> {
  await Promise.all(deltas.map(({ skuId, delta }) => tx.collection<Sku>('skus').doc(skuId).update({ data: { stock: _.inc(delta) } })))
}
