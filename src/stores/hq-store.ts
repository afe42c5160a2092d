import { makeAutoObservable, runInAction } from 'mobx'
import type { HqWithdrawalView } from '../contracts/commission'
import { hqFunction, hqReportsFunction } from '../contracts/functions'
import type { Dashboard } from '../contracts/hq-reports'
import type { DashboardPeriod } from '../core/dashboard'
import type { AnswerOf, PayloadOf } from '../contracts/contract'
import type { HqOrderQueue, Workbench, hqContract } from '../contracts/hq'
import type { OrderView } from '../core/order'
import type { Shop, ShopStatus } from '../core/shop'
import type { CloudClient } from '../services/cloud'
import { attempt, IDLE, refresh, track, type LoadState, type Outcome } from './load-state'
import { PagedList } from './paged-list'

type HqContract = typeof hqContract

export type HqRules = AnswerOf<HqContract, 'getRules'>

/**
 * 总部工作台: what waits for HQ, the order queues with one order open, the withdrawals to review, the
 * shops to approve or suspend, and the rules in force.
 * A decision answers with the changed document, which replaces the one on screen.
 */
export class HqStore {
  workbench: LoadState<Workbench> = IDLE
  /** 数据看板: the period shown, and its figures. */
  dashboardPeriod: DashboardPeriod = 'today'
  dashboard: LoadState<Dashboard> = IDLE
  queue: HqOrderQueue = 'to_ship'
  /** An order number typed into the search: the list is that order alone. */
  orderNo = ''
  order: LoadState<OrderView> = IDLE
  /** A decision in flight: its buttons wait for it. */
  saving = false
  rules: LoadState<HqRules> = IDLE
  activeShops: LoadState<Shop[]> = IDLE
  /** The shops list's status: 待审核 first, the ones waiting for HQ. */
  shopStatus: ShopStatus = 'pending'
  orders: PagedList<OrderView>
  withdrawals: PagedList<HqWithdrawalView>
  shops: PagedList<Shop>

  constructor(private readonly cloud: CloudClient) {
    this.orders = this.orderList()
    this.withdrawals = this.withdrawalList()
    this.shops = this.shopList()
    makeAutoObservable<HqStore, 'cloud'>(this, { cloud: false, orders: false, withdrawals: false, shops: false })
  }

  /** H5: another persona is the caller now; what HQ saw was someone else's to see. */
  reset(): void {
    this.workbench = IDLE
    this.dashboard = IDLE
    this.order = IDLE
    this.orders = this.orderList()
    this.withdrawals = this.withdrawalList()
    this.shops = this.shopList()
    this.rules = IDLE
    this.activeShops = IDLE
  }

  loadWorkbench(): Promise<void> {
    return refresh(this.workbench, () => this.cloud.call(hqFunction, 'getWorkbench', {}), (state) => { this.workbench = state })
  }

  /** The period's figures; switching periods shows the new one's loading rather than the old figures. */
  loadDashboard(period: DashboardPeriod = this.dashboardPeriod): Promise<void> {
    const switched = period !== this.dashboardPeriod
    this.dashboardPeriod = period
    const request = () => this.cloud.call(hqReportsFunction, 'getDashboard', { period })
    const assign = (state: LoadState<Dashboard>) => {
      if (this.dashboardPeriod === period) this.dashboard = state
    }
    return switched ? track(request, assign) : refresh(this.dashboard, request, assign)
  }

  showQueue(queue: HqOrderQueue): Promise<void> {
    this.queue = queue
    this.orderNo = ''
    return this.orders.refresh()
  }

  search(orderNo: string): Promise<void> {
    this.orderNo = orderNo.trim()
    return this.orders.refresh()
  }

  loadOrder(orderId: string): Promise<void> {
    const shown = this.order.status === 'ready' && this.order.data._id === orderId ? this.order : IDLE
    return refresh(shown, () => this.cloud.call(hqFunction, 'getOrder', { orderId }), (state) => { this.order = state })
  }

  ship(orderId: string, company: string, trackingNo: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqFunction, 'shipOrder', { orderId, company, trackingNo }))
  }

  approveRefund(orderId: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqFunction, 'approveRefund', { orderId }))
  }

  rejectRefund(orderId: string, reason: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqFunction, 'rejectRefund', { orderId, reason }))
  }

  approveWithdrawal(withdrawalId: string): Promise<Outcome<HqWithdrawalView>> {
    return this.decideWithdrawal(withdrawalId, () => this.cloud.call(hqFunction, 'approveWithdrawal', { withdrawalId }))
  }

  rejectWithdrawal(withdrawalId: string, reason: string): Promise<Outcome<HqWithdrawalView>> {
    return this.decideWithdrawal(withdrawalId, () => this.cloud.call(hqFunction, 'rejectWithdrawal', { withdrawalId, reason }))
  }

  showShops(status: ShopStatus): Promise<void> {
    this.shopStatus = status
    return this.shops.refresh()
  }

  /** Approves, suspends or reactivates a shop; it leaves the list of the status it had. */
  async moveShop(shopId: string, event: 'approve' | 'suspend' | 'reactivate', note?: string): Promise<Outcome<Shop>> {
    const outcome = await this.run(() => this.cloud.call(hqFunction, 'moveShop', { shopId, event, ...(note ? { note } : {}) }))
    if (outcome.ok) this.shops.replace(shopId, null)
    return outcome
  }

  /** Active shops, for choosing whose colleague takes an offboarded employee's customers (the first 100). */
  loadActiveShops(): Promise<void> {
    return refresh(this.activeShops, async () => (await this.cloud.call(hqFunction, 'listShops', { status: 'active', pageSize: 100 })).items, (state) => {
      this.activeShops = state
    })
  }

  importRoster(rows: PayloadOf<HqContract, 'importRoster'>['rows']): Promise<Outcome<{ added: number; updated: number }>> {
    return this.run(() => this.cloud.call(hqFunction, 'importRoster', { rows }))
  }

  deactivateEmployee(employeeNo: string, reassignTo: PayloadOf<HqContract, 'deactivateEmployee'>['reassignTo']) {
    return this.run(() => this.cloud.call(hqFunction, 'deactivateEmployee', { employeeNo, reassignTo }))
  }

  loadRules(): Promise<void> {
    return refresh(this.rules, () => this.cloud.call(hqFunction, 'getRules', {}), (state) => { this.rules = state })
  }

  saveCommissionRules(rules: PayloadOf<HqContract, 'setCommissionRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setCommissionRules', { rules }))
  }

  saveAttributionRules(rules: PayloadOf<HqContract, 'setAttributionRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setAttributionRules', { rules }))
  }

  saveOrderRules(rules: PayloadOf<HqContract, 'setOrderRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setOrderRules', { rules }))
  }

  saveShopOpening(reviewRequired: boolean): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setShopOpening', { reviewRequired }))
  }

  /** A saved rule is read back whole, so the page shows the version now in force. */
  private async saveRules(request: () => Promise<unknown>): Promise<Outcome<unknown>> {
    const outcome = await this.run(request)
    if (outcome.ok) await this.loadRules()
    return outcome
  }

  private async decideOrder(request: () => Promise<OrderView>): Promise<Outcome<OrderView>> {
    const outcome = await this.run(request)
    if (outcome.ok) {
      runInAction(() => { this.order = { status: 'ready', data: outcome.data } })
      this.orders.replace(outcome.data._id, outcome.data)
    }
    return outcome
  }

  /** A decided withdrawal leaves the review list. */
  private async decideWithdrawal(withdrawalId: string, request: () => Promise<HqWithdrawalView>): Promise<Outcome<HqWithdrawalView>> {
    const outcome = await this.run(request)
    if (outcome.ok) this.withdrawals.replace(withdrawalId, null)
    return outcome
  }

  private async run<T>(request: () => Promise<T>): Promise<Outcome<T>> {
    this.saving = true
    const outcome = await attempt(request)
    runInAction(() => { this.saving = false })
    return outcome
  }

  private orderList(): PagedList<OrderView> {
    return new PagedList((page, pageSize) =>
      this.cloud.call(hqFunction, 'listOrders', { queue: this.queue, ...(this.orderNo ? { orderNo: this.orderNo } : {}), page, pageSize }),
    )
  }

  private shopList(): PagedList<Shop> {
    return new PagedList((page, pageSize) => this.cloud.call(hqFunction, 'listShops', { status: this.shopStatus, page, pageSize }))
  }

  private withdrawalList(): PagedList<HqWithdrawalView> {
    return new PagedList((page, pageSize) => this.cloud.call(hqFunction, 'listWithdrawals', { status: 'reviewing', page, pageSize }))
  }
}
