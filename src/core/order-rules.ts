import { z } from 'zod'
import { Result, fail, ok } from './result'

/**
 * HQ's rules for placing orders. An unpaid order holds its stock until it is paid or expires, so one
 * buyer with many unpaid orders could hold a product sold out for everyone: the number of unpaid
 * orders a buyer may have at once is capped.
 */
const orderSettings = {
  maxUnpaidOrders: z.number().int().min(1).max(50).default(5),
}

/** What HQ sends to change the rules; the version is not theirs to choose. */
export const orderRulesInput = z.object(orderSettings).strict()
export type OrderRulesInput = z.output<typeof orderRulesInput>

/** The rules as stored, with their version; read back through this schema too. */
export const orderRules = z.object({ version: z.number().int().min(1), ...orderSettings }).strict()
export type OrderRules = z.output<typeof orderRules>

export const DEFAULT_ORDER_RULES: OrderRules = { version: 1, maxUnpaidOrders: 5 }

export const reviseOrderRules = (current: OrderRules, change: OrderRulesInput): OrderRules => ({ ...change, version: current.version + 1 })

/** A buyer who has `unpaid` orders waiting for payment may place one more only below the limit. */
export function checkUnpaidLimit(unpaid: number, rules: Pick<OrderRules, 'maxUnpaidOrders'>): Result<void> {
  return unpaid < rules.maxUnpaidOrders ? ok(undefined) : fail('ORDER_UNPAID_LIMIT', { max: rules.maxUnpaidOrders })
}
