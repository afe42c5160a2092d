import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type { PayloadOf } from '../contracts/contract'
import { hqCatalogFunction } from '../contracts/functions'
import type { HqCategory, HqProduct, HqProductRow, hqCatalogContract } from '../contracts/hq-catalog'
import type { StockLedgerEntry, StockReason } from '../core/product-editing'
import type { CloudClient } from '../services/cloud'
import type { FileService } from '../services/files'
import { useStores, type RootStore } from '../stores'
import { IDLE, attemptWhileBusy, refresh, refreshDocument, type LoadState, type Outcome } from '../stores/load-state'
import { PagedList } from '../stores/paged-list'

export type ProductDraftPayload = PayloadOf<typeof hqCatalogContract, 'createProduct'>['draft']
/** Which products HQ's list shows: on the shelf, off it, or all. */
export type ShelfFilter = 'on' | 'off' | 'all'

/**
 * HQ's catalog (the `hq-catalog` function): the product list by shelf, one product being edited,
 * a SKU's stock ledger, and the categories. A change answers with the changed product, which replaces
 * the one on screen.
 */
export class HqCatalogStore {
  shelf: ShelfFilter = 'on'
  keyword = ''
  products: PagedList<HqProductRow>
  product: LoadState<HqProduct> = IDLE
  categories: LoadState<HqCategory[]> = IDLE
  ledger: LoadState<StockLedgerEntry[]> = IDLE
  /** A change in flight: its buttons wait for it. */
  saving = false

  constructor(
    private readonly cloud: CloudClient,
    private readonly files: FileService,
  ) {
    this.products = this.productList()
    makeAutoObservable<HqCatalogStore, 'cloud' | 'files'>(this, { cloud: false, files: false, products: false })
  }

  /** H5: another persona is the caller now. */
  reset(): void {
    this.products = this.productList()
    this.product = IDLE
    this.categories = IDLE
    this.ledger = IDLE
  }

  showShelf(shelf: ShelfFilter): Promise<void> {
    this.shelf = shelf
    return this.products.refresh()
  }

  search(keyword: string): Promise<void> {
    this.keyword = keyword.trim()
    return this.products.refresh()
  }

  loadProduct(productId: string): Promise<void> {
    return refreshDocument(this.product, productId, () => this.cloud.call(hqCatalogFunction, 'getProduct', { productId }), (state) => { this.product = state })
  }

  loadCategories(): Promise<void> {
    return refresh(this.categories, () => this.cloud.call(hqCatalogFunction, 'listCategories', {}), (state) => { this.categories = state })
  }

  loadLedger(skuId: string): Promise<void> {
    return refresh(IDLE, async () => (await this.cloud.call(hqCatalogFunction, 'listStockLedger', { skuId })).items, (state) => { this.ledger = state })
  }

  /** Uploads a picked image to cloud storage under products/, answering its fileID. */
  uploadImage(filePath: string): Promise<Outcome<string>> {
    return this.run(() => this.files.uploadImage('products', filePath))
  }

  /** Creates (productId null) or saves a product; the list shows it when next refreshed. */
  async save(productId: string | null, draft: ProductDraftPayload): Promise<Outcome<HqProduct>> {
    const outcome = await this.run(() =>
      productId ? this.cloud.call(hqCatalogFunction, 'updateProduct', { productId, draft }) : this.cloud.call(hqCatalogFunction, 'createProduct', { draft }),
    )
    if (outcome.ok) this.show(outcome.data)
    return outcome
  }

  async setOnShelf(productId: string, onShelf: boolean): Promise<Outcome<HqProduct>> {
    const outcome = await this.run(() => this.cloud.call(hqCatalogFunction, 'setOnShelf', { productId, onShelf }))
    if (outcome.ok) {
      this.show(outcome.data)
      // It leaves a list of the other shelf.
      if (this.shelf !== 'all') this.products.replace(productId, null)
    }
    return outcome
  }

  async adjustStock(skuId: string, delta: number, reason: Exclude<StockReason, 'opening'>, note: string) {
    const outcome = await this.run(() => this.cloud.call(hqCatalogFunction, 'adjustStock', { skuId, delta, reason, note }))
    if (outcome.ok && this.product.status === 'ready') {
      const { sku } = outcome.data
      const product = this.product.data
      runInAction(() => { this.product = { status: 'ready', data: { ...product, skus: product.skus.map((s) => (s._id === sku._id ? sku : s)) } } })
      void this.loadLedger(skuId)
    }
    return outcome
  }

  createCategory(name: string) {
    return this.changeCategories(() => this.cloud.call(hqCatalogFunction, 'createCategory', { name }))
  }

  renameCategory(categoryId: string, name: string) {
    return this.changeCategories(() => this.cloud.call(hqCatalogFunction, 'renameCategory', { categoryId, name }))
  }

  /** Moves a category one place up (-1) or down (1). */
  moveCategory(categoryId: string, by: -1 | 1) {
    const ids = this.categories.status === 'ready' ? this.categories.data.map((c) => c._id) : []
    const from = ids.indexOf(categoryId)
    const to = from + by
    if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve<Outcome<unknown>>({ ok: true, data: null })
    ;[ids[from], ids[to]] = [ids[to], ids[from]]
    return this.changeCategories(() => this.cloud.call(hqCatalogFunction, 'reorderCategories', { categoryIds: ids }))
  }

  deleteCategory(categoryId: string) {
    return this.changeCategories(() => this.cloud.call(hqCatalogFunction, 'deleteCategory', { categoryId }))
  }

  private show(product: HqProduct): void {
    this.product = { status: 'ready', data: product }
    const row = this.products.state.status === 'ready' ? this.products.state.data.find((p) => p._id === product._id) : undefined
    if (row) this.products.replace(product._id, { ...row, title: product.title, onShelf: product.onShelf, minPriceFen: product.minPriceFen, maxPriceFen: product.maxPriceFen })
  }

  /** The list is read again after any change: positions and counts are the server's. */
  private changeCategories<T>(request: () => Promise<T>): Promise<Outcome<T>> {
    return this.run(request, () => this.loadCategories())
  }

  private run<T>(request: () => Promise<T>, after?: () => Promise<void>): Promise<Outcome<T>> {
    return attemptWhileBusy((inFlight) => { this.saving = inFlight }, request, after)
  }

  private productList(): PagedList<HqProductRow> {
    return new PagedList((page, pageSize) =>
      this.cloud.call(hqCatalogFunction, 'listProducts', {
        ...(this.shelf === 'all' ? {} : { onShelf: this.shelf === 'on' }),
        ...(this.keyword ? { keyword: this.keyword } : {}),
        page,
        pageSize,
      }),
    )
  }
}

let shared: HqCatalogStore | undefined

/**
 * HQ's catalog store, made the first time an HQ page asks: it lives in package-hq, so the main package
 * carries none of it. On H5 it forgets what it showed when another persona signs in.
 */
export function useHqCatalog(): HqCatalogStore {
  const root = useStores()
  shared ??= createHqCatalogStore(root)
  return shared
}

function createHqCatalogStore(root: RootStore): HqCatalogStore {
  const store = new HqCatalogStore(root.cloud, root.files)
  const { session } = root
  if (session) reaction(() => session.personaKey, () => store.reset())
  return store
}
