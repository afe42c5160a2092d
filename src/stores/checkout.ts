import { makeAutoObservable, runInAction } from 'mobx'
import { orderFunction } from '../contracts/functions'
import type { OrderView } from '../core/order'
import type { LineRequest, Quote } from '../core/pricing'
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
  quote: LoadState<Quote> = IDLE
  remark = ''
  /**
   * From 提交订单 until the page moves on: placing the order, then paying for it in the pay sheet.
   * The button stays disabled throughout, so one visit places one order.
   */
  step: 'idle' | 'placing' | 'paying' = 'idle'

  constructor(
    private readonly cloud: CloudClient,
    private readonly orders: CheckoutOrders,
    private readonly cart: CartStore,
    readonly lines: LineRequest[],
    readonly fromCart: boolean,
    /** The shop whose page the buyer checks out from: the order is that shop's (attribution decides). */
    readonly fromShop: ShopVisit | null,
  ) {
    makeAutoObservable<Checkout, 'cloud' | 'orders' | 'cart'>(this, { cloud: false, orders: false, cart: false, lines: false, fromShop: false })
  }

  /** The server's prices for the lines: what the order will cost if placed now. */
  loadQuote(): Promise<void> {
    return track(
      () => this.cloud.call(orderFunction, 'quoteOrder', { lines: this.lines }),
      (state) => { this.quote = state },
    )
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
        addressId,
        ...(this.remark.trim() ? { remark: this.remark.trim() } : {}),
        ...(this.fromCart ? { fromCart: true } : {}),
        ...(this.fromShop ? { fromShop: this.fromShop } : {}),
      }),
    )
    if (!placed.ok) {
      runInAction(() => { this.step = 'idle' })
      // Prices or stock may have moved since the quote: show the current one under the message.
      void this.loadQuote()
      return placed
    }
    runInAction(() => { this.step = 'paying' })
    this.orders.show(placed.data)
    if (this.fromCart) void this.cart.load()
    const paid = await this.orders.pay(placed.data)
    // The order exists whatever happened to the payment; the page moves on to it (button still off).
    return paid.ok
      ? { ok: true, data: { order: paid.data, paymentError: null } }
      : { ok: true, data: { order: placed.data, paymentError: paid.error } }
  }
}
