import type { CheckoutChoices } from '../../../src/contracts/order'
import { unitPriceAt } from '../../../src/core/campaign'
import { couponPolicy } from '../../../src/core/coupon'
import { levelDiscount, pointsDiscount, shippingFor, standingOf, type MemberRules } from '../../../src/core/member'
import type { PricingTerms } from '../../../src/core/pricing'
import { type Result, ok } from '../../../src/core/result'
import { DEFAULT_SHIPPING_RULES, ShippingRules, ShippingRulesInput, reviseShippingRules, shippingRules } from '../../../src/core/shipping-rules'
import { readCampaignPrices } from '../campaign-prices'
import { heldCoupons } from '../coupons/wallet'
import { MEMBER_RULES, readMemberAccount } from '../member/points'
import { RulesKind, currentRulesOf } from '../versioned-rules'

/** HQ's shipping rule (settings/shippingRules; every version in shipping_rules). */
export const SHIPPING_RULES: RulesKind<ShippingRules, ShippingRulesInput> = {
  name: 'shippingRules',
  versions: 'shipping_rules',
  schema: shippingRules,
  defaults: DEFAULT_SHIPPING_RULES,
  revise: reviseShippingRules,
}

/**
 * HQ's rules that prices depend on. They live in `settings` beside the rules other use cases read, so
 * a caller that reads those (placing an order reads the attribution and order rules) reads these in
 * the same request and hands them over; the quote reads them alone (`pricingRulesNow`).
 */
export interface PricingRules {
  shipping: ShippingRules
  member: MemberRules
}

/** The kinds of rules a price depends on, to read in one request with whatever else the caller needs. */
export const PRICING_RULES = [SHIPPING_RULES, MEMBER_RULES] as const

export const pricingRulesNow = async (): Promise<PricingRules> => {
  const [shipping, member] = await currentRulesOf(...PRICING_RULES)
  return { shipping, member }
}

/**
 * The terms checkout's quote and the placed order are both priced from, for one buyer (null: not
 * signed in), their checkout choices and one instant: the buyer pays what they were shown, and a
 * choice that no longer applies is refused on both the same way. Member prices, coupons, points and
 * campaigns load what they need here, in one round of reads beside HQ's rules, before the order's
 * transaction starts; what they spend (a coupon, points) is written by the order's own effects in that
 * transaction, so two orders spending the same thing conflict.
 *
 * 限时折扣 first: one read (the live campaign prices), whoever the buyer; a SKU costs its campaign
 * price only while `now` is inside the campaign's window, so a checkout left open past the end is
 * priced at the list price when the order is placed. Then the policies, in a fixed order: the member
 * level's discount, then coupons, then points — so a coupon's threshold and the points cap are judged
 * on what the discounts before them left.
 */
export async function pricingTermsFor(buyerOpenid: string | null, choices: CheckoutChoices, now: Date, rules: Promise<PricingRules>, purpose: 'quote' | 'order' = 'order'): Promise<Result<PricingTerms>> {
  // An order with no coupon chosen needs none read (checkout's quote still lists them, to choose
  // from again); an anonymous buyer holds none and has no account.
  const wantsCoupon = buyerOpenid !== null && (choices.couponId !== null || purpose === 'quote')
  const [{ shipping, member }, campaignPrices, account, held] = await Promise.all([
    rules,
    readCampaignPrices(),
    buyerOpenid ? readMemberAccount(buyerOpenid, now) : null,
    wantsCoupon ? heldCoupons(buyerOpenid, now) : [],
  ])
  const { level } = standingOf(account?.completedSpendFen ?? 0, member)
  return ok({
    shipping: shippingFor(level, shipping),
    unitPrice: (sku) => unitPriceAt(campaignPrices, sku, now),
    policies: [
      levelDiscount(level),
      couponPolicy(held, choices.couponId, now),
      ...(account && choices.points ? [pointsDiscount(choices.points, account.balance, member)] : []),
    ],
  })
}
