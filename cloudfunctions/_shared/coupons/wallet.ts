import { Coupon, CouponHolding, CouponIssue, CouponTemplate, checkClaim, checkIssue, holdingIdOf, issueCoupon } from '../../../src/core/coupon'
import { Result, fail, ok } from '../../../src/core/result'
import { Transaction, _, db } from '../database'

export const couponTemplates = db.collection<CouponTemplate>('coupon_templates')
export const coupons = db.collection<Coupon>('coupons')

/** The most coupons a buyer's wallet query reads; 我的优惠券 pages beyond it. */
export const HELD_MAX = 100

/** The buyer's coupons usable now or later (unused, not expired), soonest to expire first. */
export async function heldCoupons(ownerOpenid: string, now: Date): Promise<Coupon[]> {
  const { data } = await coupons.where({ ownerOpenid, status: 'unused', expiresAt: _.gt(now) }).orderBy('expiresAt', 'asc').limit(HELD_MAX).get()
  return data
}

/** Active templates issued one way (HQ keeps a handful active at a time). */
export async function activeTemplates(issue: CouponIssue): Promise<CouponTemplate[]> {
  const { data } = await couponTemplates.where({ issue, status: 'active' }).orderBy('createdAt', 'desc').limit(HELD_MAX).get()
  return data
}

/** How a coupon is issued: claimed by the buyer (the template must be claimable), or given by the shop. */
export interface Issue {
  templateId: string
  ownerOpenid: string
  origin: string
  /** A given coupon's id, fixed by what gives it, so giving it again writes the same coupon; a claim's is new. */
  couponId?: string
  claimed: boolean
}

/**
 * Issues one coupon of a template in `tx`: the template's `issued` count and the buyer's holding are
 * read and written in the transaction, so two issues at once conflict and the retried one counts the
 * other — the quantity and the per-user limit hold under any concurrency.
 */
export async function issueInTransaction(tx: Transaction, issue: Issue, now: Date): Promise<Result<Coupon>> {
  const holdingId = holdingIdOf(issue.templateId, issue.ownerOpenid)
  const [{ data: template }, { data: holding }] = await Promise.all([
    tx.collection<CouponTemplate>('coupon_templates').doc(issue.templateId).get(),
    tx.collection<CouponHolding>('coupon_holdings').doc(holdingId).get(),
  ])
  if (!template) return fail('COUPON_TEMPLATE_NOT_FOUND')
  const allowed = (issue.claimed ? checkClaim : checkIssue)(template, holding, now)
  if (!allowed.ok) return allowed
  const coupon = issueCoupon(template, issue.ownerOpenid, issue.origin, now)
  const [written] = await Promise.all([
    issue.couponId
      ? tx.collection<Coupon>('coupons').doc(issue.couponId).set({ data: coupon }).then(() => issue.couponId as string)
      : tx.collection<Coupon>('coupons').add({ data: coupon }).then(({ _id }) => _id),
    tx.collection<CouponTemplate>('coupon_templates').doc(template._id).update({ data: { issued: _.inc(1), updatedAt: now } }),
    tx.collection<CouponHolding>('coupon_holdings').doc(holdingId).set({ data: { count: (holding?.count ?? 0) + 1, updatedAt: now } }),
  ])
  return ok({ ...coupon, _id: written })
}
