import type { CheckoutChoices } from '../../../src/contracts/order'
import { DEFAULT_SHIPPING, type PricingTerms } from '../../../src/core/pricing'
import { type Result, ok } from '../../../src/core/result'

/**
 * The terms checkout's quote and the placed order are both priced from, for one buyer (null: not
 * signed in), their checkout choices and one instant: the buyer pays what they were shown, and a
 * choice that no longer applies is refused on both the same way. Member prices, coupons, points and
 * campaigns load what they need here, in one round of reads, before the order's transaction starts;
 * what they spend (a coupon, points) is written by the order's own effects in that transaction, so
 * two orders spending the same thing conflict.
 */
export async function pricingTermsFor(_buyerOpenid: string | null, _choices: CheckoutChoices, _now: Date): Promise<Result<PricingTerms>> {
  return ok({ shipping: DEFAULT_SHIPPING, policies: [] })
}
