import type { Category, SpecDimension, Sku } from './catalog'
import { Result, fail, ok } from './result'

/**
 * HQ editing its catalog: the rules a product's specs and SKUs must keep, what a save changes among
 * the SKUs, stock adjustments and the categories' order. Pure: the `hq-catalog` function loads, calls
 * these, and writes.
 */

/** What a product edit may hold: enough for a tea house's 规格 × 包装 × 年份, few enough to fit one screen. */
export const PRODUCT_LIMITS = {
  dimensions: 3,
  valuesPerDimension: 10,
  /** Every combination is a SKU, each written in the save's transaction. */
  skus: 50,
  images: 9,
  /** ¥100,000.00: a price above is a typo, not a product. */
  maxPriceFen: 10_000_000,
  maxStock: 999_999,
  /** Characters of each text, as HQ's form lets them be typed and the function takes them. */
  titleChars: 60,
  subtitleChars: 80,
  detailChars: 5000,
  tags: 10,
  tagChars: 20,
  dimensionNameChars: 10,
  specValueChars: 20,
  /** A category's name fits the shop's category rail. */
  categoryNameChars: 10,
  /** The note on a stock adjustment. */
  stockNoteChars: 100,
} as const

/** One SKU as HQ sets it: its spec values, its price, and the stock a new SKU starts with. */
export interface SkuDraft {
  specs: Record<string, string>
  priceFen: number
  /** Units a new SKU opens with (a stock ledger entry); an existing SKU's stock moves only by adjustments. */
  openingStock: number
}

/** A product as HQ's form sends it. */
export interface ProductDraft {
  title: string
  subtitle: string
  detail: string
  categoryId: string
  images: string[]
  tags: string[]
  specDimensions: SpecDimension[]
  skus: SkuDraft[]
}

/** The combination's key: each dimension's value in the dimensions' order (values may hold any text). */
export const specKey = (dimensions: SpecDimension[], specs: Record<string, string>): string =>
  JSON.stringify(dimensions.map((d) => specs[d.name] ?? null))

/** The values, as a person reads them (`50g / 礼盒`); details of the refusals carry it. */
export const specLabel = (dimensions: SpecDimension[], specs: Record<string, string>): string =>
  dimensions.map((d) => specs[d.name]).join(' / ')

/** Every combination of the dimensions' values, the first dimension varying slowest. No dimension: one, `{}`. */
export function combinations(dimensions: SpecDimension[]): Array<Record<string, string>> {
  return dimensions.reduce<Array<Record<string, string>>>(
    (all, dimension) => all.flatMap((specs) => dimension.values.map((value) => ({ ...specs, [dimension.name]: value }))),
    [{}],
  )
}

const duplicateOf = (items: string[]): string | undefined => items.find((item, i) => items.indexOf(item) !== i)

function checkDimensions(dimensions: SpecDimension[]): Result<void> {
  if (dimensions.length > PRODUCT_LIMITS.dimensions) return fail('CATALOG_SPEC_TOO_MANY_DIMENSIONS', { max: PRODUCT_LIMITS.dimensions })
  const name = duplicateOf(dimensions.map((d) => d.name))
  if (name !== undefined) return fail('CATALOG_SPEC_DUPLICATE', { name })
  for (const dimension of dimensions) {
    if (dimension.values.length === 0 || dimension.values.length > PRODUCT_LIMITS.valuesPerDimension) {
      return fail('CATALOG_SPEC_VALUES_INVALID', { name: dimension.name, max: PRODUCT_LIMITS.valuesPerDimension })
    }
    const value = duplicateOf(dimension.values)
    if (value !== undefined) return fail('CATALOG_SPEC_DUPLICATE', { name: dimension.name, value })
  }
  const count = dimensions.reduce((n, d) => n * d.values.length, 1)
  if (count > PRODUCT_LIMITS.skus) return fail('CATALOG_TOO_MANY_SKUS', { max: PRODUCT_LIMITS.skus, count })
  return ok(undefined)
}

/**
 * A product HQ may save: at least one image and at most PRODUCT_LIMITS.images; dimensions with distinct
 * names and distinct values; exactly one SKU per combination of values, and none other; every price a
 * positive whole number of fen, every opening stock a whole number of units.
 */
export function checkProductDraft(draft: ProductDraft): Result<ProductDraft> {
  if (draft.images.length === 0 || draft.images.length > PRODUCT_LIMITS.images) return fail('CATALOG_IMAGES_INVALID', { max: PRODUCT_LIMITS.images })
  const dimensions = checkDimensions(draft.specDimensions)
  if (!dimensions.ok) return dimensions
  const wanted = new Set(combinations(draft.specDimensions).map((specs) => specKey(draft.specDimensions, specs)))
  const seen = new Set<string>()
  for (const sku of draft.skus) {
    const label = specLabel(draft.specDimensions, sku.specs)
    const key = specKey(draft.specDimensions, sku.specs)
    if (Object.keys(sku.specs).length !== draft.specDimensions.length || !wanted.has(key)) return fail('CATALOG_SKU_SPEC_UNKNOWN', { specs: Object.values(sku.specs).join(' / ') })
    if (seen.has(key)) return fail('CATALOG_SKU_DUPLICATE', { specs: label })
    seen.add(key)
    if (!Number.isInteger(sku.priceFen) || sku.priceFen <= 0 || sku.priceFen > PRODUCT_LIMITS.maxPriceFen) {
      return fail('CATALOG_SKU_PRICE_INVALID', { specs: label, maxPriceFen: PRODUCT_LIMITS.maxPriceFen })
    }
    if (!Number.isInteger(sku.openingStock) || sku.openingStock < 0 || sku.openingStock > PRODUCT_LIMITS.maxStock) {
      return fail('CATALOG_SKU_STOCK_INVALID', { specs: label, max: PRODUCT_LIMITS.maxStock })
    }
  }
  const missing = combinations(draft.specDimensions).find((specs) => !seen.has(specKey(draft.specDimensions, specs)))
  if (missing) return fail('CATALOG_SKU_MISSING', { specs: specLabel(draft.specDimensions, missing) })
  return ok(draft)
}

/** What a save does to the product's SKUs. */
export interface SkuPlan {
  /** Combinations that stay: their new price (their stock is theirs). */
  keep: Array<{ _id: string; priceFen: number }>
  /** New combinations, with the stock they open with. */
  create: Array<Omit<Sku, 'productId'>>
  /** Combinations no longer offered. */
  remove: string[]
}

/**
 * Matches a checked draft against the SKUs the product has: a combination it had keeps its SKU (and
 * id, which carts and orders name); a new one gets a new SKU; one dropped is removed — only once its
 * stock is zero, so units never vanish without a stock ledger entry saying where they went.
 */
export function planSkus(existing: Array<Pick<Sku, '_id' | 'specs' | 'stock'>>, draft: ProductDraft, newId: () => string): Result<SkuPlan> {
  const dims = draft.specDimensions
  const byKey = new Map(existing.map((sku) => [specKey(dims, sku.specs), sku]))
  const keep: SkuPlan['keep'] = []
  const create: SkuPlan['create'] = []
  for (const sku of draft.skus) {
    const had = byKey.get(specKey(dims, sku.specs))
    // A SKU of other dimensions (one that does not name every dimension) is not this combination.
    if (had && Object.keys(had.specs).length === dims.length) keep.push({ _id: had._id, priceFen: sku.priceFen })
    else create.push({ _id: newId(), specs: sku.specs, priceFen: sku.priceFen, stock: sku.openingStock })
  }
  const kept = new Set(keep.map((k) => k._id))
  const dropped = existing.filter((sku) => !kept.has(sku._id))
  const stocked = dropped.find((sku) => sku.stock > 0)
  if (stocked) return fail('CATALOG_SKU_STOCK_LEFT', { specs: Object.values(stocked.specs).join(' / '), stock: stocked.stock })
  return ok({ keep, create, remove: dropped.map((sku) => sku._id) })
}

/** Why stock moved (入库, 盘点, 损耗, 退货入库, 其他); `opening` is a new SKU's first stock. */
export const STOCK_REASONS = ['restock', 'stocktake', 'loss', 'return', 'other'] as const
export type StockReason = (typeof STOCK_REASONS)[number] | 'opening'

/** One move of a SKU's stock by HQ, appended to the stock ledger (`stock_ledger`), never changed. */
export interface StockLedgerEntry {
  _id: string
  skuId: string
  productId: string
  delta: number
  reason: StockReason
  note: string
  byOpenid: string
  /** The SKU's stock right after this move, in the same transaction. */
  stockAfter: number
  at: Date
}

/** The stock after moving `delta` units: never below zero, never above PRODUCT_LIMITS.maxStock. */
export function adjustStock(sku: Pick<Sku, '_id' | 'stock'>, delta: number): Result<number> {
  const stock = sku.stock + delta
  if (stock < 0) return fail('CATALOG_STOCK_NEGATIVE', { skuId: sku._id, stock: sku.stock })
  if (stock > PRODUCT_LIMITS.maxStock) return fail('CATALOG_STOCK_TOO_LARGE', { skuId: sku._id, max: PRODUCT_LIMITS.maxStock })
  return ok(stock)
}

/**
 * The categories' positions when HQ puts them in `order`, which must name each of them once
 * (another admin may have added or deleted one since the list was read): 10, 20, 30…
 */
export function reorderCategories(categories: Array<Pick<Category, '_id'>>, order: string[]): Result<Array<{ _id: string; sortOrder: number }>> {
  const ids = new Set(categories.map((c) => c._id))
  const complete = order.length === ids.size && new Set(order).size === order.length && order.every((id) => ids.has(id))
  if (!complete) return fail('CATALOG_CATEGORY_ORDER_STALE')
  return ok(order.map((_id, i) => ({ _id, sortOrder: (i + 1) * 10 })))
}

/** A new product or category goes last: 10 after the last one. */
export const nextSortOrder = (last: number | undefined): number => (last ?? 0) + 10
