import { makeAutoObservable, observable } from 'mobx'
import { shopFunction } from '../contracts/functions'
import type { ShopCard } from '../contracts/shop'
import type { ProductSummary } from '../core/catalog'
import type { CloudClient } from '../services/cloud'
import { IDLE, refresh, type LoadState } from './load-state'
import { PagedList } from './paged-list'

/** Employees' shops as anyone sees them: the shop home's card and picks, and the shop an order names. */
export class ShopHomeStore {
  private readonly cards = observable.map<string, LoadState<ShopCard>>()
  // Keyed by `${shopId}:${keyword}`: going back to a search within a shop shows it at once.
  private readonly lists = new Map<string, PagedList<ProductSummary>>()

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<ShopHomeStore, 'cloud' | 'lists'>(this, { cloud: false, lists: false })
  }

  card(shopId: string): LoadState<ShopCard> {
    return this.cards.get(shopId) ?? IDLE
  }

  loadCard(shopId: string): Promise<void> {
    return refresh(this.card(shopId), () => this.cloud.call(shopFunction, 'getShop', { shopId }), (state) => { this.cards.set(shopId, state) })
  }

  /** The shop's picks in the owner's order, optionally matching a keyword (trimmed). */
  products(shopId: string, keyword = ''): PagedList<ProductSummary> {
    const key = `${shopId}:${keyword.trim()}`
    let list = this.lists.get(key)
    if (!list) {
      const filter = keyword.trim() ? { keyword: keyword.trim() } : {}
      list = new PagedList((page, pageSize) => this.cloud.call(shopFunction, 'listShopProducts', { shopId, ...filter, page, pageSize }))
      this.lists.set(key, list)
    }
    return list
  }
}
