import type { Sku } from '../../../src/core/catalog'
import type { Database } from '../database'

/**
 * Reads the SKUs inside a transaction, in id order so two orders for the same SKUs queue rather than
 * deadlock. Each read takes the SKU's lock until the transaction ends.
 */
export async function readSkus(tx: Database, skuIds: string[]): Promise<Map<string, Sku>> {
  const skus = new Map<string, Sku>()
  for (const id of [...new Set(skuIds)].sort()) {
    try {
      skus.set(id, (await tx.collection<Sku>('skus').doc(id).get()).data)
    } catch {
      // A SKU that no longer exists is left out; pricing then refuses the line.
    }
  }
  return skus
}

/** Moves stock by `delta` per SKU (negative to reserve, positive to give back), inside the transaction. */
export async function adjustStock(tx: Database, skus: Map<string, Sku>, deltas: Array<{ skuId: string; delta: number }>): Promise<void> {
  for (const { skuId, delta } of deltas) {
    const sku = skus.get(skuId)
    if (!sku) continue
    await tx.collection<Sku>('skus').doc(skuId).update({ data: { stock: sku.stock + delta } })
    sku.stock += delta
  }
}
