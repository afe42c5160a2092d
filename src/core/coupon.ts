import type { CouponBenefit, CouponFit, CouponOffer } from './coupon-offer'
import type { AppliedDiscount, DiscountPolicy, UndiscountedLine } from './pricing'
import { Result, fail, ok } from './result'

export type { CouponBenefit, CouponBlocker, CouponFit, CouponOffer } from './coupon-offer'

/**
 * Coupons (优惠券), as a WeChat shop has them: HQ writes a template (满X减Y or a percentage off, a
 * threshold, a validity, who may get it and how), and each coupon issued from it is a copy of its
 * terms held by one buyer, spent on at most one order. Amounts in fen, percentages in basis points.
 */

/** Which lines a coupon counts: all goods, goods of some categories, or some products. */
export type CouponScope = { kind: 'all' } | { kind: 'categories'; ids: string[] } | { kind: 'products'; ids: string[] }

/** Fixed dates (usable from `startAt` until before `endAt`, claimable until `endAt`), or N days from the moment it is issued. */
export type CouponValidity = { kind: 'fixed'; startAt: Date; endAt: Date } | { kind: 'days'; days: number }

/**
 * How coupons of a template reach buyers: claimed in the coupon centre and on product pages; issued
 * when an order completes (复购券); issued on a first visit through a sub-shop's link (新人券).
 * `share` (a coupon for sharing) is named only to be refused: WeChat treats rewards for sharing as
 * 诱导分享.
 */
export const COUPON_ISSUES = ['claim', 'repurchase', 'new_customer', 'share'] as const
export type CouponIssue = (typeof COUPON_ISSUES)[number]

/** The terms a coupon carries: what a template says, copied onto every coupon issued from it. */
export interface CouponTerms {
  name: string
  benefit: CouponBenefit
  /** The goods (after the discounts before coupons, in scope) must reach this; 0: 无门槛. */
  thresholdFen: number
  scope: CouponScope
}

export interface CouponTemplateInput extends CouponTerms {
  validity: CouponValidity
  /** How many coupons of this template one buyer may hold in all (used ones count). */
  perUserLimit: number
  quantity: number
  issue: CouponIssue
}

/** A template (`coupon_templates`): `issued` counts every coupon issued, in the transaction that issues it. */
export interface CouponTemplate extends CouponTemplateInput {
  _id: string
  issued: number
  /** A stopped template issues no more coupons; the ones issued stay usable until they expire. */
  status: 'active' | 'stopped'
  createdAt: Date
  updatedAt: Date
}

/** A buyer's coupon (`coupons`); expired is not stored: an unused coupon past `expiresAt`. */
export interface Coupon extends CouponTerms {
  _id: string
  templateId: string
  ownerOpenid: string
  startsAt: Date
  expiresAt: Date
  status: 'unused' | 'used'
  /** The number of the order that spends it; null while unused (again, when that order was cancelled unpaid). */
  orderNo: string | null
  /** How it came: claimed, or issued for the completed order `repurchase:<orderId>`, or `new_customer`. */
  origin: string
  issuedAt: Date
  updatedAt: Date
}

/** How many of a template one buyer has received (`coupon_holdings`, id `<templateId>:<openid>`). */
export interface CouponHolding {
  _id: string
  count: number
  updatedAt: Date
}

export const holdingIdOf = (templateId: string, openid: string): string => `${templateId}:${openid}`

export const COUPON_LIMITS = { maxAmountFen: 1_000_000, maxDays: 365, maxPerUser: 10, maxQuantity: 1_000_000, maxScopeIds: 100 } as const

/** What a template may be refused for; each is also an error's `problem`. */
export const TEMPLATE_PROBLEMS = [
  'share_reward_forbidden',
  'amount_not_below_threshold',
  'percent_out_of_range',
  'cap_invalid',
  'dates_invalid',
  'days_invalid',
  'scope_empty',
  'limit_invalid',
] as const
export type TemplateProblem = (typeof TEMPLATE_PROBLEMS)[number]

/**
 * Checks a template HQ writes. A coupon for sharing is refused outright (WeChat's rules forbid a reward
 * conditional on sharing); a 满X减Y must take off less than its threshold (a coupon worth the whole
 * order is a free order, which WeChat Pay cannot take: the buyer pays at least one fen).
 */
export function checkTemplate(input: CouponTemplateInput): Result<CouponTemplateInput> {
  const refuse = (problem: TemplateProblem) => fail('COUPON_TEMPLATE_INVALID', { problem })
  if (input.issue === 'share') return refuse('share_reward_forbidden')
  const { benefit, thresholdFen, validity, scope } = input
  if (benefit.kind === 'amount') {
    if (!(benefit.amountFen >= 1 && benefit.amountFen <= COUPON_LIMITS.maxAmountFen) || (thresholdFen > 0 && benefit.amountFen >= thresholdFen)) return refuse('amount_not_below_threshold')
  } else {
    if (!(benefit.percentOffBps >= 100 && benefit.percentOffBps <= 9000)) return refuse('percent_out_of_range')
    if (benefit.capFen !== undefined && !(benefit.capFen >= 1 && benefit.capFen <= COUPON_LIMITS.maxAmountFen)) return refuse('cap_invalid')
  }
  if (validity.kind === 'fixed' && !(validity.endAt.getTime() > validity.startAt.getTime())) return refuse('dates_invalid')
  if (validity.kind === 'days' && !(Number.isInteger(validity.days) && validity.days >= 1 && validity.days <= COUPON_LIMITS.maxDays)) return refuse('days_invalid')
  if (scope.kind !== 'all' && scope.ids.length === 0) return refuse('scope_empty')
  if (!(input.perUserLimit >= 1 && input.perUserLimit <= COUPON_LIMITS.maxPerUser && input.quantity >= 1 && input.quantity <= COUPON_LIMITS.maxQuantity)) return refuse('limit_invalid')
  return ok(input)
}

/** Whether a template issues now: active, not sold out, and (fixed dates) not yet ended. */
export function templateIssuable(template: CouponTemplate, now: Date): Result<CouponTemplate> {
  if (template.status !== 'active') return fail('COUPON_TEMPLATE_STOPPED')
  if (template.validity.kind === 'fixed' && now.getTime() >= template.validity.endAt.getTime()) return fail('COUPON_TEMPLATE_STOPPED')
  if (template.issued >= template.quantity) return fail('COUPON_SOLD_OUT')
  return ok(template)
}

/** Whether a template issues one more coupon to this buyer now: it issues, and they are within its per-user limit. */
export function checkIssue(template: CouponTemplate, holding: CouponHolding | null, now: Date): Result<CouponTemplate> {
  const issuable = templateIssuable(template, now)
  if (!issuable.ok) return issuable
  if ((holding?.count ?? 0) >= template.perUserLimit) return fail('COUPON_LIMIT_REACHED', { limit: template.perUserLimit })
  return ok(template)
}

/** A claim in the coupon centre or on a product page: only a template issued by claiming can be claimed. */
export function checkClaim(template: CouponTemplate, holding: CouponHolding | null, now: Date): Result<CouponTemplate> {
  return template.issue === 'claim' ? checkIssue(template, holding, now) : fail('COUPON_NOT_CLAIMABLE')
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The coupon a template issues to a buyer now: its terms copied, valid over the template's dates or N × 24 h from now. */
export function issueCoupon(template: CouponTemplate, ownerOpenid: string, origin: string, now: Date): Omit<Coupon, '_id'> {
  const { name, benefit, thresholdFen, scope, validity } = template
  const [startsAt, expiresAt] = validity.kind === 'fixed' ? [validity.startAt, validity.endAt] : [now, new Date(now.getTime() + validity.days * DAY_MS)]
  return { templateId: template._id, ownerOpenid, name, benefit, thresholdFen, scope, startsAt, expiresAt, status: 'unused', orderNo: null, origin, issuedAt: now, updatedAt: now }
}

/** 未使用 / 已使用 / 已过期, as 我的优惠券 lists them. */
export type CouponState = 'unused' | 'used' | 'expired'

export const couponState = (coupon: Pick<Coupon, 'status' | 'expiresAt'>, now: Date): CouponState =>
  coupon.status === 'used' ? 'used' : now.getTime() >= coupon.expiresAt.getTime() ? 'expired' : 'unused'

/** Whether a coupon of this scope counts a line (or a product) of this product and category. */
export const inScope = (scope: CouponScope, line: Pick<UndiscountedLine, 'productId' | 'categoryId'>): boolean =>
  scope.kind === 'all' || scope.ids.includes(scope.kind === 'categories' ? line.categoryId : line.productId)

/**
 * What a coupon takes off these lines, after `earlierFen` of discounts before coupons (a member's):
 * those are shared over the lines by their totals, and the threshold is judged — and the percentage
 * taken — on what is left of the lines in scope. A percentage rounds down to the fen.
 */
export function fitCoupon(coupon: Pick<Coupon, 'status' | 'startsAt' | 'expiresAt' | 'benefit' | 'thresholdFen' | 'scope'>, lines: ReadonlyArray<Pick<UndiscountedLine, 'productId' | 'categoryId' | 'lineTotalFen'>>, earlierFen: number, now: Date): CouponFit {
  if (coupon.status === 'used') return { applies: false, blocker: { kind: 'used' } }
  if (now.getTime() < coupon.startsAt.getTime()) return { applies: false, blocker: { kind: 'not_started', startsAt: coupon.startsAt } }
  if (now.getTime() >= coupon.expiresAt.getTime()) return { applies: false, blocker: { kind: 'expired' } }
  const goodsFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0)
  const scopedFen = lines.filter((l) => inScope(coupon.scope, l)).reduce((sum, l) => sum + l.lineTotalFen, 0)
  if (scopedFen === 0) return { applies: false, blocker: { kind: 'out_of_scope' } }
  // The earlier discounts' share of the lines in scope, rounded so the coupon never counts on more than was left.
  const baseFen = scopedFen - Math.ceil((Math.min(earlierFen, goodsFen) * scopedFen) / goodsFen)
  if (baseFen < coupon.thresholdFen) return { applies: false, blocker: { kind: 'below_threshold', shortFen: coupon.thresholdFen - baseFen } }
  const { benefit } = coupon
  const raw = benefit.kind === 'amount' ? benefit.amountFen : Math.floor((baseFen * benefit.percentOffBps) / 10_000)
  const capped = benefit.kind === 'percent' && benefit.capFen !== undefined ? Math.min(raw, benefit.capFen) : raw
  return { applies: true, savingFen: Math.min(capped, baseFen) }
}

/**
 * The coupon checkout picks when the buyer has not chosen: the largest saving; on a tie the one that
 * expires first (so the buyer keeps the longer-lived one), then the smaller id, so the choice is the
 * same on every call.
 */
export function bestOffer(offers: ReadonlyArray<CouponOffer>): CouponOffer | null {
  let best: CouponOffer | null = null
  for (const offer of offers) {
    if (!offer.fit.applies) continue
    if (!best || !best.fit.applies) {
      best = offer
      continue
    }
    const bySaving = offer.fit.savingFen - best.fit.savingFen
    const byExpiry = best.expiresAt.getTime() - offer.expiresAt.getTime()
    if (bySaving > 0 || (bySaving === 0 && (byExpiry > 0 || (byExpiry === 0 && offer.couponId < best.couponId)))) best = offer
  }
  return best
}

/** Applicable offers first (largest saving first), then the others; the sheet's order. */
const sheetOrder = (a: CouponOffer, b: CouponOffer): number =>
  Number(b.fit.applies) - Number(a.fit.applies) || (b.fit.applies ? b.fit.savingFen : 0) - (a.fit.applies ? a.fit.savingFen : 0) || a.expiresAt.getTime() - b.expiresAt.getTime()

/** `coupon:<id>`: the source of a coupon's discount on a quote and an order. */
export const COUPON_SOURCE = 'coupon:'

export const couponIdOf = (discounts: ReadonlyArray<AppliedDiscount>): string | null => discounts.find((d) => d.source.startsWith(COUPON_SOURCE))?.source.slice(COUPON_SOURCE.length) ?? null

/**
 * The coupon step of pricing, for one buyer's held coupons and their choice: `undefined` lets the best
 * applicable coupon apply, `null` applies none, an id applies that coupon or refuses the price —
 * so an order never silently drops the coupon the buyer chose.
 */
export interface CouponPolicy extends DiscountPolicy {
  /** Every held coupon against these lines, for checkout's sheet, in the sheet's order. */
  offersFor(lines: ReadonlyArray<UndiscountedLine>, earlier: ReadonlyArray<AppliedDiscount>): CouponOffer[]
}

export function couponPolicy(held: ReadonlyArray<Coupon>, choice: string | null | undefined, now: Date): CouponPolicy {
  const offersFor = (lines: ReadonlyArray<UndiscountedLine>, earlier: ReadonlyArray<AppliedDiscount>): CouponOffer[] => {
    const earlierFen = earlier.reduce((sum, d) => sum + d.amountFen, 0)
    return held
      .map((c) => ({ couponId: c._id, name: c.name, benefit: c.benefit, thresholdFen: c.thresholdFen, expiresAt: c.expiresAt, fit: fitCoupon(c, lines, earlierFen, now) }))
      .sort(sheetOrder)
  }
  return {
    offersFor,
    discountsFor(lines, earlier) {
      if (choice === null) return ok([])
      const offers = offersFor(lines, earlier)
      const chosen = choice === undefined ? bestOffer(offers) : offers.find((o) => o.couponId === choice)
      if (choice !== undefined && !chosen) return fail('COUPON_NOT_FOUND', { couponId: choice })
      if (!chosen) return ok([])
      if (!chosen.fit.applies) return fail('COUPON_NOT_APPLICABLE', { couponId: chosen.couponId, ...chosen.fit.blocker })
      return ok([{ source: `${COUPON_SOURCE}${chosen.couponId}`, label: chosen.name, amountFen: chosen.fit.savingFen }])
    },
  }
}
