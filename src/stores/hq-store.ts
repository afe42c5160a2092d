import { makeAutoObservable, runInAction } from 'mobx'
import type { HqWithdrawalView } from '../contracts/commission'
import { hqFunction, hqOrdersFunction, hqReportsFunction, hqSettingsFunction } from '../contracts/functions'
import type { Dashboard } from '../contracts/hq-reports'
import type { DashboardPeriod } from '../core/dashboard'
import type { AnswerOf, PayloadOf } from '../contracts/contract'
import type { Workbench, hqContract } from '../contracts/hq'
import type { HqOrderDetail, ShipOutcome, hqOrdersContract } from '../contracts/hq-orders'
import type { hqSettingsContract } from '../contracts/hq-settings'
import type { HqOrderView, OrderView } from '../core/order'
import type { ReturnRules } from '../core/return-rules'
import type { CarrierId } from '../core/shipping'
import type { Shop, ShopStatus } from '../core/shop'
import { CloudError, type CloudClient } from '../services/cloud'
import { attemptWhileBusy, IDLE, refresh, refreshDocument, track, type LoadState, type Outcome } from './load-state'
import { PagedList } from './paged-list'

type HqContract = typeof hqContract

export type HqRules = AnswerOf<typeof hqSettingsContract, 'getRules'>

/** What narrows HQ's order list: status or queue, shop, Shanghai days, an order number or phone. */
export type HqOrderFilter = Omit<PayloadOf<typeof hqOrdersContract, 'listOrders'>, 'page' | 'pageSize'>

export interface Shipment {
  orderId: string
  carrierId: CarrierId
  trackingNo: string
}

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
  /** 待发货 until HQ chooses otherwise: shipping is most of HQ's day. */
  filter: HqOrderFilter = { status: 'paid' }
  /** The order open on HQ's order page, with its attribution chain. */
  order: LoadState<HqOrderDetail> = IDLE
  /** A decision in flight: its buttons wait for it. */
  saving = false
  rules: LoadState<HqRules> = IDLE
  /** 退货退款's rules (the return address), kept by the order desk beside the other rules. */
  returnRules: LoadState<ReturnRules> = IDLE
  activeShops: LoadState<Shop[]> = IDLE
  /** The shops list's status: 待审核 first, the ones waiting for HQ. */
  shopStatus: ShopStatus = 'pending'
  orders: PagedList<HqOrderView>
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
    this.returnRules = IDLE
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

  /** Lists the orders this filter finds (a field left undefined is not filtered on). */
  showOrders(filter: HqOrderFilter): Promise<void> {
    this.filter = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as HqOrderFilter
    return this.orders.refresh()
  }

  loadOrder(orderId: string): Promise<void> {
    return refreshDocument(this.order, orderId, () => this.cloud.call(hqOrdersFunction, 'getOrder', { orderId }), (state) => { this.order = state })
  }

  /**
   * Ships each order with its carrier and tracking number; each comes back shipped or refused on its
   * own. A shipped order on screen is replaced by its new state (and leaves 待发货).
   */
  async shipOrders(shipments: Shipment[]): Promise<Outcome<ShipOutcome[]>> {
    const outcome = await this.run(() => this.cloud.call(hqOrdersFunction, 'shipOrders', { orders: shipments }))
    if (!outcome.ok) return outcome
    runInAction(() => {
      for (const shipped of outcome.data.outcomes) {
        if (!shipped.ok) continue
        if (this.order.status === 'ready' && this.order.data._id === shipped.orderId) this.order = { status: 'ready', data: { ...shipped.order, chain: this.order.data.chain } }
        this.orders.replace(shipped.orderId, this.filter.status === 'paid' ? null : shipped.order)
      }
    })
    return { ok: true, data: outcome.data.outcomes }
  }

  /** Ships one order: its own outcome, a refusal as the error it is. */
  async ship(shipment: Shipment): Promise<Outcome<HqOrderView>> {
    const outcome = await this.shipOrders([shipment])
    if (!outcome.ok) return outcome
    const [shipped] = outcome.data
    return shipped.ok ? { ok: true, data: shipped.order } : { ok: false, error: new CloudError(shipped.error.code, shipped.error.details) }
  }

  approveRefund(orderId: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqOrdersFunction, 'approveRefund', { orderId }))
  }

  /** 退货退款: HQ agrees; the return address and deadline in force go to the buyer with it. */
  approveReturn(orderId: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqOrdersFunction, 'approveReturn', { orderId }))
  }

  /** 退货退款: the goods are back; the refund is approved and sent. */
  receiveReturn(orderId: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqOrdersFunction, 'receiveReturn', { orderId }))
  }

  /** 退货退款: the goods are back and HQ refuses the refund, saying why. */
  refuseReturn(orderId: string, reason: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqOrdersFunction, 'refuseReturn', { orderId, reason }))
  }

  rejectRefund(orderId: string, reason: string): Promise<Outcome<OrderView>> {
    return this.decideOrder(() => this.cloud.call(hqOrdersFunction, 'rejectRefund', { orderId, reason }))
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
    return refresh(this.rules, () => this.cloud.call(hqSettingsFunction, 'getRules', {}), (state) => { this.rules = state })
  }

  saveCommissionRules(rules: PayloadOf<HqContract, 'setCommissionRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setCommissionRules', { rules }))
  }

  saveAttributionRules(rules: PayloadOf<HqContract, 'setAttributionRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setAttributionRules', { rules }))
  }

  saveOrderRules(rules: PayloadOf<typeof hqSettingsContract, 'setOrderRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqSettingsFunction, 'setOrderRules', { rules }))
  }

  saveShippingRules(rules: PayloadOf<typeof hqSettingsContract, 'setShippingRules'>['rules']): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqSettingsFunction, 'setShippingRules', { rules }))
  }

  loadReturnRules(): Promise<void> {
    return refresh(this.returnRules, () => this.cloud.call(hqOrdersFunction, 'getReturnRules', {}), (state) => { this.returnRules = state })
  }

  /** The rules come back as the next version, which the page shows. */
  async saveReturnRules(rules: PayloadOf<typeof hqOrdersContract, 'setReturnRules'>['rules']): Promise<Outcome<ReturnRules>> {
    const outcome = await this.run(() => this.cloud.call(hqOrdersFunction, 'setReturnRules', { rules }))
    if (outcome.ok) runInAction(() => { this.returnRules = { status: 'ready', data: outcome.data } })
    return outcome
  }

  saveShopOpening(reviewRequired: boolean): Promise<Outcome<unknown>> {
    return this.saveRules(() => this.cloud.call(hqFunction, 'setShopOpening', { reviewRequired }))
  }

  /** A saved rule is read back whole, so the page shows the version now in force. */
  private saveRules(request: () => Promise<unknown>): Promise<Outcome<unknown>> {
    return this.run(request, () => this.loadRules())
  }

  /** A refund decided answers with the buyer's view of the order; HQ's report state and chain are the ones it had. */
  private async decideOrder(request: () => Promise<OrderView>): Promise<Outcome<OrderView>> {
    const outcome = await this.run(request)
    if (outcome.ok) {
      const shown = this.order.status === 'ready' && this.order.data._id === outcome.data._id ? this.order.data : undefined
      const next: HqOrderView = { ...outcome.data, ...(shown?.shippingReport ? { shippingReport: shown.shippingReport } : {}) }
      runInAction(() => { this.order = { status: 'ready', data: { ...next, chain: shown?.chain ?? null } } })
      this.orders.replace(next._id, next)
    }
    return outcome
  }

  /** A decided withdrawal leaves the review list. */
  private async decideWithdrawal(withdrawalId: string, request: () => Promise<HqWithdrawalView>): Promise<Outcome<HqWithdrawalView>> {
    const outcome = await this.run(request)
    if (outcome.ok) this.withdrawals.replace(withdrawalId, null)
    return outcome
  }

  private run<T>(request: () => Promise<T>, after?: () => Promise<void>): Promise<Outcome<T>> {
    return attemptWhileBusy((inFlight) => { this.saving = inFlight }, request, after)
  }

  private orderList(): PagedList<HqOrderView> {
    return new PagedList((page, pageSize) => this.cloud.call(hqOrdersFunction, 'listOrders', { ...this.filter, page, pageSize }))
  }

  private shopList(): PagedList<Shop> {
    return new PagedList((page, pageSize) => this.cloud.call(hqFunction, 'listShops', { status: this.shopStatus, page, pageSize }))
  }

  private withdrawalList(): PagedList<HqWithdrawalView> {
    return new PagedList((page, pageSize) => this.cloud.call(hqFunction, 'listWithdrawals', { status: 'reviewing', page, pageSize }))
  }
}
