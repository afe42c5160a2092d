import { couponsContract } from '../../src/contracts/coupons'
import { ok } from '../../src/core/result'
import { inTransaction } from '../_shared/database'
import { defineFunction } from '../_shared/edge'
import { issueInTransaction } from '../_shared/coupons/wallet'
import { couponCentre, myCoupons, viewCoupon } from './wallet'

/** Coupons for shoppers: the coupon centre and product pages list what can be claimed; claiming is one transaction. */
export const main = defineFunction(couponsContract, {
  couponCentre: {
    access: 'anyone',
    handle: async ({ productId }, caller, now) => ok(await couponCentre(caller.openid ?? null, productId, now)),
  },

  claimCoupon: {
    access: 'caller',
    async handle({ templateId }, caller, now) {
      const claimed = await inTransaction((tx) => issueInTransaction(tx, { templateId, ownerOpenid: caller.openid, origin: 'claim', claimed: true }, now))
      return claimed.ok ? ok(viewCoupon(claimed.data, now)) : claimed
    },
  },

  myCoupons: {
    access: 'caller',
    handle: async ({ state, page, pageSize }, caller, now) => ok(await myCoupons(caller.openid, state, page, pageSize, now)),
  },
})
