import { z } from 'zod'
import { addressInput, type AddressSnapshot } from './address'
import { Result, fail, ok } from './result'
import { addDays } from './time'

/**
 * HQ's rules for 退货退款 (returns): where the buyer sends the goods back, and how many days they have
 * from HQ's approval to send them. The address has no default: a return cannot be approved until HQ has
 * said where the goods go, so no buyer is ever told to send them nowhere.
 */

/** The warehouse the goods go back to, checked by the buyer's address schema (the same fields and limits). */
export const returnAddressInput = addressInput.omit({ isDefault: true })
export type ReturnAddress = AddressSnapshot

/** The buyer has this many days after HQ agrees to a return to send the goods (有赞 gives 7). */
export const DEFAULT_RETURN_DAYS = 7
export const MAX_RETURN_DAYS = 30

const returnSettings = {
  returnDays: z.number().int().min(1).max(MAX_RETURN_DAYS).default(DEFAULT_RETURN_DAYS),
  address: returnAddressInput.nullable().default(null),
}

/** What HQ sends to change the rules; the version is not theirs to choose. */
export const returnRulesInput = z.object(returnSettings).strict()
export type ReturnRulesInput = z.output<typeof returnRulesInput>

/** The rules as stored, with their version; read back through this schema too. */
export const returnRules = z.object({ version: z.number().int().min(1), ...returnSettings }).strict()
export type ReturnRules = z.output<typeof returnRules>

export const DEFAULT_RETURN_RULES: ReturnRules = { version: 1, returnDays: DEFAULT_RETURN_DAYS, address: null }

export const reviseReturnRules = (current: ReturnRules, change: ReturnRulesInput): ReturnRules => ({ ...change, version: current.version + 1 })

/** What an approved return holds from the rules in force then: later changes of the rules never move it. */
export interface ReturnTerms {
  returnAddress: ReturnAddress
  /** The goods must be sent before this instant; at it, the return closes. */
  returnDueAt: Date
}

/** The terms of a return HQ approves at `at`; RETURN_ADDRESS_MISSING while HQ has set no address. */
export function returnTermsOf(rules: Pick<ReturnRules, 'returnDays' | 'address'>, at: Date): Result<ReturnTerms> {
  if (!rules.address) return fail('RETURN_ADDRESS_MISSING')
  const { name, phone, province, city, district, detail } = rules.address
  return ok({ returnAddress: { name, phone, province, city, district, detail }, returnDueAt: addDays(at, rules.returnDays) })
}
