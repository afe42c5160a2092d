import type { Product } from '../../src/core/catalog'
import { favoritesContract } from '../../src/contracts/favorites'
import { FavoriteEntry, Favorites, addFavorite, removeFavorite, viewFavorite } from '../../src/core/favorite'
import { Result, fail, ok } from '../../src/core/result'
import { loadProducts } from '../_shared/catalog-reads'
import { db, inTransaction } from '../_shared/database'
import { defineFunction } from '../_shared/edge'

const favorites = db.collection<Favorites>('favorites')

async function entriesOf(openid: string): Promise<FavoriteEntry[]> {
  const { data } = await favorites.where({ _id: openid }).get()
  return data[0]?.entries ?? []
}

/**
 * Changes the buyer's favourites in a transaction that writes their one document, so two devices
 * changing it at once conflict and retry instead of losing an edit (or passing the limit together).
 */
async function changeFavorites(openid: string, now: Date, change: (entries: FavoriteEntry[]) => Result<FavoriteEntry[]>) {
  return inTransaction(async (tx) => {
    const ref = tx.collection<Favorites>('favorites').doc(openid)
    const stored = (await ref.get()).data ?? undefined
    const changed = change(stored?.entries ?? [])
    if (!changed.ok || changed.data === stored?.entries) return changed
    if (stored) await ref.update({ data: { entries: changed.data, updatedAt: now } })
    else await tx.collection<Favorites>('favorites').add({ data: { _id: openid, openid, entries: changed.data, updatedAt: now } })
    return changed
  })
}

export const main = defineFunction(favoritesContract, {
  listFavorites: {
    access: 'caller',
    async handle({ page, pageSize }, caller) {
      const entries = await entriesOf(caller.openid)
      const shown = entries.slice(page * pageSize, (page + 1) * pageSize)
      const products = await loadProducts(shown.map((e) => e.productId))
      return ok({ items: shown.map((e) => viewFavorite(e, products.get(e.productId))), hasMore: entries.length > (page + 1) * pageSize })
    },
  },

  isFavorite: {
    access: 'anyone',
    async handle({ productId }, caller) {
      const entries = caller.openid ? await entriesOf(caller.openid) : []
      return ok({ favorite: entries.some((e) => e.productId === productId) })
    },
  },

  addFavorite: {
    access: 'caller',
    async handle({ productId }, caller, now) {
      const { data } = await db.collection<Product>('products').where({ _id: productId }).field({ _id: true, onShelf: true }).get()
      if (!data[0]?.onShelf) return fail('CATALOG_PRODUCT_NOT_FOUND', { productId })
      const outcome = await changeFavorites(caller.openid, now, (entries) => addFavorite(entries, productId, now))
      return outcome.ok ? ok({ favorite: true }) : outcome
    },
  },

  removeFavorite: {
    access: 'caller',
    async handle({ productId }, caller, now) {
      const outcome = await changeFavorites(caller.openid, now, (entries) => ok(removeFavorite(entries, productId)))
      return outcome.ok ? ok({ favorite: false }) : outcome
    },
  },
})
