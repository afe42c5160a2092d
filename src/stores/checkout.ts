import { makeAutoObservable, runInAction } from 'mobx'
import { orderFunction } from '../contracts/functions'
import { couponIdOf } from '../core/coupon'
import type { OrderView } from '../core/order'
import { POINTS_SOURCE, type CheckoutReview, type LineRequest, type Quote } from '../core/pricing'
import { CloudError, type CloudClient } from '../services/cloud'
import type { CartStore } from './cart-store'
import type { ShopVisit } from '../routes'
import { attempt, IDLE, track, type LoadState, type Outcome } from './load-state'
import { newRequestId } from './request-id'

export const MAX_REMARK_LENGTH = 100

/** A placed order, and why paying for it did not start if it did not (it can be paid later). */
export interface Submitted {
  order: OrderView
  paymentError: CloudError | null
}

/**
 * What a checkout needs of the buyer's orders (the OrderStore, which makes checkouts): to show the
 * order it placed everywhere orders are listed, and to pay for it.
 */
export interface CheckoutOrders {
  show(order: OrderView): void
  pay(order: OrderView): Promise<Outcome<OrderView>>
}

/**
 * One visit of the checkout page. Its request id is made once, when the visit starts, and sent with
 * every 提交订单 of the visit: a double tap, or a retry after a lost answer, finds the order the
 * first tap made instead of placing a second one.
 */
export class Checkout {
  readonly requestId = newRequestId()
  review: LoadState<CheckoutReview> = IDLE
  remark = ''
  /** The most points the buyer chose to spend (积分抵扣); the server spends what HQ's cap allows of them. */
  points = 0
  /**
   * From 提交订单 until the page moves on: placing the order, paying for it in the pay sheet, and
   * done once the sheet has closed. The button stays disabled throughout, so one visit places one order.
   */
  step: 'idle' | 'placing' | 'paying' | 'done' = 'idle'
  /** The order this visit placed. */
  placed: OrderView | null = null
  /** The buyer went back while the pay sheet was open: the order's page took over from this one. */
  left = false
  /** The coupon the buyer picked in the sheet; undefined: the best one, as the server picks it; null: none. */
  couponChoice: string | null | undefined = undefined
  /**
   * 提交订单 was refused because the order would cost other than the review showed (a 限时折扣 over
   * meanwhile): the review is read again, and the page says why the amount moved.
   */
  priceChanged = false

  constructor(
    private readonly cloud: CloudClient,
    private readonly orders: CheckoutOrders,
    private readonly cart: CartStore,
    /** What the buyer is buying; a line that cannot be bought as asked is changed or dropped here. */
    public lines: LineRequest[],
    readonly fromCart: boolean,
    /** The shop whose page the buyer checks out from: the order is that shop's (attribution decides). */
    readonly fromShop: ShopVisit | null,
  ) {
    makeAutoObservable<Checkout, 'cloud' | 'orders' | 'cart'>(this, { cloud: false, orders: false, cart: false, fromShop: false })
  }

  /**
   * The page is going away. While the order waits for payment, the buyer must land on it (待付款, with
   * its countdown and 去支付), never on an emptied cart: answers the order to open then.
   */
  leave(): string | null {
    if (this.step !== 'paying' || !this.placed) return null
    this.left = true
    return this.placed._id
  }

  /** The server's view of the lines: what stands in the way of each, and the price when nothing does. */
  async loadReview(): Promise<void> {
    const couponId = this.couponChoice
    await track(
      () => this.cloud.call(orderFunction, 'quoteOrder', { lines: this.lines, ...(couponId !== undefined ? { couponId } : {}), ...(this.points > 0 ? { points: this.points } : {}) }),
      (state) => { this.review = state },
    )
    const review = this.review
    // The coupon picked no longer fits the lines (fewer units now): back to the best one that does.
    if (review.status === 'error' && typeof couponId === 'string' && review.error.code.startsWith('COUPON_')) {
      runInAction(() => { this.couponChoice = undefined })
      return this.loadReview()
    }
    // Points spent elsewhere since checkout opened: offer what is left instead, and price again.
    if (review.status === 'error' && review.error.code === 'POINTS_INSUFFICIENT' && this.points > 0) {
      runInAction(() => { this.points = Number(review.error.details.balance ?? 0) })
      return this.loadReview()
    }
  }

  /** The points the quote shown spends: the order spends exactly these, or is refused if they are gone meanwhile. */
  private get pointsShown(): number {
    return this.quote?.discounts.find((d) => d.source === POINTS_SOURCE)?.points ?? 0
  }

  /** 积分抵扣 on (the points the buyer holds) or off (0): priced again. */
  setPoints(points: number): Promise<void> {
    this.points = points
    return this.loadReview()
  }

  /** The coupon the quote applies; null: none. The order is placed with exactly this one. */
  get couponId(): string | null {
    return this.quote ? couponIdOf(this.quote.discounts) : null
  }

  /** From the coupon sheet: a coupon, or none (不使用优惠券). */
  chooseCoupon(couponId: string | null): Promise<void> {
    this.couponChoice = couponId
    return this.loadReview()
  }

  /** What the order will cost if placed now; none while a line cannot be bought as asked. */
  get quote(): Quote | null {
    return this.review.status === 'ready' ? this.review.data.quote : null
  }

  /** 改为 N 件: the line as the stock or the limit allows. */
  changeQuantity(skuId: string, quantity: number): Promise<void> {
    this.lines = this.lines.map((l) => (l.skuId === skuId ? { ...l, quantity } : l))
    return this.loadReview()
  }

  /** 删除: the rest is bought without it. */
  removeLine(skuId: string): Promise<void> {
    this.lines = this.lines.filter((l) => l.skuId !== skuId)
    return this.lines.length > 0 ? this.loadReview() : Promise.resolve()
  }

  get submitting(): boolean {
    return this.step !== 'idle'
  }

  setRemark(remark: string): void {
    this.remark = remark.slice(0, MAX_REMARK_LENGTH)
  }

  /**
   * Places the order and opens the pay sheet for it at once. Resolves with the order as it is after
   * the sheet closed (paid, or waiting for payment), or with why it could not be placed.
   */
  async submit(addressId: string): Promise<Outcome<Submitted>> {
    if (this.submitting) return { ok: false, error: new CloudError('CHECKOUT_BUSY') }
    this.step = 'placing'
    const placed = await attempt(() =>
      this.cloud.call(orderFunction, 'placeOrder', {
        requestId: this.requestId,
        lines: this.lines,
        couponId: this.couponId,
        addressId,
        ...(this.remark.trim() ? { remark: this.remark.trim() } : {}),
        ...(this.fromCart ? { fromCart: true } : {}),
        ...(this.fromShop ? { fromShop: this.fromShop } : {}),
        ...(this.pointsShown > 0 ? { points: this.pointsShown } : {}),
        // A price that moved since the review (a 限时折扣 over meanwhile) is shown before it is paid.
        ...(this.quote ? { quotedPayableFen: this.quote.payableFen } : {}),
      }),
    )
    if (!placed.ok) {
      runInAction(() => {
        this.step = 'idle'
        this.priceChanged = placed.error.code === 'ORDER_PRICE_CHANGED'
      })
      // Prices or stock may have moved since the review: show the lines as they are now.
      void this.loadReview()
      return placed
    }
    runInAction(() => {
      this.step = 'paying'
      this.placed = placed.data
    })
    this.orders.show(placed.data)
    if (this.fromCart) void this.cart.load()
    const paid = await this.orders.pay(placed.data)
    runInAction(() => { this.step = 'done' })
    // The order exists whatever happened to the payment; the page moves on to it (button still off).
    return paid.ok
      ? { ok: true, data: { order: paid.data, paymentError: null } }
      : { ok: true, data: { order: placed.data, paymentError: paid.error } }
  }
}
