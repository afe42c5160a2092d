import { z } from 'zod'
import type { FavoriteItem } from '../core/favorite'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

const productId = z.string().min(1).max(64)

/** 收藏: the caller's favourite products. Adding twice is one favourite; removing one not there is done. */
export const favoritesContract = defineContract('favorites', {
  /** Newest first; products taken off the shelf are kept, marked unavailable. */
  listFavorites: action({ input: z.object({ ...paging(20) }).strict(), output: returns<Page<FavoriteItem>>() }),
  /** Whether the product page's heart is filled; false for a caller not signed in. */
  isFavorite: action({ input: z.object({ productId }).strict(), output: returns<{ favorite: boolean }>() }),
  addFavorite: action({
    input: z.object({ productId }).strict(),
    output: returns<{ favorite: boolean }>(),
    errors: ['FAVORITES_FULL', 'CATALOG_PRODUCT_NOT_FOUND'],
  }),
  removeFavorite: action({ input: z.object({ productId }).strict(), output: returns<{ favorite: boolean }>() }),
})
