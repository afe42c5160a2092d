import type { Actor, Order } from '../../../src/core/order'
import * as refunds from '../../../src/core/refund'
import { Result } from '../../../src/core/result'
import { DEFAULT_RETURN_RULES, ReturnRules, ReturnRulesInput, returnRules, returnTermsOf, reviseReturnRules } from '../../../src/core/return-rules'
import { RulesKind, currentRules } from '../versioned-rules'
import { changeOrder } from './repository'

/** HQ's return rules: the return address and the days to send goods back (settings/returnRules; every version in return_rules). */
export const RETURN_RULES: RulesKind<ReturnRules, ReturnRulesInput> = {
  name: 'returnRules',
  versions: 'return_rules',
  schema: returnRules,
  defaults: DEFAULT_RETURN_RULES,
  revise: reviseReturnRules,
}

/**
 * HQ agrees to a 退货退款: the address and deadline of the rules in force now go onto the refund, in
 * the transaction that approves it. No money moves until the goods are back (`receiveReturn`).
 */
export async function approveReturn(orderId: string, amountFen: number | undefined, actor: Actor, now: Date): Promise<Result<Order>> {
  const terms = returnTermsOf(await currentRules(RETURN_RULES), now)
  if (!terms.ok) return terms
  return changeOrder(orderId, (order) => refunds.approveReturn(order, amountFen, terms.data, actor, now), now)
}

/** HQ refuses the refund as the goods arrive, with a reason the buyer reads. */
export function refuseReturn(orderId: string, reason: string, actor: Actor, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) => refunds.refuseReturn(order, reason, actor, now), now)
}

/**
 * Closes a return whose goods were not sent by the deadline. Read and written in one transaction on the
 * order, so a buyer's tracking number sent at the same instant and the close cannot both win; a return
 * already sent, closed or withdrawn is refused by the order's moves and left as it is.
 */
export function closeOverdueReturn(orderId: string, now: Date): Promise<Result<Order>> {
  return changeOrder(orderId, (order) => refunds.closeReturn(order, now), now)
}
