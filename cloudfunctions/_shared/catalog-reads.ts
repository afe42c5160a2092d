import type { Product, Sku } from '../../src/core/catalog'
import { _, db } from './database'

/** SKUs by id, and the products they belong to: what carts and orders price from. */
export async function loadCatalogFor(skuIds: string[]): Promise<{ skus: Map<string, Sku>; products: Map<string, Product> }> {
  const skus = await loadSkus(skuIds)
  return { skus, products: await loadProducts([...skus.values()].map((s) => s.productId)) }
}

/** SKUs by id, in one query; a SKU that does not exist is left out. */
export async function loadSkus(skuIds: string[]): Promise<Map<string, Sku>> {
  const ids = [...new Set(skuIds)]
  const skus = new Map<string, Sku>()
  if (ids.length === 0) return skus
  // At most 50 ids (the cart and order limits), well under the SDK's 1000-document page.
  for (const sku of (await db.collection<Sku>('skus').where({ _id: _.in(ids) }).limit(ids.length).get()).data) skus.set(sku._id, sku)
  return skus
}

/**
 * Products by id, in one query, without their long fields (detail, search terms); one that does not
 * exist is left out. Callers ask for a page's worth (at most MAX_PAGE_SIZE, 100), well under the SDK's 1000.
 */
export async function loadProducts(productIds: string[]): Promise<Map<string, Product>> {
  const products = new Map<string, Product>()
  const ids = [...new Set(productIds)]
  if (ids.length === 0) return products
  const { data } = await db
    .collection<Product>('products')
    .where({ _id: _.in(ids) })
    .field({ searchTerms: false, detail: false })
    .limit(ids.length)
    .get()
  for (const product of data) products.set(product._id, product)
  return products
}
