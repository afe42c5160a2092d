import { accrueCommission, freezeCommission, refundCommission } from '../../../src/core/commission'
import { Order, refundedGoodsFenOf } from '../../../src/core/order'
import type { Transaction } from '../database'
import type { CommissionRules } from '../../../src/core/commission'
import { bookOrderEntries, readOrderCommission } from './ledger'

// An order's moves as commission sees them. Each runs in the transaction that writes the order (see
// ORDER_EFFECTS), decides from the order's own commission document, and books what it decides.
// `rulesNow` reads the commission rules in force, only when a move needs them.

type RulesNow = () => Promise<CommissionRules>

/** Paid: each line's commission becomes pending for the order's shop, under the rules in force now. */
export async function accrueOrderCommission(tx: Transaction, order: Order, rulesNow: RulesNow, now: Date): Promise<void> {
  const shopId = order.attribution?.shopId
  if (!shopId) return
  const rules = await rulesNow()
  await bookOrderEntries(tx, shopId, [{ orderId: order._id, current: null, added: accrueCommission([], order, rules, order.payment.paidAt ?? now) }], now)
}

/** Receipt confirmed (by the buyer or automatically): what is pending is frozen for the after-sales window. */
export async function freezeOrderCommission(tx: Transaction, order: Order, rulesNow: RulesNow, now: Date): Promise<void> {
  const current = await readOrderCommission(tx, order._id)
  if (!current) return
  const rules = await rulesNow()
  await bookOrderEntries(tx, current.shopId, [{ orderId: order._id, current, added: freezeCommission(current.entries, order._id, rules, now) }], now)
}

/** A refund succeeded: the commission of what was refunded is voided, or clawed back once released. */
export async function reverseOrderCommission(tx: Transaction, order: Order, now: Date): Promise<void> {
  const current = await readOrderCommission(tx, order._id)
  if (!current || !order.refund) return
  const reversal = refundCommission(current.entries, order, { refundId: order.refund.outRefundNo, refundedGoodsFen: refundedGoodsFenOf(order) }, now)
  // Only an impossible refund amount is refused, and the order side never records one: a bug, so
  // the refund's recording fails loudly (and is retried) rather than leaving commission unreversed.
  if (!reversal.ok) throw new Error(`commission of order ${order._id} cannot be reversed: ${JSON.stringify(reversal.error)}`)
  await bookOrderEntries(tx, current.shopId, [{ orderId: order._id, current, added: reversal.data }], now)
}
