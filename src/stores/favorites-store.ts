import { makeAutoObservable, observable, runInAction } from 'mobx'
import { favoritesFunction } from '../contracts/functions'
import type { FavoriteItem } from '../core/favorite'
import type { CloudClient } from '../services/cloud'
import { attempt, type Outcome } from './load-state'
import { PagedList } from './paged-list'

/** 收藏: the heart of each product page the buyer opened, and the list in 我的. */
export class FavoritesStore {
  private listed: PagedList<FavoriteItem> | null = null
  /** Product ids with a heart tap in flight: a second tap waits for the first. */
  changing = new Set<string>()
  // Keyed by product id, as the server last said; absent until asked.
  private readonly hearts = observable.map<string, boolean>()

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<FavoritesStore, 'cloud' | 'hearts' | 'listed'>(this, { cloud: false, hearts: false, listed: false })
  }

  /** The caller's favourites, newest first, created on first use. */
  list(): PagedList<FavoriteItem> {
    this.listed ??= new PagedList((page, pageSize) => this.cloud.call(favoritesFunction, 'listFavorites', { page, pageSize }))
    return this.listed
  }

  isFavorite(productId: string): boolean {
    return this.hearts.get(productId) ?? false
  }

  async loadHeart(productId: string): Promise<void> {
    const outcome = await attempt(() => this.cloud.call(favoritesFunction, 'isFavorite', { productId }))
    if (outcome.ok) runInAction(() => this.hearts.set(productId, outcome.data.favorite))
  }

  /** The product page's heart: adds the product, or removes it when it is a favourite. */
  toggle(productId: string): Promise<Outcome<{ favorite: boolean }>> {
    return this.change(productId, this.isFavorite(productId) ? 'removeFavorite' : 'addFavorite')
  }

  /** 取消收藏 from the list, whatever the heart last showed (the list page reloads each time it shows). */
  remove(productId: string): Promise<Outcome<{ favorite: boolean }>> {
    return this.change(productId, 'removeFavorite')
  }

  private async change(productId: string, action: 'addFavorite' | 'removeFavorite'): Promise<Outcome<{ favorite: boolean }>> {
    this.changing.add(productId)
    const outcome = await attempt(() => this.cloud.call(favoritesFunction, action, { productId }))
    runInAction(() => {
      this.changing.delete(productId)
      if (outcome.ok) this.hearts.set(productId, outcome.data.favorite)
    })
    return outcome
  }

  /** Another persona is the caller (H5): their hearts are not this one's. */
  reset(): void {
    this.hearts.clear()
    this.listed = null
  }
}
