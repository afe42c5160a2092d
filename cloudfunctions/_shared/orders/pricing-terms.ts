import type { CheckoutChoices } from '../../../src/contracts/order'
import { unitPriceAt } from '../../../src/core/campaign'
import { DEFAULT_SHIPPING, type PricingTerms } from '../../../src/core/pricing'
import { type Result, ok } from '../../../src/core/result'
import { readCampaignPrices } from '../campaign-prices'

/**
 * The terms checkout's quote and the placed order are both priced from, for one buyer (null: not
 * signed in), their checkout choices and one instant: the buyer pays what they were shown, and a
 * choice that no longer applies is refused on both the same way. Member prices, coupons, points and
 * campaigns load what they need here, in one round of reads, before the order's transaction starts;
 * what they spend (a coupon, points) is written by the order's own effects in that transaction, so
 * two orders spending the same thing conflict.
 *
 * 限时折扣: one read (the live campaign prices), whoever the buyer; a SKU costs its campaign price
 * only while `now` is inside the campaign's window, so a checkout left open past the end is priced
 * at the list price when the order is placed.
 */
export async function pricingTermsFor(_buyerOpenid: string | null, _choices: CheckoutChoices, now: Date): Promise<Result<PricingTerms>> {
  const [campaignPrices] = await Promise.all([readCampaignPrices()])
  return ok({ shipping: DEFAULT_SHIPPING, policies: [], unitPrice: (sku) => unitPriceAt(campaignPrices, sku, now) })
}
