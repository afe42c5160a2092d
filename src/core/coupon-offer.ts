/**
 * What checkout's quote says of each coupon the buyer holds: its benefit, and what it takes off or why
 * it cannot apply. Types only, shared by pricing (which lists the offers) and coupons (which make them).
 */

/** 满X减Y: `amountFen` off; or 折扣: `percentOffBps` off (8折 = 2000), at most `capFen` when it has one. */
export type CouponBenefit = { kind: 'amount'; amountFen: number } | { kind: 'percent'; percentOffBps: number; capFen?: number }

/** Why a held coupon cannot apply to an order; `shortFen` is 还差¥X. */
export type CouponBlocker =
  | { kind: 'not_started'; startsAt: Date }
  | { kind: 'expired' }
  | { kind: 'used' }
  | { kind: 'out_of_scope' }
  | { kind: 'below_threshold'; shortFen: number }

/** A coupon against an order: what it takes off, or why it cannot apply. */
export type CouponFit = { applies: true; savingFen: number } | { applies: false; blocker: CouponBlocker }

/** A held coupon as checkout's sheet lists it. */
export interface CouponOffer {
  couponId: string
  name: string
  benefit: CouponBenefit
  thresholdFen: number
  expiresAt: Date
  fit: CouponFit
}
