import { makeAutoObservable } from 'mobx'
import type { cartContract } from '../contracts/cart'
import type { ActionName, PayloadOf } from '../contracts/contract'
import { cartFunction } from '../contracts/functions'
import type { CartView } from '../core/cart'
import type { CloudClient } from '../services/cloud'
import { attempt, IDLE, refresh, type LoadState, type Outcome } from './load-state'

/**
 * The buyer's cart as the server keeps it. Every change answers with the whole cart, which replaces
 * what is shown, so the page never computes totals or availability itself.
 */
export class CartStore {
  cart: LoadState<CartView> = IDLE
  /** Changes sent or waiting: the cart page's steppers and checkboxes wait for them. */
  private pending = 0
  /** Changes go out one after another, so taps never cross and none is dropped. */
  private last: Promise<unknown> = Promise.resolve()

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<CartStore, 'cloud' | 'last'>(this, { cloud: false, last: false })
  }

  /** A change is in flight or waiting. */
  get changing(): boolean {
    return this.pending > 0
  }

  /** Quantities of the lines that can be bought, for the tab badge; 0 until the cart is known. */
  get count(): number {
    return this.cart.status === 'ready' ? this.cart.data.count : 0
  }

  load(): Promise<void> {
    return refresh(this.cart, () => this.cloud.call(cartFunction, 'getCart', {}), (state) => { this.cart = state })
  }

  reset(): void {
    this.cart = IDLE
  }

  add(skuId: string, quantity: number): Promise<Outcome<CartView>> {
    return this.change('addToCart', { skuId, quantity })
  }

  setQuantity(skuId: string, quantity: number): Promise<Outcome<CartView>> {
    return this.change('setQuantity', { skuId, quantity })
  }

  remove(skuIds: string[]): Promise<Outcome<CartView>> {
    return this.change('removeFromCart', { skuIds })
  }

  select(skuIds: string[] | 'all', selected: boolean): Promise<Outcome<CartView>> {
    return this.change('selectLines', { skuIds, selected })
  }

  /** Queues a change behind the ones before it: three quick taps on 加入购物车 add three times. */
  private change<K extends ActionName<typeof cartContract>>(action: K, payload: PayloadOf<typeof cartContract, K>): Promise<Outcome<CartView>> {
    this.pending += 1
    const outcome = this.last.then(() => attempt(() => this.cloud.call(cartFunction, action, payload)))
    this.last = outcome
    return outcome.then((settled) => {
      this.settle(settled)
      return settled
    })
  }

  private settle(outcome: Outcome<CartView>): void {
    this.pending -= 1
    if (outcome.ok) this.cart = { status: 'ready', data: outcome.data }
  }
}
