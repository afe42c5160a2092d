import { z } from 'zod'
import type { Category, ProductDetail, ProductPage, Storefront } from '../core/catalog'
import type { ShippingRule } from '../core/pricing'
import { MAX_HOT_WORDS, MAX_KEYWORD_LENGTH } from '../core/search-hints'
import { action, defineContract, returns } from './contract'
import { paging } from './paging'

/** What the app learns of HQ once per launch: the brand, and the shipping rule orders are priced by now. */
export interface StorefrontView extends Storefront {
  shipping: ShippingRule
}

export const catalogContract = defineContract('catalog', {
  getStorefront: action({ input: z.object({}).strict(), output: returns<StorefrontView>(), errors: ['CATALOG_STOREFRONT_NOT_SET'] }),
  listCategories: action({ input: z.object({}).strict(), output: returns<{ items: Category[] }>() }),
  /** Products on the shelf, in HQ's order, one page at a time; optionally one category or a keyword. */
  listProducts: action({
    input: z
      .object({
        categoryId: z.string().min(1).max(64).optional(),
        keyword: z.string().trim().max(MAX_KEYWORD_LENGTH).optional(),
        ...paging(20),
      })
      .strict(),
    output: returns<ProductPage>(),
  }),
  getProduct: action({
    input: z.object({ productId: z.string().min(1).max(64) }).strict(),
    output: returns<ProductDetail>(),
    errors: ['CATALOG_PRODUCT_NOT_FOUND'],
  }),
  /** HQ's hot words for the search page; none until HQ sets them. */
  getSearchHints: action({ input: z.object({}).strict(), output: returns<{ hotWords: string[] }>() }),
  /** HQ sets the hot words, in the order shown; an empty list shows none. */
  setSearchHotWords: action({
    input: z.object({ words: z.array(z.string().trim().min(1).max(MAX_KEYWORD_LENGTH)).max(MAX_HOT_WORDS) }).strict(),
    output: returns<{ hotWords: string[] }>(),
  }),
})
