import type { Page } from '../../src/contracts/paging'
import type { Sku } from '../../src/core/catalog'
import { StockLedgerEntry, StockReason, adjustStock } from '../../src/core/product-editing'
import { Result, fail, ok } from '../../src/core/result'
import { db, inTransaction } from '../_shared/database'
import { moveStock } from '../_shared/orders/stock'

/** Every move of stock HQ made, one document each, appended and never changed. */
export const STOCK_LEDGER = 'stock_ledger'

/**
 * Moves a SKU's stock by `delta` and appends the ledger entry, in one transaction that writes the SKU:
 * an order reserving the same SKU meanwhile conflicts with it and one of the two runs again on the
 * other's stock, so no update is lost and each entry's `stockAfter` is the stock it left.
 */
export function adjustSkuStock(skuId: string, delta: number, reason: StockReason, note: string, byOpenid: string, now: Date): Promise<Result<{ sku: Sku; entry: StockLedgerEntry }>> {
  return inTransaction(async (tx) => {
    const { data: sku } = await tx.collection<Sku>('skus').doc(skuId).get()
    if (!sku) return fail('CATALOG_SKU_NOT_FOUND', { skuId })
    const stockAfter = adjustStock(sku, delta)
    if (!stockAfter.ok) return stockAfter
    await moveStock(tx, [{ skuId, delta }])
    const entry: Omit<StockLedgerEntry, '_id'> = { skuId, productId: sku.productId, delta, reason, note, byOpenid, stockAfter: stockAfter.data, at: now }
    const { _id } = await tx.collection<StockLedgerEntry>(STOCK_LEDGER).add({ data: entry })
    return ok({ sku: { ...sku, stock: stockAfter.data }, entry: { ...entry, _id } })
  })
}

/** A SKU's ledger, newest first (the skuId_at index). */
export async function listLedger(skuId: string, page: number, pageSize: number): Promise<Page<StockLedgerEntry>> {
  const { data } = await db
    .collection<StockLedgerEntry>(STOCK_LEDGER)
    .where({ skuId })
    .orderBy('at', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  return { items: data.slice(0, pageSize), hasMore: data.length > pageSize }
}
