import type { HqWithdrawalView, WithdrawalView } from '../../../src/contracts/commission'
import type { Shop } from '../../../src/core/shop'
import { addDays } from '../../../src/core/time'
import type { Withdrawal } from '../../../src/core/withdrawal'
import { ownerNameOf, shopById } from '../shops'
import type { Payout } from './withdrawals'

/** A withdrawal as its employee sees it: while WeChat waits for their confirm, what the confirm needs. */
export function withdrawalView(w: Withdrawal, payout: Pick<Payout, 'confirmParams'> | null): WithdrawalView {
  const transfer = w.status === 'awaiting_confirm' ? w.transfer : undefined
  const bill = transfer?.packageInfo ? { outBillNo: w._id, transferBillNo: transfer.transferBillNo ?? '', state: transfer.state, amountFen: w.amountFen, packageInfo: transfer.packageInfo } : null
  return {
    _id: w._id,
    amountFen: w.amountFen,
    status: w.status,
    requestedAt: w.requestedAt,
    ...(w.decidedAt ? { decidedAt: w.decidedAt } : {}),
    ...(w.rejectReason ? { rejectReason: w.rejectReason } : {}),
    ...(w.failReason ? { failReason: w.failReason } : {}),
    ...(w.endedAt ? { endedAt: w.endedAt } : {}),
    ...(bill && payout ? { confirm: { ...payout.confirmParams(bill), until: addDays(transfer!.lastAskedAt, 1) } } : {}),
  }
}

/** HQ's view: whose withdrawal it is, without the employee's confirm package. */
export async function hqWithdrawalViews(list: Withdrawal[]): Promise<HqWithdrawalView[]> {
  const shops = new Map<string, Shop | null>()
  for (const shopId of new Set(list.map((w) => w.shopId))) shops.set(shopId, await shopById(shopId))
  const owners = new Map<string, string>()
  for (const shop of shops.values()) if (shop) owners.set(shop._id, await ownerNameOf(shop))
  return list.map((w) => ({
    ...withdrawalView(w, null),
    shopId: w.shopId,
    shopName: shops.get(w.shopId)?.name ?? '',
    ownerName: owners.get(w.shopId) ?? '',
  }))
}
