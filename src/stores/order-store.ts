import { makeAutoObservable, observable, runInAction } from 'mobx'
import { orderFunction } from '../contracts/functions'
import type { CarrierId } from '../core/shipping'
import { inOrderTab, summarizeOrder, type RefundKind, type OrderSummary, type OrderTab, type OrderView } from '../core/order'
import type { LineRequest } from '../core/pricing'
import type { RefundLineAsk } from '../core/refund'
import { CloudError, type CloudClient } from '../services/cloud'
import type { PaymentService } from '../services/payment'
import type { CartStore } from './cart-store'
import { Checkout } from './checkout'
import { attempt, IDLE, refresh, type LoadState, type Outcome } from './load-state'
import { PagedList } from './paged-list'
import type { ShopVisit } from '../routes'

/** Cart refusals that mean the line cannot be bought as it was, rather than that buying again failed. */
const SKIPPED_ON_BUY_AGAIN = new Set<string>(['CART_PRODUCT_UNAVAILABLE', 'CART_OUT_OF_STOCK', 'CART_QUANTITY_TOO_LARGE'])

/**
 * The buyer's orders: one paged list per 我的订单 tab and the orders opened in detail. Every buyer
 * action answers with the order as it now is, which replaces it in the detail and in every list,
 * so all pages agree without reloading.
 */
export class OrderStore {
  private readonly lists = new Map<OrderTab, PagedList<OrderSummary>>()
  private readonly orders = observable.map<string, LoadState<OrderView>>()
  /** Orders with an action (pay, cancel…) in flight: their buttons wait. */
  readonly busy = observable.set<string>()

  constructor(
    private readonly cloud: CloudClient,
    private readonly payments: PaymentService,
    private readonly cart: CartStore,
  ) {
    makeAutoObservable<OrderStore, 'cloud' | 'payments' | 'cart' | 'lists'>(this, {
      cloud: false,
      payments: false,
      cart: false,
      lists: false,
    })
  }

  list(tab: OrderTab): PagedList<OrderSummary> {
    let list = this.lists.get(tab)
    if (!list) {
      list = new PagedList((page, pageSize) =>
        this.cloud.call(orderFunction, 'listOrders', { tab, page, pageSize }),
      )
      this.lists.set(tab, list)
    }
    return list
  }

  order(orderId: string): LoadState<OrderView> {
    return this.orders.get(orderId) ?? IDLE
  }

  load(orderId: string): Promise<void> {
    return refresh(
      this.order(orderId),
      () => this.cloud.call(orderFunction, 'getOrder', { orderId }),
      (state) => { this.orders.set(orderId, state) },
    )
  }

  reset(): void {
    this.lists.clear()
    this.orders.clear()
  }

  /** A checkout for these lines; one per visit of the checkout page (it carries the request id). */
  checkout(lines: LineRequest[], fromCart: boolean, fromShop: ShopVisit | null = null): Checkout {
    return new Checkout(this.cloud, this, this.cart, lines, fromCart, fromShop)
  }

  /** Opens the pay sheet; resolves with the order as WeChat Pay left it (paid, or still unpaid). */
  pay(order: Pick<OrderView, '_id' | 'orderNo' | 'payableFen'>): Promise<Outcome<OrderView>> {
    return this.act(order._id, () => this.payments.pay(order))
  }

  /** When the buyer comes back to an unpaid order: WeChat Pay may have taken the money meanwhile. */
  syncPayment(orderId: string): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.payments.sync(orderId))
  }

  cancel(orderId: string, reason: string): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.cloud.call(orderFunction, 'cancelOrder', { orderId, reason }))
  }

  confirmReceipt(orderId: string): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.cloud.call(orderFunction, 'confirmReceipt', { orderId }))
  }

  /** The whole order (no lines), or the lines and units chosen. */
  requestRefund(orderId: string, reason: string, kind: RefundKind, lines?: RefundLineAsk[]): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.cloud.call(orderFunction, 'requestRefund', { orderId, reason, kind, ...(lines ? { lines } : {}) }))
  }

  /** 退货退款: the goods are on their way back, with this carrier and tracking number. */
  shipReturn(orderId: string, carrierId: CarrierId, trackingNo: string): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.cloud.call(orderFunction, 'shipReturn', { orderId, carrierId, trackingNo }))
  }

  /** 撤销申请: takes back the buyer's refund request HQ has not decided yet. */
  withdrawRefund(orderId: string): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.cloud.call(orderFunction, 'withdrawRefund', { orderId }))
  }

  /** Deletes a finished order from the buyer's lists (HQ keeps it). */
  hide(orderId: string): Promise<Outcome<OrderView>> {
    return this.act(orderId, () => this.cloud.call(orderFunction, 'hideOrder', { orderId }))
  }

  /**
   * Puts the order's lines back into the cart, one after another. A line the shop can no longer sell
   * as it was bought (off the shelf, sold out, fewer left than the line had) is skipped and named in
   * `skipped`; any other failure (a full cart, no network) stops and is the outcome.
   */
  async buyAgain(orderId: string): Promise<Outcome<{ added: number; skipped: string[] }>> {
    // A list card carries no SKU ids; the whole order does.
    if (this.order(orderId).status !== 'ready') await this.load(orderId)
    const state = this.order(orderId)
    if (state.status === 'error') return { ok: false, error: state.error }
    if (state.status !== 'ready') return { ok: false, error: new CloudError('ORDER_BUSY') }
    const skipped: string[] = []
    for (const line of state.data.lines) {
      const outcome = await this.cart.add(line.skuId, line.quantity)
      if (outcome.ok) continue
      if (!SKIPPED_ON_BUY_AGAIN.has(outcome.error.code)) return outcome
      skipped.push(line.title)
    }
    return { ok: true, data: { added: state.data.lines.length - skipped.length, skipped } }
  }

  /** Shows an order the server just answered with, here and in every list that has it. */
  show(order: OrderView): void {
    this.orders.set(order._id, { status: 'ready', data: order })
    const summary = summarizeOrder(order)
    for (const [tab, list] of this.lists) {
      const belongs = !order.hiddenByBuyerAt && inOrderTab(tab, order)
      if (list.items.some((item) => item._id === order._id)) list.replace(order._id, belongs ? summary : null)
      else if (belongs) void list.refresh()
    }
  }

  private async act(orderId: string, request: () => Promise<OrderView>): Promise<Outcome<OrderView>> {
    if (this.busy.has(orderId)) return { ok: false, error: new CloudError('ORDER_BUSY') }
    this.busy.add(orderId)
    const outcome = await attempt(request)
    runInAction(() => {
      this.busy.delete(orderId)
      if (outcome.ok) this.show(outcome.data)
    })
    return outcome
  }
}
