import { makeAutoObservable, observable } from 'mobx'
import { catalogFunction } from '../contracts/functions'
import type { CloudClient } from '../services/cloud'
import type { StorefrontView } from '../contracts/catalog'
import type { Category, ProductDetail, ProductSummary } from '../core/catalog'
import { IDLE, refresh, type LoadState } from './load-state'
import { PagedList } from './paged-list'

export class CatalogStore {
  storefront: LoadState<StorefrontView> = IDLE
  categories: LoadState<Category[]> = IDLE
  /** The category 分类 shows; set from 首页's shortcuts too (a tab page takes no URL parameters). */
  chosenCategoryId: string | null = null
  readonly home: PagedList<ProductSummary>
  // Keyed by product id: the product page can be open several times in the page stack.
  private readonly products = observable.map<string, LoadState<ProductDetail>>()
  private readonly categoryLists = new Map<string, PagedList<ProductSummary>>()
  private readonly searches = new Map<string, PagedList<ProductSummary>>()

  constructor(private readonly cloud: CloudClient) {
    this.home = this.productList({})
    makeAutoObservable<CatalogStore, 'cloud' | 'categoryLists' | 'searches'>(this, {
      cloud: false,
      home: false,
      categoryLists: false,
      searches: false,
    })
  }

  loadStorefront(): Promise<void> {
    return refresh(
      this.storefront,
      () => this.cloud.call(catalogFunction, 'getStorefront', {}),
      (state) => { this.storefront = state },
    )
  }

  loadCategories(): Promise<void> {
    return refresh(
      this.categories,
      () => this.cloud.call(catalogFunction, 'listCategories', {}).then((answer) => answer.items),
      (state) => { this.categories = state },
    )
  }

  /** The chosen category, or the first one once categories are known. */
  get currentCategoryId(): string | null {
    if (this.categories.status !== 'ready') return this.chosenCategoryId
    const items = this.categories.data
    return items.find((c) => c._id === this.chosenCategoryId)?._id ?? items[0]?._id ?? null
  }

  chooseCategory(categoryId: string): void {
    this.chosenCategoryId = categoryId
  }

  /** The products of one category, created on first use and kept while the app runs. */
  productsIn(categoryId: string): PagedList<ProductSummary> {
    let list = this.categoryLists.get(categoryId)
    if (!list) {
      list = this.productList({ categoryId })
      this.categoryLists.set(categoryId, list)
    }
    return list
  }

  /** Search results for a keyword (trimmed), kept so going back to a search shows it at once. */
  searchResults(keyword: string): PagedList<ProductSummary> {
    const key = keyword.trim()
    let list = this.searches.get(key)
    if (!list) {
      list = this.productList({ keyword: key })
      this.searches.set(key, list)
    }
    return list
  }

  product(productId: string): LoadState<ProductDetail> {
    return this.products.get(productId) ?? IDLE
  }

  /** Loads the product; coming back to the page shows current stock without a spinner. */
  loadProduct(productId: string): Promise<void> {
    return refresh(
      this.product(productId),
      () => this.cloud.call(catalogFunction, 'getProduct', { productId }),
      (state) => { this.products.set(productId, state) },
    )
  }

  private productList(filter: { categoryId?: string; keyword?: string }): PagedList<ProductSummary> {
    return new PagedList((page, pageSize) =>
      this.cloud.call(catalogFunction, 'listProducts', { ...filter, page, pageSize }),
    )
  }
}
