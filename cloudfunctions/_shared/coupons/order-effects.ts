import { Coupon, couponIdOf } from '../../../src/core/coupon'
import type { Order } from '../../../src/core/order'
import { fail } from '../../../src/core/result'
import { Transaction, refuseTransaction } from '../database'
import { activeTemplates, issueInTransaction } from './wallet'

/**
 * What an order's moves do to coupons (hung on ORDER_EFFECTS). The coupon an order spends is written
 * in the order's transaction after reading it there: two orders spending one coupon conflict on it,
 * and the retried one finds it used and is refused.
 */
export async function spendCoupon(tx: Transaction, order: Order, now: Date): Promise<void> {
  const couponId = couponIdOf(order.discounts)
  if (!couponId) return
  const ref = tx.collection<Coupon>('coupons').doc(couponId)
  const { data: coupon } = await ref.get()
  if (!coupon || coupon.ownerOpenid !== order.buyerOpenid || coupon.status !== 'unused') refuseTransaction(fail('COUPON_ALREADY_USED', { couponId }))
  await ref.update({ data: { status: 'used', orderNo: order.orderNo, updatedAt: now } })
}

/** An order cancelled before it was paid (by the buyer, the clock, or a rejected payment) gives its coupon back, to use until it expires. */
export async function returnCoupon(tx: Transaction, order: Order, now: Date): Promise<void> {
  const couponId = couponIdOf(order.discounts)
  if (couponId) await tx.collection<Coupon>('coupons').doc(couponId).update({ data: { status: 'unused', orderNo: null, updatedAt: now } })
}

/**
 * A completed order earns each active repurchase template's coupon (复购券), once: the coupon's id is
 * the order's and the template's, and the completion is a move the order makes once. A template sold
 * out, or a buyer at its limit, gives nothing, and the order completes all the same.
 */
export async function issueRepurchaseCoupons(tx: Transaction, order: Order, now: Date): Promise<void> {
  const templates = await activeTemplates('repurchase')
  await Promise.all(
    templates.map((t) =>
      issueInTransaction(tx, { templateId: t._id, ownerOpenid: order.buyerOpenid, origin: `repurchase:${order._id}`, couponId: `r-${order._id}-${t._id}`, claimed: false }, now),
    ),
  )
}
