import { z } from 'zod'
import type { Category, Product, Sku } from '../core/catalog'
import { PRODUCT_DRAFT_ERRORS } from '../core/errors'
import { PRODUCT_LIMITS, STOCK_REASONS, type StockLedgerEntry } from '../core/product-editing'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

const id = z.string().min(1).max(64)
const text = (max: number) => z.string().trim().max(max)
const name = (max: number) => z.string().trim().min(1).max(max)

/** A product as HQ's form sends it; the rules across fields (one SKU per combination…) are the core's. */
export const productDraft = z
  .object({
    title: name(PRODUCT_LIMITS.titleChars),
    subtitle: text(PRODUCT_LIMITS.subtitleChars).default(''),
    detail: text(PRODUCT_LIMITS.detailChars).default(''),
    categoryId: id,
    /** cloud:// fileIDs (uploaded from the phone) or paths; the first is the cover. */
    images: z.array(z.string().min(1).max(1000)).max(PRODUCT_LIMITS.images),
    tags: z.array(name(PRODUCT_LIMITS.tagChars)).max(PRODUCT_LIMITS.tags).default([]),
    specDimensions: z.array(z.object({ name: name(PRODUCT_LIMITS.dimensionNameChars), values: z.array(name(PRODUCT_LIMITS.specValueChars)) }).strict()).max(PRODUCT_LIMITS.dimensions + 1),
    skus: z
      .array(
        z
          .object({
            specs: z.record(z.string().max(20)),
            priceFen: z.number(),
            openingStock: z.number().default(0),
          })
          .strict(),
      )
      .max(PRODUCT_LIMITS.skus + 1),
  })
  .strict()

/** A product in HQ's list: the shelf state and the stock of all its SKUs besides what a shopper sees. */
export type HqProductRow = Pick<Product, '_id' | 'title' | 'categoryId' | 'onShelf' | 'minPriceFen' | 'maxPriceFen'> & {
  coverImage: string
  totalStock: number
  skuCount: number
}

/** A product as HQ edits it: every field, on the shelf or not, with its SKUs. */
export type HqProduct = Omit<Product, 'searchTerms'> & { skus: Sku[] }

export type HqCategory = Category & { products: number }

/** A product draft is refused for a missing category or for any of the core's reasons. */
const PRODUCT_REFUSALS = ['CATALOG_CATEGORY_NOT_FOUND', ...PRODUCT_DRAFT_ERRORS] as const

/** HQ's catalog (运营 and full admins, area `catalog`): every call audited. */
export const hqCatalogContract = defineContract('hq-catalog', {
  /** Every product, on the shelf or not (or one of the two), in HQ's order; a category or a keyword narrows it. */
  listProducts: action({
    // 20 a page at most: with up to PRODUCT_LIMITS.skus SKUs each, one read of their stock (1,000 documents).
    input: z.object({ onShelf: z.boolean().optional(), categoryId: id.optional(), keyword: text(30).optional(), ...paging(20), pageSize: z.number().int().min(1).max(20).default(20) }).strict(),
    output: returns<Page<HqProductRow>>(),
  }),
  getProduct: action({ input: z.object({ productId: id }).strict(), output: returns<HqProduct>(), errors: ['CATALOG_PRODUCT_NOT_FOUND'] }),
  /** A new product, off the shelf until HQ shelves it; each SKU's opening stock is a stock ledger entry. */
  createProduct: action({ input: z.object({ draft: productDraft }).strict(), output: returns<HqProduct>(), errors: PRODUCT_REFUSALS }),
  /** Saves the product and its SKUs: combinations kept keep their SKU and stock, new ones open, dropped ones go. */
  updateProduct: action({
    input: z.object({ productId: id, draft: productDraft }).strict(),
    output: returns<HqProduct>(),
    errors: [...PRODUCT_REFUSALS, 'CATALOG_PRODUCT_NOT_FOUND', 'CATALOG_SKU_STOCK_LEFT'],
  }),
  /** 上架 / 下架: off the shelf, a product leaves the shop, search and shop picks; its orders go on. */
  setOnShelf: action({ input: z.object({ productId: id, onShelf: z.boolean() }).strict(), output: returns<HqProduct>(), errors: ['CATALOG_PRODUCT_NOT_FOUND'] }),
  /** Moves a SKU's stock with a reason, in one transaction with its stock ledger entry. */
  adjustStock: action({
    input: z
      .object({ skuId: id, delta: z.number().int().refine((d) => d !== 0, '调整数量不能为 0'), reason: z.enum(STOCK_REASONS), note: text(PRODUCT_LIMITS.stockNoteChars).default('') })
      .strict(),
    output: returns<{ sku: Sku; entry: StockLedgerEntry }>(),
    errors: ['CATALOG_SKU_NOT_FOUND', 'CATALOG_STOCK_NEGATIVE', 'CATALOG_STOCK_TOO_LARGE'],
  }),
  /** A SKU's stock ledger, newest first. */
  listStockLedger: action({ input: z.object({ skuId: id, ...paging(20) }).strict(), output: returns<Page<StockLedgerEntry>>() }),

  /** The categories in the shop's order, each with how many products it holds. */
  listCategories: action({ input: z.object({}).strict(), output: returns<HqCategory[]>() }),
  createCategory: action({ input: z.object({ name: name(PRODUCT_LIMITS.categoryNameChars) }).strict(), output: returns<Category>() }),
  /** Renames it; its products' search terms follow, so shoppers find them by the new name and no longer by the old. */
  renameCategory: action({ input: z.object({ categoryId: id, name: name(PRODUCT_LIMITS.categoryNameChars) }).strict(), output: returns<Category>(), errors: ['CATALOG_CATEGORY_NOT_FOUND'] }),
  /** Puts the categories in this order, which names each of them once. */
  reorderCategories: action({
    input: z.object({ categoryIds: z.array(id).min(1).max(100) }).strict(),
    output: returns<Category[]>(),
    errors: ['CATALOG_CATEGORY_ORDER_STALE'],
  }),
  /** Deletes an empty category; one that still holds products is refused. */
  deleteCategory: action({ input: z.object({ categoryId: id }).strict(), output: returns<{ deleted: string }>(), errors: ['CATALOG_CATEGORY_NOT_FOUND', 'CATALOG_CATEGORY_NOT_EMPTY'] }),
})
