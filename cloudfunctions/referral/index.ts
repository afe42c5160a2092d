import { referralContract } from '../../src/contracts/referral'
import { isBindingLive } from '../../src/core/attribution'
import { Result, fail, ok } from '../../src/core/result'
import type { Shop } from '../../src/core/shop'
import { findBinding } from '../_shared/bindings'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { shopById, shopCardOf, shopOfOwner } from '../_shared/shops'
import { findShare } from '../_shared/attribution-chain'
import { countShare, createShare, posterCode } from './shares'
import { leaderboard, shopCustomers, shopOrders, shopStats } from './stats'
import { recordVisit } from './visits'

/** Runs `then` on the caller's own shop; only employees have one. */
async function withOwnShop<T>(caller: SignedInCaller, then: (shop: Shop) => Promise<Result<T>>): Promise<Result<T>> {
  const shop = await shopOfOwner(caller.openid)
  return shop ? then(shop) : fail('SHOP_NOT_FOUND')
}

export const main = defineFunction(referralContract, {
  createShare: {
    access: 'employee',
    handle: ({ productId, channel }, caller, now) => withOwnShop(caller, (shop) => createShare(shop, productId, channel, now)),
  },

  recordShare: {
    access: 'caller',
    handle: ({ shareCode }, _caller, now) => countShare(shareCode, now),
  },

  getPosterCode: {
    access: 'caller',
    handle: ({ shareCode }) => posterCode(shareCode),
  },

  recordVisit: {
    access: 'caller',
    async handle({ shareCode, shopId, channel }, caller, now) {
      const share = shareCode ? await findShare(shareCode) : null
      if (shareCode && !share) return fail('SHARE_CODE_INVALID')
      const shop = await shopById(share?.shopId ?? shopId!)
      if (!shop) return fail('SHOP_NOT_FOUND')
      // The channel is the one the share was made for, not what the link says.
      const recorded = await recordVisit(caller.openid, shop, share ? { sharerOpenid: share.sharerOpenid, shareCode: share._id } : null, share?.channel ?? channel, now)
      if (!recorded.ok) return recorded
      return ok({ shop: await shopCardOf(shop), productId: share?.productId ?? null, bound: recorded.data.bound })
    },
  },

  getMyBinding: {
    access: 'anyone',
    async handle(_input, caller, now) {
      const binding = caller.openid ? await findBinding(caller.openid) : null
      const shop = binding && isBindingLive(binding, now) ? await shopById(binding.shopId) : null
      return ok(shop && binding ? { shop: await shopCardOf(shop), expiresAt: binding.expiresAt } : null)
    },
  },

  getShopStats: {
    access: 'employee',
    handle: ({ month }, caller, now) => withOwnShop(caller, async (shop) => ok(await shopStats(shop, month, now))),
  },

  listShopCustomers: {
    access: 'employee',
    handle: ({ page, pageSize }, caller, now) => withOwnShop(caller, async (shop) => ok(await shopCustomers(shop, page, pageSize, now))),
  },

  listShopOrders: {
    access: 'employee',
    handle: ({ page, pageSize }, caller) => withOwnShop(caller, async (shop) => ok(await shopOrders(shop, page, pageSize))),
  },

  getLeaderboard: {
    access: 'anyone',
    handle: async ({ month, limit }, _caller, now) => ok(await leaderboard(month, limit, now)),
  },
})
