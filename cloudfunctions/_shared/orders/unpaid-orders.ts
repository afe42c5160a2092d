import { DEFAULT_ORDER_RULES, OrderRules, OrderRulesInput, orderRules, reviseOrderRules } from '../../../src/core/order-rules'
import { Transaction, _ } from '../database'
import type { RulesKind } from '../versioned-rules'

/** HQ's order rules (settings/orderRules; every version in order_rules). */
export const ORDER_RULES: RulesKind<OrderRules, OrderRulesInput> = {
  name: 'orderRules',
  versions: 'order_rules',
  schema: orderRules,
  defaults: DEFAULT_ORDER_RULES,
  revise: reviseOrderRules,
}

/**
 * How many of a buyer's orders wait for payment, one document per buyer (its id the buyer's openid).
 * Placing an order reads and writes it in the order's transaction, so two orders of one buyer at once
 * conflict here and the second is decided on the first's count: the limit holds under any
 * concurrency. Every move out of 待付款 takes one off, in the transaction of that move (ORDER_EFFECTS).
 */
export interface UnpaidOrders {
  _id: string
  count: number
  updatedAt: Date
}

const UNPAID_ORDERS = 'unpaid_orders'

/** The buyer's unpaid orders as the transaction sees them (none before the first order). */
export async function readUnpaidOrders(tx: Transaction, buyerOpenid: string): Promise<number> {
  const { data } = await tx.collection<UnpaidOrders>(UNPAID_ORDERS).doc(buyerOpenid).get()
  // Orders placed before the count existed take it below zero as they leave 待付款; they were never counted.
  return Math.max(0, data?.count ?? 0)
}

/** One more unpaid order, on the count the transaction read. */
export async function countUnpaidOrder(tx: Transaction, buyerOpenid: string, unpaid: number, now: Date): Promise<void> {
  await tx.collection<UnpaidOrders>(UNPAID_ORDERS).doc(buyerOpenid).set({ data: { count: unpaid + 1, updatedAt: now } })
}

/** An order left 待付款 (paid, cancelled, expired): one fewer. An increment needs no read and still conflicts with a placement meanwhile. */
export async function uncountUnpaidOrder(tx: Transaction, buyerOpenid: string, now: Date): Promise<void> {
  await tx.collection<UnpaidOrders>(UNPAID_ORDERS).doc(buyerOpenid).update({ data: { count: _.inc(-1), updatedAt: now } })
}
