import { makeAutoObservable, observable } from 'mobx'
import type { CloudClient } from '../services/cloud'
import type { ProductDetail, ProductPage, Storefront } from '../core/catalog'
import { IDLE, track, type LoadState } from './load-state'

const HOME_PAGE_SIZE = 20

export class CatalogStore {
  home: LoadState<ProductPage> = IDLE
  storefront: LoadState<Storefront> = IDLE
  // Keyed by product id: the product page can be open several times in the page stack.
  private readonly products = observable.map<string, LoadState<ProductDetail>>()

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<CatalogStore, 'cloud'>(this, { cloud: false })
  }

  loadHome(): Promise<void> {
    return Promise.all([
      track(
        () => this.cloud.call<ProductPage>('catalog', 'listProducts', { pageSize: HOME_PAGE_SIZE }),
        (state) => { this.home = state },
      ),
      track(
        () => this.cloud.call<Storefront>('catalog', 'getStorefront', {}),
        (state) => { this.storefront = state },
      ),
    ]).then(() => undefined)
  }

  product(productId: string): LoadState<ProductDetail> {
    return this.products.get(productId) ?? IDLE
  }

  loadProduct(productId: string): Promise<void> {
    return track(
      () => this.cloud.call<ProductDetail>('catalog', 'getProduct', { productId }),
      (state) => { this.products.set(productId, state) },
    )
  }
}
