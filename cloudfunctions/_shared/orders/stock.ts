import type { Sku } from '../../../src/core/catalog'
import type { Transaction } from '../database'

/**
 * Reads the SKUs inside a transaction. The read takes no lock: what keeps stock right is that every
 * change of stock writes the SKU (`adjustStock`), and a transaction writing a SKU that another one has
 * written, or that changed since it read it, conflicts and runs again on fresh stock.
 */
export async function readSkus(tx: Transaction, skuIds: string[]): Promise<Map<string, Sku>> {
  const skus = new Map<string, Sku>()
  for (const id of new Set(skuIds)) {
    // A SKU that no longer exists is left out; pricing then refuses the line.
    const { data } = await tx.collection<Sku>('skus').doc(id).get()
    if (data) skus.set(id, data)
  }
  return skus
}

/** Moves stock by `delta` per SKU (negative to reserve, positive to give back), inside the transaction. */
export async function adjustStock(tx: Transaction, skus: Map<string, Sku>, deltas: Array<{ skuId: string; delta: number }>): Promise<void> {
  for (const { skuId, delta } of deltas) {
    const sku = skus.get(skuId)
    if (!sku) continue
    await tx.collection<Sku>('skus').doc(skuId).update({ data: { stock: sku.stock + delta } })
    sku.stock += delta
  }
}
