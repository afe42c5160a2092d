import { z } from 'zod'
import { Result, fail, ok } from './result'
import { addMinutes } from './time'

/**
 * HQ's rules for placing orders. An unpaid order holds its stock until it is paid or expires, so one
 * buyer with many unpaid orders could hold a product sold out for everyone: the number of unpaid
 * orders a buyer may have at once is capped, and an unpaid order expires after HQ's number of minutes
 * (counted from when it was placed, under the rules then in force: the order keeps its `expiresAt`).
 */

/** Why HQ's order rules are refused, by the setting the schema names. */
export const ORDER_RULES_PROBLEMS = ['ORDER_MAX_UNPAID_INVALID', 'ORDER_UNPAID_MINUTES_INVALID'] as const
export type OrderRulesProblem = (typeof ORDER_RULES_PROBLEMS)[number]

/**
 * WeChat Pay refuses a payment that expires within 5 minutes of its creation; past a day, stock held
 * by an order no one pays is stock no one else can buy.
 */
export const MIN_UNPAID_ORDER_MINUTES = 5
export const MAX_UNPAID_ORDER_MINUTES = 24 * 60

const whole = (min: number, max: number, problem: OrderRulesProblem) => z.number({ message: problem }).int(problem).min(min, problem).max(max, problem)

const orderSettings = {
  maxUnpaidOrders: whole(1, 50, 'ORDER_MAX_UNPAID_INVALID').default(5),
  /** Rules stored before the timeout was HQ's read back with the 30 minutes that were in force then. */
  unpaidOrderMinutes: whole(MIN_UNPAID_ORDER_MINUTES, MAX_UNPAID_ORDER_MINUTES, 'ORDER_UNPAID_MINUTES_INVALID').default(30),
}

/** What HQ sends to change the rules; the version is not theirs to choose. */
export const orderRulesInput = z.object(orderSettings).strict()
export type OrderRulesInput = z.output<typeof orderRulesInput>

/** The rules as stored, with their version; read back through this schema too. */
export const orderRules = z.object({ version: z.number().int().min(1), ...orderSettings }).strict()
export type OrderRules = z.output<typeof orderRules>

export const DEFAULT_ORDER_RULES: OrderRules = { version: 1, maxUnpaidOrders: 5, unpaidOrderMinutes: 30 }

export const reviseOrderRules = (current: OrderRules, change: OrderRulesInput): OrderRules => ({ ...change, version: current.version + 1 })

/** A buyer who has `unpaid` orders waiting for payment may place one more only below the limit. */
export function checkUnpaidLimit(unpaid: number, rules: Pick<OrderRules, 'maxUnpaidOrders'>): Result<void> {
  return unpaid < rules.maxUnpaidOrders ? ok(undefined) : fail('ORDER_UNPAID_LIMIT', { max: rules.maxUnpaidOrders })
}

/** When an order placed now under these rules stops waiting for payment. */
export const unpaidOrderExpiry = (placedAt: Date, rules: Pick<OrderRules, 'unpaidOrderMinutes'>): Date => addMinutes(placedAt, rules.unpaidOrderMinutes)
