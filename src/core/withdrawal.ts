import type { WithdrawalReversal } from './commission'
import { Result, fail, ok } from './result'

/**
 * A withdrawal (提现): an employee takes available commission out to their WeChat balance. The money
 * leaves the balance when it is asked for (the ledger's `withdraw` entry); HQ approves (or the rules
 * approve it under a threshold); WeChat Pay's merchant transfer pays it once the employee confirms in
 * WeChat. Whatever does not end paid — rejected, failed, not confirmed in time — comes back to the
 * balance exactly once, as the withdrawal reaches that end.
 */
export type WithdrawalStatus =
  /** Waiting for HQ. */
  | 'reviewing'
  /** Approved; the transfer is being created at WeChat Pay or is on its way after the confirm. */
  | 'transferring'
  /** WeChat Pay waits for the employee to confirm receipt (确认收款) in WeChat. */
  | 'awaiting_confirm'
  | 'paid'
  | 'rejected'
  | 'failed'
  /** Not confirmed within WeChat's 24 hours, or cancelled before the confirm. */
  | 'expired'

export const FINAL_WITHDRAWAL_STATUSES: readonly WithdrawalStatus[] = ['paid', 'rejected', 'failed', 'expired']

/** The states of a merchant transfer bill, in WeChat Pay's words. SUCCESS, FAIL and CANCELLED are final. */
export type TransferState = 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED'

/** What WeChat Pay says of a withdrawal's transfer bill. */
export interface TransferReport {
  state: TransferState
  transferBillNo?: string
  /** For wx.requestMerchantTransfer, while the bill waits for the employee. */
  packageInfo?: string
  failReason?: string
}

export interface Withdrawal {
  /** Also the transfer's out_bill_no: one withdrawal, one bill number, whatever happens. */
  _id: string
  shopId: string
  /** Who is paid: the shop owner's OPENID when they asked. */
  payeeOpenid: string
  amountFen: number
  /** `${openid}:${requestId}`: the same request sent twice finds the withdrawal it made. */
  requestKey: string
  status: WithdrawalStatus
  requestedAt: Date
  /** The business day (Asia/Shanghai) it was asked on, which HQ's daily maximum counts. */
  day: string
  /** `auto`: under HQ's auto-approve threshold. */
  decidedBy?: string
  decidedAt?: Date
  rejectReason?: string
  transfer?: TransferReport & {
    /** How many times the bill was asked for (the first ask creates; every later one queries first). */
    attempts: number
    lastAskedAt: Date
    updatedAt: Date
  }
  /** Why it failed, in WeChat's code or reason. */
  failReason?: string
  endedAt?: Date
  updatedAt: Date
}

const isFinal = (status: WithdrawalStatus) => FINAL_WITHDRAWAL_STATUSES.includes(status)

/** HQ's decision on a withdrawal under review. A rejection gives the money back (`reversal`). */
export function decideWithdrawal(
  withdrawal: Withdrawal,
  decision: { approve: true } | { approve: false; reason: string },
  by: string,
  at: Date,
): Result<{ withdrawal: Withdrawal; reversal: WithdrawalReversal | null }> {
  if (withdrawal.status !== 'reviewing') return fail('WITHDRAWAL_ILLEGAL_TRANSITION', { status: withdrawal.status })
  const decided = { ...withdrawal, decidedBy: by, decidedAt: at, updatedAt: at }
  if (decision.approve) return ok({ withdrawal: { ...decided, status: 'transferring' }, reversal: null })
  return ok({ withdrawal: { ...decided, status: 'rejected', rejectReason: decision.reason, endedAt: at }, reversal: 'rejected' })
}

/** Records that the transfer is being asked for (again): a later ask must query before creating. */
export function askTransfer(withdrawal: Withdrawal, at: Date): Result<Withdrawal> {
  if (withdrawal.status !== 'transferring' || withdrawal.transfer?.transferBillNo) return fail('WITHDRAWAL_ILLEGAL_TRANSITION', { status: withdrawal.status })
  const attempts = (withdrawal.transfer?.attempts ?? 0) + 1
  const transfer = { state: withdrawal.transfer?.state ?? 'ACCEPTED', ...withdrawal.transfer, attempts, lastAskedAt: at, updatedAt: at }
  return ok({ ...withdrawal, transfer, updatedAt: at })
}

const STATUS_OF: Record<TransferState, WithdrawalStatus> = {
  ACCEPTED: 'transferring',
  PROCESSING: 'transferring',
  TRANSFERING: 'transferring',
  CANCELING: 'transferring',
  WAIT_USER_CONFIRM: 'awaiting_confirm',
  SUCCESS: 'paid',
  FAIL: 'failed',
  CANCELLED: 'expired',
}

/**
 * What WeChat Pay said of the bill, applied: the withdrawal follows the bill, and a bill that ended
 * without paying gives the money back. Reports come late and twice (notifications, queries, retries),
 * so a report about a withdrawal that has already ended changes nothing, and none is ever reversed twice.
 */
export function followTransfer(withdrawal: Withdrawal, report: TransferReport, at: Date): { withdrawal: Withdrawal; reversal: WithdrawalReversal | null } {
  if (isFinal(withdrawal.status) || withdrawal.status === 'reviewing') return { withdrawal, reversal: null }
  const status = STATUS_OF[report.state]
  // The confirm page's package is only good while the bill waits for the employee; WeChat gives it
  // when the bill is created, not when it is queried, so it is kept while the bill still waits.
  const { packageInfo: earlier, ...kept } = withdrawal.transfer ?? { attempts: 0, lastAskedAt: at }
  const packageInfo = status === 'awaiting_confirm' ? (report.packageInfo ?? earlier) : undefined
  const transfer = { ...kept, ...report, ...(packageInfo ? { packageInfo } : {}), updatedAt: at }
  if (!packageInfo) delete transfer.packageInfo
  const next: Withdrawal = { ...withdrawal, status, transfer, updatedAt: at }
  if (!isFinal(status)) return { withdrawal: next, reversal: null }
  const ended = { ...next, endedAt: at, ...(report.failReason ? { failReason: report.failReason } : {}) }
  return { withdrawal: ended, reversal: status === 'failed' ? 'failed' : status === 'expired' ? 'expired' : null }
}

/** WeChat Pay refused to create the bill (a definite answer, not an unclear one): nothing was paid. */
export function transferRefused(withdrawal: Withdrawal, code: string, at: Date): { withdrawal: Withdrawal; reversal: WithdrawalReversal | null } {
  if (withdrawal.status !== 'transferring' || withdrawal.transfer?.transferBillNo) return { withdrawal, reversal: null }
  return { withdrawal: { ...withdrawal, status: 'failed', failReason: code, endedAt: at, updatedAt: at }, reversal: 'failed' }
}
