import { z } from 'zod'
import type { CommissionBalances, CommissionEntryKind, WithdrawalReversal } from '../core/commission'
import type { WithdrawalStatus } from '../core/withdrawal'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'
import type { AttributionChain } from './referral'

const withdrawalId = z.string().regex(/^W[0-9a-f]{31}$/)

/** A withdrawal as its employee (and HQ) sees it. */
export interface WithdrawalView {
  _id: string
  amountFen: number
  status: WithdrawalStatus
  requestedAt: Date
  decidedAt?: Date
  rejectReason?: string
  failReason?: string
  endedAt?: Date
  /** While WeChat waits for the employee: what `wx.requestMerchantTransfer` needs, and until when. */
  confirm?: { mchId: string; appId: string; package: string; until: Date }
}

/** One business day (Asia/Shanghai) of the shop's ledger, summed by what happened. */
export interface CommissionDay {
  day: string
  accruedFen: number
  frozenFen: number
  releasedFen: number
  /** Voided or clawed back by refunds. */
  reversedFen: number
  /** Withdrawn, less withdrawals that came back. */
  withdrawnFen: number
}

export interface CommissionSummary {
  balances: CommissionBalances
  withdrawal: { minFen: number; dailyMaxFen: number; leftTodayFen: number }
  afterSalesDays: number
  /** When the earliest frozen order's after-sales window ends (its commission then becomes available); none while nothing is frozen. */
  nextReleaseAt?: Date
  /** The last 30 business days with any entry, newest first. */
  days: CommissionDay[]
}

/** A ledger entry with what it is about: its order's line and why the order is the shop's, or its withdrawal. */
export interface LedgerEntryView {
  key: string
  kind: CommissionEntryKind
  amountFen: number
  at: Date
  ruleVersion?: number
  rateBps?: number
  baseFen?: number
  releasableAt?: Date
  order?: { orderNo: string; lineTitle: string; buyer: string; chain: AttributionChain }
  withdrawalId?: string
  reason?: WithdrawalReversal
}

/** A withdrawal in HQ's list: whose it is, too. */
export type HqWithdrawalView = WithdrawalView & { shopId: string; shopName: string; ownerName: string }

const SHOP_ERRORS = ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND'] as const

/** The employee's commission (佣金): balances, the ledger, withdrawals. */
export const commissionContract = defineContract('commission', {
  getSummary: action({ input: z.object({}).strict(), output: returns<CommissionSummary>(), errors: SHOP_ERRORS }),
  /** The ledger, newest first. */
  listEntries: action({ input: z.object(paging(20)).strict(), output: returns<Page<LedgerEntryView>>(), errors: SHOP_ERRORS }),
  /** Takes money out of the available balance; the same request id asked again finds the same withdrawal. */
  requestWithdrawal: action({
    input: z.object({ requestId: z.string().min(8).max(64), amountFen: z.number().int().min(1).max(100_000_000) }).strict(),
    output: returns<WithdrawalView>(),
    errors: [...SHOP_ERRORS, 'COMMISSION_WITHDRAW_BELOW_MINIMUM', 'COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE', 'COMMISSION_WITHDRAW_DAILY_MAX'],
  }),
  listWithdrawals: action({ input: z.object(paging(20)).strict(), output: returns<Page<WithdrawalView>>(), errors: SHOP_ERRORS }),
  /** Where one withdrawal stands, asking WeChat Pay when its transfer is under way (after the employee confirms). */
  refreshWithdrawal: action({
    input: z.object({ withdrawalId }).strict(),
    output: returns<WithdrawalView>(),
    errors: [...SHOP_ERRORS, 'COMMISSION_WITHDRAWAL_NOT_FOUND'],
  }),
})

/** HQ's side of withdrawals (in the hq function). */
export const hqWithdrawalActions = {
  listWithdrawals: action({
    input: z
      .object({ status: z.enum(['reviewing', 'transferring', 'awaiting_confirm', 'paid', 'rejected', 'failed', 'expired']).optional(), ...paging(20) })
      .strict(),
    output: returns<Page<HqWithdrawalView>>(),
  }),
  approveWithdrawal: action({
    input: z.object({ withdrawalId }).strict(),
    output: returns<HqWithdrawalView>(),
    errors: ['COMMISSION_WITHDRAWAL_NOT_FOUND', 'WITHDRAWAL_ILLEGAL_TRANSITION'],
  }),
  rejectWithdrawal: action({
    input: z.object({ withdrawalId, reason: z.string().trim().min(1).max(100) }).strict(),
    output: returns<HqWithdrawalView>(),
    errors: ['COMMISSION_WITHDRAWAL_NOT_FOUND', 'WITHDRAWAL_ILLEGAL_TRANSITION'],
  }),
}
