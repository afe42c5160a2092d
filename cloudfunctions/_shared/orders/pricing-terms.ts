import type { CheckoutChoices } from '../../../src/contracts/order'
import { levelDiscount, pointsDiscount, shippingFor, standingOf } from '../../../src/core/member'
import { DEFAULT_SHIPPING, type PricingTerms } from '../../../src/core/pricing'
import { type Result, ok } from '../../../src/core/result'
import { MEMBER_RULES, readMemberAccount } from '../member/points'
import { currentRulesOf } from '../versioned-rules'

/**
 * The terms checkout's quote and the placed order are both priced from, for one buyer (null: not
 * signed in), their checkout choices and one instant: the buyer pays what they were shown, and a
 * choice that no longer applies is refused on both the same way. Member prices, coupons, points and
 * campaigns load what they need here, in one round of reads, before the order's transaction starts;
 * what they spend (a coupon, points) is written by the order's own effects in that transaction, so
 * two orders spending the same thing conflict.
 *
 * The policies run in a fixed order: the member level's discount, then coupons, then points — so a
 * coupon's threshold and the points cap are judged on what the discounts before them left.
 */
export async function pricingTermsFor(buyerOpenid: string | null, choices: CheckoutChoices, now: Date): Promise<Result<PricingTerms>> {
  if (!buyerOpenid) return ok({ shipping: DEFAULT_SHIPPING, policies: [] })
  // HQ's rules come in one read (another kind of rules joins it there), beside the buyer's account.
  const [[rules], account] = await Promise.all([currentRulesOf(MEMBER_RULES), readMemberAccount(buyerOpenid, now)])
  const { level } = standingOf(account.completedSpendFen, rules)
  return ok({
    shipping: shippingFor(level, DEFAULT_SHIPPING),
    policies: [levelDiscount(level), ...(choices.points ? [pointsDiscount(choices.points, account.balance, rules)] : [])],
  })
}
