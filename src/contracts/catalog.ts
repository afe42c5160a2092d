import { z } from 'zod'
import type { Category, ProductDetail, ProductPage, Storefront } from '../core/catalog'
import { action, defineContract, returns } from './contract'
import { paging } from './paging'

export const catalogContract = defineContract('catalog', {
  getStorefront: action({ input: z.object({}).strict(), output: returns<Storefront>(), errors: ['CATALOG_STOREFRONT_NOT_SET'] }),
  listCategories: action({ input: z.object({}).strict(), output: returns<{ items: Category[] }>() }),
  /** Products on the shelf, in HQ's order, one page at a time; optionally one category or a keyword. */
  listProducts: action({
    input: z
      .object({
        categoryId: z.string().min(1).max(64).optional(),
        keyword: z.string().trim().max(30).optional(),
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
})
