import type { Product, ProductPage } from '../../src/core/catalog'
import { summarize } from '../../src/core/catalog'
import { Shop, arrangePicks } from '../../src/core/shop'
import { _, db } from '../_shared/database'
import { keywordCondition } from '../_shared/product-search'

const products = db.collection<Product>('products')
/** What a list shows of a product: not its long fields. */
const SUMMARY = { searchTerms: false, detail: false }
const EMPTY: ProductPage = { items: [], hasMore: false }

/**
 * The shop home's products: the shop's picks on HQ's shelf, in the shop's order (arrangePicks),
 * optionally matching a keyword, one page at a time. A closed shop shows nothing. Every query is
 * served by an index, and none reads more than the page and, for picks one by one, their ids:
 * - the whole catalog: HQ's shelf in HQ's order (onShelf_sortOrder, or searchTerms);
 * - categories: how many each picked category has (one aggregation), then the page from the one or
 *   two categories it falls in, each in HQ's order (categoryId_sortOrder);
 * - products one by one (at most 200): which picks are on the shelf, in the owner's order, then
 *   the page's products by id.
 */
export async function listShopProducts(shop: Shop, keyword: string | undefined, page: number, pageSize: number): Promise<ProductPage> {
  const search = keywordCondition(keyword)
  if (!search || shop.status === 'closed') return EMPTY
  const { picks } = shop
  const start = page * pageSize
  switch (picks.mode) {
    case 'all': {
      const { data } = await products
        .where({ onShelf: true, ...search })
        .field(SUMMARY)
        .orderBy('sortOrder', 'asc')
        .orderBy('_id', 'asc')
        .skip(start)
        .limit(pageSize + 1)
        .get()
      return { items: data.slice(0, pageSize).map(summarize), hasMore: data.length > pageSize }
    }
    case 'categories': {
      const { list } = await products
        .aggregate()
        .match({ categoryId: _.in(picks.categoryIds), onShelf: true, ...search })
        .group({ _id: '$categoryId', n: _.aggregate.sum(1) })
        .end()
      const countOf = new Map(list.map((group) => [group._id as string, group.n as number]))
      const counts = picks.categoryIds.map((id) => countOf.get(id) ?? 0)
      const items: Product[] = []
      let skip = start
      for (const [i, categoryId] of picks.categoryIds.entries()) {
        if (items.length === pageSize) break
        if (skip >= counts[i]) {
          skip -= counts[i]
          continue
        }
        const { data } = await products
          .where({ categoryId, onShelf: true, ...search })
          .field(SUMMARY)
          .orderBy('sortOrder', 'asc')
          .orderBy('_id', 'asc')
          .skip(skip)
          .limit(pageSize - items.length)
          .get()
        items.push(...data)
        skip = 0
      }
      const total = counts.reduce((sum, n) => sum + n, 0)
      return { items: items.map(summarize), hasMore: total > start + pageSize }
    }
    case 'products': {
      const { data: shelved } = await products
        .where({ _id: _.in(picks.productIds), onShelf: true, ...search })
        .field({ _id: true, categoryId: true, onShelf: true, sortOrder: true })
        .limit(picks.productIds.length)
        .get()
      const shown = arrangePicks(picks, shelved)
      const pageIds = shown.slice(start, start + pageSize).map((p) => p._id)
      if (pageIds.length === 0) return EMPTY
      const { data } = await products.where({ _id: _.in(pageIds), onShelf: true }).field(SUMMARY).limit(pageIds.length).get()
      const byId = new Map(data.map((p) => [p._id, p]))
      const items = pageIds.flatMap((id) => (byId.has(id) ? [summarize(byId.get(id)!)] : []))
      return { items, hasMore: shown.length > start + pageSize }
    }
  }
}
