import { randomBytes } from 'node:crypto'
import type { HqProduct, HqProductRow } from '../../src/contracts/hq-catalog'
import type { Page } from '../../src/contracts/paging'
import { Category, Product, Sku, priceRangeOf } from '../../src/core/catalog'
import { searchTermsOf } from '../../src/core/search-terms'
import { ProductDraft, StockLedgerEntry, checkProductDraft, nextSortOrder, planSkus } from '../../src/core/product-editing'
import { Result, fail, ok } from '../../src/core/result'
import { _, db, inTransaction } from '../_shared/database'
import { toPinyin } from '../_shared/pinyin'
import { keywordCondition } from '../_shared/product-search'
import { CATEGORIES } from './categories'
import { STOCK_LEDGER } from './stock'

export const PRODUCTS = 'products'
const SKUS = 'skus'
const products = db.collection<Product>(PRODUCTS)
const skus = db.collection<Sku>(SKUS)
/** On the shelf or not: how a query that wants both still names `onShelf`, the first field of the products' indexes. */
const EITHER_SHELF = _.in([true, false])
/** A product has at most PRODUCT_LIMITS.skus SKUs; a list page of 20 reads at most 1,000, one SDK call. */
const MAX_SKUS_READ = 100

const newId = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`

/** HQ's list: every product (or those on or off the shelf) in the shop's order, with its SKUs' stock summed. */
export async function listHqProducts(query: { onShelf?: boolean; categoryId?: string; keyword?: string; page: number; pageSize: number }): Promise<Page<HqProductRow>> {
  const search = keywordCondition(query.keyword)
  if (!search) return { items: [], hasMore: false }
  const { data } = await products
    .where({ onShelf: query.onShelf ?? EITHER_SHELF, ...(query.categoryId ? { categoryId: query.categoryId } : {}), ...search })
    .field({ searchTerms: false, detail: false })
    .orderBy('sortOrder', 'asc')
    .skip(query.page * query.pageSize)
    .limit(query.pageSize + 1)
    .get()
  const shown = data.slice(0, query.pageSize)
  const stock = new Map<string, { total: number; count: number }>()
  if (shown.length > 0) {
    const { data: rows } = await skus.where({ productId: _.in(shown.map((p) => p._id)) }).field({ productId: true, stock: true }).limit(1000).get()
    for (const sku of rows) {
      const sum = stock.get(sku.productId) ?? { total: 0, count: 0 }
      stock.set(sku.productId, { total: sum.total + sku.stock, count: sum.count + 1 })
    }
  }
  const items = shown.map((p) => ({
    _id: p._id,
    title: p.title,
    categoryId: p.categoryId,
    onShelf: p.onShelf,
    minPriceFen: p.minPriceFen,
    maxPriceFen: p.maxPriceFen,
    coverImage: p.images[0] ?? '',
    totalStock: stock.get(p._id)?.total ?? 0,
    skuCount: stock.get(p._id)?.count ?? 0,
  }))
  return { items, hasMore: data.length > query.pageSize }
}

export async function readHqProduct(productId: string): Promise<Result<HqProduct>> {
  const { data: product } = await products.doc(productId).get()
  if (!product) return fail('CATALOG_PRODUCT_NOT_FOUND', { productId })
  const { data: rows } = await skus.where({ productId }).limit(MAX_SKUS_READ).get()
  const { searchTerms: _terms, ...fields } = product
  return ok({ ...fields, skus: rows })
}

async function lastSortOrder(): Promise<number | undefined> {
  const { data } = await products.where({ onShelf: EITHER_SHELF }).field({ sortOrder: true }).orderBy('sortOrder', 'desc').limit(1).get()
  return data[0]?.sortOrder
}

/**
 * Creates (productId null) or saves a product and its SKUs in one transaction: the product, each SKU
 * kept (its price), opened (with a stock ledger entry for its opening stock) or removed. Kept SKUs'
 * writes conflict with orders reserving their stock at the same time, so neither is lost; a new
 * product starts off the shelf.
 */
export async function saveProduct(productId: string | null, draft: ProductDraft, byOpenid: string, now: Date): Promise<Result<HqProduct>> {
  const checked = checkProductDraft(draft)
  if (!checked.ok) return checked
  const id = productId ?? newId('p-')

  const saved = await inTransaction(async (tx) => {
    const { data: current } = await tx.collection<Product>(PRODUCTS).doc(id).get()
    if (productId && !current) return fail('CATALOG_PRODUCT_NOT_FOUND', { productId })
    const { data: category } = await tx.collection<Category>(CATEGORIES).doc(draft.categoryId).get()
    if (!category) return fail('CATALOG_CATEGORY_NOT_FOUND', { categoryId: draft.categoryId })
    // The ids come from a query (which no transaction covers); the SKUs themselves from the snapshot.
    const ids = current ? (await skus.where({ productId: id }).field({ _id: true }).limit(MAX_SKUS_READ).get()).data.map((s) => s._id) : []
    const read = await Promise.all(ids.map((skuId) => tx.collection<Sku>(SKUS).doc(skuId).get()))
    const existing = read.flatMap(({ data }) => (data ? [data] : []))
    const plan = planSkus(existing, draft, () => newId(`${id}-`))
    if (!plan.ok) return plan
    const { skus: drafted, ...fields } = draft
    const product: Omit<Product, '_id'> = {
      ...fields,
      onShelf: current?.onShelf ?? false,
      // A new product goes last in the shop's order.
      sortOrder: current?.sortOrder ?? nextSortOrder(await lastSortOrder()),
      ...priceRangeOf(drafted),
      searchTerms: searchTermsOf({ ...fields, categoryName: category.name }, toPinyin),
      createdAt: current?.createdAt ?? now,
    }
    await tx.collection<Product>(PRODUCTS).doc(id).set({ data: product })
    for (const { _id, priceFen } of plan.data.keep) await tx.collection<Sku>(SKUS).doc(_id).update({ data: { priceFen } })
    for (const { _id, ...sku } of plan.data.create) {
      await tx.collection<Sku>(SKUS).doc(_id).set({ data: { ...sku, productId: id } })
      if (sku.stock > 0) {
        const entry: Omit<StockLedgerEntry, '_id'> = { skuId: _id, productId: id, delta: sku.stock, reason: 'opening', note: '', byOpenid, stockAfter: sku.stock, at: now }
        await tx.collection<StockLedgerEntry>(STOCK_LEDGER).add({ data: entry })
      }
    }
    for (const skuId of plan.data.remove) await tx.collection<Sku>(SKUS).doc(skuId).remove()
    return ok(category.name)
  })
  if (!saved.ok) return saved
  // A rename of the category committed since this save's snapshot pages through the category's
  // products without seeing this one until it commits: if the name changed, the terms are made again.
  const { data: category } = await db.collection<Category>(CATEGORIES).doc(draft.categoryId).get()
  if (category && category.name !== saved.data) await refreshSearchTerms([id])
  return readHqProduct(id)
}

/**
 * Renames a category and makes its products' search terms again, since they hold its name: a search
 * for the new name finds them, one for the old name no longer does. For a category of n products it
 * writes 1 + n documents (the category, then each product whose terms change: all of them, unless the
 * two names give the same terms) in one plain update and ⌈n / RENAME_PAGE⌉ transactions. Asked again,
 * a rename cut short (by the function's timeout) finishes: products already done are read, not written.
 */
export async function renameCategory(categoryId: string, name: string): Promise<Result<Category>> {
  const { data } = await db.collection<Category>(CATEGORIES).doc(categoryId).get()
  if (!data) return fail('CATALOG_CATEGORY_NOT_FOUND', { categoryId })
  await db.collection<Category>(CATEGORIES).doc(categoryId).update({ data: { name } })
  await refreshCategorySearchTerms(categoryId)
  return ok({ ...data, name })
}

/** Products a rename's page makes the terms of again, in one transaction: few enough to stay well inside its 30 s. */
const RENAME_PAGE = 20

/**
 * Every product in the category gets search terms with its name now, a page of RENAME_PAGE at a time
 * in id order, so a product moved out of the category meanwhile shifts no page past one still in it.
 */
async function refreshCategorySearchTerms(categoryId: string): Promise<void> {
  for (let after = ''; ; ) {
    const { data } = await products
      .where({ categoryId, onShelf: EITHER_SHELF, _id: _.gt(after) })
      .field({ _id: true })
      .orderBy('_id', 'asc')
      .limit(RENAME_PAGE)
      .get()
    if (data.length === 0) return
    await refreshSearchTerms(data.map((p) => p._id))
    after = data[data.length - 1]._id
  }
}

/**
 * Makes the products' search terms again from each product as stored and its category's name now,
 * in one transaction, so a save or another rename at the same moment conflicts and one of them runs
 * again on what the other wrote, rather than leaving terms made from what is no longer there. Only
 * products whose terms change are written.
 */
async function refreshSearchTerms(productIds: string[]): Promise<void> {
  await inTransaction(async (tx) => {
    const read = await Promise.all(productIds.map((productId) => tx.collection<Product>(PRODUCTS).doc(productId).get()))
    const stored = read.flatMap(({ data }) => (data ? [data] : []))
    const names = new Map<string, string>()
    for (const categoryId of new Set(stored.map((p) => p.categoryId))) {
      names.set(categoryId, (await tx.collection<Category>(CATEGORIES).doc(categoryId).get()).data?.name ?? '')
    }
    for (const product of stored) {
      const searchTerms = searchTermsOf({ ...product, categoryName: names.get(product.categoryId) ?? '' }, toPinyin)
      if (!sameTerms(searchTerms, product.searchTerms)) await tx.collection<Product>(PRODUCTS).doc(product._id).update({ data: { searchTerms } })
    }
    return ok(undefined)
  })
}

const sameTerms = (a: string[], b: string[] = []) => a.length === b.length && a.every((term, i) => term === b[i])

/** 上架 / 下架. Shopper reads all ask for `onShelf: true`; orders already placed do not look. */
export async function setOnShelf(productId: string, onShelf: boolean): Promise<Result<HqProduct>> {
  if (!(await products.doc(productId).get()).data) return fail('CATALOG_PRODUCT_NOT_FOUND', { productId })
  await products.doc(productId).update({ data: { onShelf } })
  return readHqProduct(productId)
}
