import { z } from 'zod'
import type { ShippingRule } from './pricing'

/**
 * HQ's shipping rule (运费): an order whose goods, after discounts, reach `freeOverFen` ships free,
 * any other pays `feeFen`. It is versioned like HQ's other rules; an order keeps the shipping it was
 * priced with, so a change applies from the next quote on.
 */

/** Why HQ's shipping rule is refused, by the setting the schema names. */
export const SHIPPING_RULES_PROBLEMS = ['SHIPPING_FREE_OVER_INVALID', 'SHIPPING_FEE_INVALID'] as const
export type ShippingRulesProblem = (typeof SHIPPING_RULES_PROBLEMS)[number]

/** ¥100,000: a threshold above any order the shop takes would mean "never free", which a fee says better. */
export const MAX_FREE_OVER_FEN = 10_000_000
/** ¥500: more than any parcel of goods costs to send inside the country; anything above is a typo in yuan/fen. */
export const MAX_SHIPPING_FEE_FEN = 50_000

const fen = (max: number, problem: ShippingRulesProblem) => z.number({ message: problem }).int(problem).min(0, problem).max(max, problem)

const shippingSettings = {
  /** 0: every order ships free. */
  freeOverFen: fen(MAX_FREE_OVER_FEN, 'SHIPPING_FREE_OVER_INVALID'),
  /** 0: no order pays shipping. */
  feeFen: fen(MAX_SHIPPING_FEE_FEN, 'SHIPPING_FEE_INVALID'),
}

/** What HQ sends to change the rule; the version is not theirs to choose. */
export const shippingRulesInput = z.object(shippingSettings).strict()
export type ShippingRulesInput = z.output<typeof shippingRulesInput>

/** The rule as stored, with its version; read back through this schema too. */
export const shippingRules = z.object({ version: z.number().int().min(1), ...shippingSettings }).strict()
export type ShippingRules = z.output<typeof shippingRules> & ShippingRule

/** In force until HQ first sets the rule: 满 ¥99 包邮, else ¥10. */
export const DEFAULT_SHIPPING_RULES: ShippingRules = { version: 1, freeOverFen: 9900, feeFen: 1000 }

export const reviseShippingRules = (current: ShippingRules, change: ShippingRulesInput): ShippingRules => ({ ...change, version: current.version + 1 })
