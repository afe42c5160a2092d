import { makeAutoObservable, runInAction } from 'mobx'
import { catalogFunction, referralFunction, shopFunction } from '../contracts/functions'
import type { LeaderboardRow, ShopCustomer, ShopOrder, ShopStats } from '../contracts/referral'
import type { MyShop } from '../contracts/shop'
import type { ProductSummary } from '../core/catalog'
import type { Shop, ShopPicks, ShopProfileInput } from '../core/shop'
import type { Profile } from '../core/user'
import type { CloudClient } from '../services/cloud'
import { attemptWhileBusy, IDLE, refresh, track, type LoadState, type Outcome } from './load-state'
import { PagedList } from './paged-list'

/** Rows of the owner's lists, keyed for PagedList: customers by their place in the list, orders by number. */
export type CustomerRow = ShopCustomer & { _id: string }
export type ShopOrderRow = ShopOrder & { _id: string }

/** The largest page the catalog serves: the picks page reads the whole shelf in a few calls. */
const CATALOG_PAGE = 100

/**
 * 我的小店: the employee's verification, their shop (open, edit, picks) and its figures — visits,
 * customers, orders with why each is the shop's, and the month's leaderboard.
 */
export class MyShopStore {
  myShop: LoadState<MyShop> = IDLE
  stats: LoadState<ShopStats> = IDLE
  leaderboard: LoadState<LeaderboardRow[]> = IDLE
  /** Every product on HQ's shelf, for choosing picks. */
  shelf: LoadState<ProductSummary[]> = IDLE
  /** A change in flight (verify, open, save): the form's button waits for it. */
  saving = false
  customers: PagedList<CustomerRow>
  orders: PagedList<ShopOrderRow>

  constructor(private readonly cloud: CloudClient) {
    this.customers = this.customerList()
    this.orders = this.orderList()
    makeAutoObservable<MyShopStore, 'cloud'>(this, { cloud: false, customers: false, orders: false })
  }

  /** The caller's shop, or null before it is opened (then `defaults` fill the open-shop screen). */
  get shop(): Shop | null {
    return this.myShop.status === 'ready' ? this.myShop.data.shop : null
  }

  load(): Promise<void> {
    return refresh(this.myShop, () => this.cloud.call(shopFunction, 'getMyShop', {}), (state) => { this.myShop = state })
  }

  /** 员工认证 against HQ's roster; the caller is an employee afterwards (reload the profile). */
  verify(employeeNo: string, code: string): Promise<Outcome<Profile>> {
    return this.save(() => this.cloud.call(shopFunction, 'verifyEmployee', { employeeNo, code }))
  }

  open(profile: ShopProfileInput, picks?: ShopPicks): Promise<Outcome<Shop>> {
    return this.saveShop(() => this.cloud.call(shopFunction, 'openShop', { profile, ...(picks ? { picks } : {}) }))
  }

  update(profile: ShopProfileInput): Promise<Outcome<Shop>> {
    return this.saveShop(() => this.cloud.call(shopFunction, 'updateShop', { profile }))
  }

  setPicks(picks: ShopPicks): Promise<Outcome<Shop>> {
    return this.saveShop(() => this.cloud.call(shopFunction, 'setPicks', { picks }))
  }

  loadStats(): Promise<void> {
    return refresh(this.stats, () => this.cloud.call(referralFunction, 'getShopStats', {}), (state) => { this.stats = state })
  }

  loadLeaderboard(): Promise<void> {
    return refresh(this.leaderboard, () => this.cloud.call(referralFunction, 'getLeaderboard', {}), (state) => { this.leaderboard = state })
  }

  loadShelf(): Promise<void> {
    return track(async () => {
      const products: ProductSummary[] = []
      for (let page = 0; ; page++) {
        const answer = await this.cloud.call(catalogFunction, 'listProducts', { page, pageSize: CATALOG_PAGE })
        products.push(...answer.items)
        if (!answer.hasMore) return products
      }
    }, (state) => { this.shelf = state })
  }

  /** H5: another persona is the caller now; nothing shown here was theirs. */
  reset(): void {
    this.myShop = IDLE
    this.stats = IDLE
    this.customers = this.customerList()
    this.orders = this.orderList()
  }

  private async saveShop(request: () => Promise<Shop>): Promise<Outcome<Shop>> {
    const outcome = await this.save(request)
    runInAction(() => {
      if (outcome.ok && this.myShop.status === 'ready') this.myShop = { status: 'ready', data: { ...this.myShop.data, shop: outcome.data } }
    })
    return outcome
  }

  private save<T>(request: () => Promise<T>): Promise<Outcome<T>> {
    return attemptWhileBusy((inFlight) => { this.saving = inFlight }, request)
  }

  private customerList(): PagedList<CustomerRow> {
    return new PagedList(async (page, pageSize) => {
      const answer = await this.cloud.call(referralFunction, 'listShopCustomers', { page, pageSize })
      return { ...answer, items: answer.items.map((customer, i) => ({ ...customer, _id: String(page * pageSize + i) })) }
    })
  }

  private orderList(): PagedList<ShopOrderRow> {
    return new PagedList(async (page, pageSize) => {
      const answer = await this.cloud.call(referralFunction, 'listShopOrders', { page, pageSize })
      return { ...answer, items: answer.items.map((order) => ({ ...order, _id: order.orderNo })) }
    })
  }
}
