import type { Product } from './catalog'
import { Result, fail, ok } from './result'

/**
 * 收藏: the products a buyer keeps to come back to, one document per buyer (`favorites`, id: the
 * OPENID), newest first. Adding is idempotent, and a buyer keeps at most MAX_FAVORITES, so the list
 * stays one small document read in one go.
 */
export const MAX_FAVORITES = 200

export interface FavoriteEntry {
  productId: string
  addedAt: Date
}

export interface Favorites {
  _id: string
  openid: string
  entries: FavoriteEntry[]
  updatedAt: Date
}

/** The entries with the product added first; the same entries when it is already there. */
export function addFavorite(entries: FavoriteEntry[], productId: string, now: Date): Result<FavoriteEntry[]> {
  if (entries.some((e) => e.productId === productId)) return ok(entries)
  if (entries.length >= MAX_FAVORITES) return fail('FAVORITES_FULL', { max: MAX_FAVORITES })
  return ok([{ productId, addedAt: now }, ...entries])
}

/** The entries without the product; the same entries when it was not there. */
export function removeFavorite(entries: FavoriteEntry[], productId: string): FavoriteEntry[] {
  return entries.some((e) => e.productId === productId) ? entries.filter((e) => e.productId !== productId) : entries
}

/** A favourite as the list shows it: a product taken off the shelf (or deleted) is shown greyed, not dropped. */
export interface FavoriteItem {
  /** The product's id. */
  _id: string
  title: string
  coverImage: string
  minPriceFen: number
  /** false: off the shelf or no longer in the catalog; it can be removed, not bought. */
  available: boolean
}

export function viewFavorite(entry: FavoriteEntry, product: Pick<Product, 'title' | 'images' | 'minPriceFen' | 'onShelf'> | undefined): FavoriteItem {
  return {
    _id: entry.productId,
    title: product?.title ?? '',
    coverImage: product?.images[0] ?? '',
    minPriceFen: product?.minPriceFen ?? 0,
    available: product?.onShelf ?? false,
  }
}
