import type { CouponCard, MyCoupon } from '../../src/contracts/coupons'
import type { Page } from '../../src/contracts/paging'
import type { Product } from '../../src/core/catalog'
import { Coupon, CouponHolding, CouponState, CouponTemplate, couponState, holdingIdOf, inScope } from '../../src/core/coupon'
import { _, db } from '../_shared/database'
import { activeTemplates, coupons } from '../_shared/coupons/wallet'

/**
 * The claimable templates now, newest first, with what the caller has received of each; for a
 * product, only those that count it. Sold-out templates stay listed (已领完), so the centre does not
 * jump; ended ones do not.
 */
export async function couponCentre(openid: string | null, productId: string | undefined, now: Date): Promise<CouponCard[]> {
  const [templates, product] = await Promise.all([
    activeTemplates('claim'),
    productId ? db.collection<Product>('products').doc(productId).get().then((r) => r.data) : null,
  ])
  const open = templates.filter((t) => (t.validity.kind !== 'fixed' || now < t.validity.endAt) && (!productId || (product && inScope(t.scope, { productId: product._id, categoryId: product.categoryId }))))
  const holdings = openid && open.length > 0 ? await heldCounts(open.map((t) => holdingIdOf(t._id, openid))) : new Map<string, number>()
  return open.map((t) => cardOf(t, openid ? (holdings.get(holdingIdOf(t._id, openid)) ?? 0) : 0))
}

async function heldCounts(ids: string[]): Promise<Map<string, number>> {
  const { data } = await db.collection<CouponHolding>('coupon_holdings').where({ _id: _.in(ids) }).limit(ids.length).get()
  return new Map(data.map((h) => [h._id, h.count]))
}

function cardOf(t: CouponTemplate, held: number): CouponCard {
  const fixed = t.validity.kind === 'fixed' ? t.validity : null
  return {
    templateId: t._id,
    name: t.name,
    benefit: t.benefit,
    thresholdFen: t.thresholdFen,
    scope: t.scope.kind,
    startAt: fixed?.startAt ?? null,
    endAt: fixed?.endAt ?? null,
    days: t.validity.kind === 'days' ? t.validity.days : null,
    left: Math.max(0, t.quantity - t.issued),
    held,
    perUserLimit: t.perUserLimit,
  }
}

export const viewCoupon = (c: Coupon, now: Date): MyCoupon => ({
  _id: c._id,
  name: c.name,
  benefit: c.benefit,
  thresholdFen: c.thresholdFen,
  scope: c.scope,
  startsAt: c.startsAt,
  expiresAt: c.expiresAt,
  orderNo: c.orderNo,
  state: couponState(c, now),
})

/** 我的优惠券's tabs: 未使用 soonest to expire first; 已使用 and 已过期 latest first. Each served by the owner/status/expiry index. */
export async function myCoupons(openid: string, state: CouponState, page: number, pageSize: number, now: Date): Promise<Page<MyCoupon>> {
  const where =
    state === 'used' ? { ownerOpenid: openid, status: 'used' } : { ownerOpenid: openid, status: 'unused', expiresAt: state === 'unused' ? _.gt(now) : _.lte(now) }
  const { data } = await coupons
    .where(where)
    .orderBy('expiresAt', state === 'unused' ? 'asc' : 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  return { items: data.slice(0, pageSize).map((c) => viewCoupon(c, now)), hasMore: data.length > pageSize }
}
