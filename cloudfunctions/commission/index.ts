import { commissionContract } from '../../src/contracts/commission'
import { requestKeyOf } from '../../src/core/order'
import { Result, fail, ok } from '../../src/core/result'
import type { Shop } from '../../src/core/shop'
import type { Withdrawal } from '../../src/core/withdrawal'
import { currentCommissionRules } from '../_shared/commission/ledger'
import { commissionPayout } from '../_shared/commission/payout'
import { withdrawalView } from '../_shared/commission/views'
import { askWithdrawal, refreshWithdrawal, withdrawals } from '../_shared/commission/withdrawals'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { shopOfOwner } from '../_shared/shops'
import { commissionSummary, ledgerPage } from './statements'

/** Runs `then` on the caller's own shop: commission is the shop's. */
async function withOwnShop<T>(caller: SignedInCaller, then: (shop: Shop) => Promise<Result<T>>): Promise<Result<T>> {
  const shop = await shopOfOwner(caller.openid)
  return shop ? then(shop) : fail('SHOP_NOT_FOUND')
}

const view = (result: Result<Withdrawal>) => (result.ok ? ok(withdrawalView(result.data, commissionPayout())) : result)

/** The employee's commission: balances by day, the ledger, and withdrawals to their WeChat balance. */
export const main = defineFunction(commissionContract, {
  getSummary: {
    access: 'employee',
    handle: (_input, caller, now) => withOwnShop(caller, async (shop) => ok(await commissionSummary(shop._id, await currentCommissionRules(), now))),
  },

  listEntries: {
    access: 'employee',
    handle: ({ page, pageSize }, caller) => withOwnShop(caller, async (shop) => ok(await ledgerPage(shop._id, page, pageSize))),
  },

  requestWithdrawal: {
    access: 'employee',
    audited: true,
    handle: ({ requestId, amountFen }, caller, now) =>
      withOwnShop(caller, async (shop) =>
        view(await askWithdrawal({ shopId: shop._id, payeeOpenid: caller.openid, requestKey: requestKeyOf(caller.openid, requestId), amountFen }, commissionPayout(), now)),
      ),
  },

  listWithdrawals: {
    access: 'employee',
    handle: ({ page, pageSize }, caller) =>
      withOwnShop(caller, async (shop) => {
        const { data } = await withdrawals.where({ shopId: shop._id }).orderBy('requestedAt', 'desc').skip(page * pageSize).limit(pageSize + 1).get()
        return ok({ items: data.slice(0, pageSize).map((w) => withdrawalView(w, commissionPayout())), hasMore: data.length > pageSize })
      }),
  },

  refreshWithdrawal: {
    access: 'employee',
    handle: ({ withdrawalId }, caller, now) =>
      withOwnShop(caller, async (shop) => {
        const { data: w } = await withdrawals.doc(withdrawalId).get()
        // Someone else's withdrawal is as good as none.
        if (!w || w.shopId !== shop._id) return fail('COMMISSION_WITHDRAWAL_NOT_FOUND', { withdrawalId })
        return view(await refreshWithdrawal(withdrawalId, commissionPayout(), now))
      }),
  },
})
