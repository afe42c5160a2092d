import { z } from 'zod'
import type { Coupon, CouponBenefit, CouponScope, CouponState } from '../core/coupon'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

/** A claimable template as the coupon centre and a product page show it. */
export interface CouponCard {
  templateId: string
  name: string
  benefit: CouponBenefit
  thresholdFen: number
  scope: CouponScope['kind']
  /** Fixed dates, or null with `days`: valid N days from claiming. */
  startAt: Date | null
  endAt: Date | null
  days: number | null
  /** Coupons left to claim, of all buyers'. */
  left: number
  /** How many the caller has received, and may in all. */
  held: number
  perUserLimit: number
}

/** A coupon of 我的优惠券. */
export type MyCoupon = Pick<Coupon, '_id' | 'name' | 'benefit' | 'thresholdFen' | 'scope' | 'startsAt' | 'expiresAt' | 'orderNo'> & { state: CouponState }

const templateId = z.string().min(1).max(64)

/** Coupons for shoppers: the coupon centre (领券中心), claiming, and 我的优惠券. */
export const couponsContract = defineContract('coupons', {
  /** The templates claimable now; with a product, only those that count it (the product page's 领券). */
  couponCentre: action({ input: z.object({ productId: z.string().min(1).max(64).optional() }).strict(), output: returns<CouponCard[]>() }),
  claimCoupon: action({
    input: z.object({ templateId }).strict(),
    output: returns<MyCoupon>(),
    errors: ['COUPON_TEMPLATE_NOT_FOUND', 'COUPON_TEMPLATE_STOPPED', 'COUPON_SOLD_OUT', 'COUPON_NOT_CLAIMABLE', 'COUPON_LIMIT_REACHED'],
  }),
  myCoupons: action({
    input: z.object({ state: z.enum(['unused', 'used', 'expired']).default('unused'), ...paging(20) }).strict(),
    output: returns<Page<MyCoupon>>(),
  }),
})
