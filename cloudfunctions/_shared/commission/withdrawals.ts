import { createHash } from 'node:crypto'
import { WithdrawalEntry, WithdrawalReversal, balancesFrom, requestWithdrawal, reverseWithdrawal } from '../../../src/core/commission'
import { businessDay } from '../../../src/core/funnel'
import { Result, fail, ok } from '../../../src/core/result'
import { addMinutes } from '../../../src/core/time'
import { TransferReport, TransferState, Withdrawal, askTransfer, decideWithdrawal, followTransfer, transferRefused } from '../../../src/core/withdrawal'
import { Transaction, _, db, inTransaction } from '../database'
import { CommissionAccount, bookEntries, currentCommissionRules, readAccount } from './ledger'

/** What withdrawals need of WeChat Pay's merchant transfer (the payout port gives it). */
export interface Payout {
  transfer(
    request: { outBillNo: string; openid: string; amountFen: number; remark: string },
    options: { retry: boolean },
  ): Promise<TransferAnswer>
  query(outBillNo: string): Promise<TransferAnswer>
  /** What wx.requestMerchantTransfer needs for a bill waiting for the employee. */
  confirmParams(bill: { outBillNo: string; transferBillNo: string; state: TransferState; amountFen: number; packageInfo?: string }): { mchId: string; appId: string; package: string }
}

export type TransferAnswer =
  | { kind: 'bill'; bill: TransferReport }
  | { kind: 'not_found' }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unclear'; detail: string }

export const WITHDRAWALS = 'withdrawals'
export const withdrawals = db.collection<Withdrawal>(WITHDRAWALS)

/** What the employee sees on the transfer in WeChat (转账备注, at most 32 characters). */
const TRANSFER_REMARK = '佣金提现'

/**
 * One withdrawal per request, and its id is also the transfer's bill number (out_bill_no: at most 32
 * letters and digits): derived from the request, so a request sent twice makes the same withdrawal.
 */
export const withdrawalIdOf = (requestKey: string): string => `W${createHash('sha256').update(requestKey).digest('hex').slice(0, 31)}`

const withdrawEntryOf = (w: Withdrawal): WithdrawalEntry => ({
  key: `withdrawal:${w._id}:withdraw`,
  kind: 'withdraw',
  shopId: w.shopId,
  withdrawalId: w._id,
  amountFen: w.amountFen,
  at: w.requestedAt,
})

async function writeWithdrawal(tx: Transaction, w: Withdrawal): Promise<void> {
  const { _id, ...fields } = w
  await tx.collection<Withdrawal>(WITHDRAWALS).doc(_id).set({ data: fields })
}

/** Gives a withdrawal's money back to the shop, in `tx`, and frees its day's maximum if it is still that day. */
async function bookReversal(tx: Transaction, w: Withdrawal, reason: WithdrawalReversal, now: Date): Promise<void> {
  const account = await readAccount(tx, w.shopId, now)
  const sameDay = account.withdrawals.day === w.day
  const day: CommissionAccount['withdrawals'] = sameDay ? { day: w.day, requestedFen: Math.max(0, account.withdrawals.requestedFen - w.amountFen) } : account.withdrawals
  await bookEntries(tx, account, [reverseWithdrawal(withdrawEntryOf(w), reason, now)], now, day)
}

type Move = (w: Withdrawal) => Result<{ withdrawal: Withdrawal; reversal: WithdrawalReversal | null }>

/** Changes one withdrawal in a transaction, booking the money's return with it when the move ends it unpaid. */
function changeWithdrawal(id: string, move: Move, now: Date): Promise<Result<Withdrawal>> {
  return inTransaction(async (tx) => {
    const { data: current } = await tx.collection<Withdrawal>(WITHDRAWALS).doc(id).get()
    if (!current) return fail('COMMISSION_WITHDRAWAL_NOT_FOUND', { withdrawalId: id })
    const moved = move(current)
    if (!moved.ok) return moved
    const { withdrawal, reversal } = moved.data
    if (withdrawal === current) return ok(current)
    await Promise.all([writeWithdrawal(tx, withdrawal), reversal ? bookReversal(tx, withdrawal, reversal, now) : undefined])
    return ok(withdrawal)
  })
}

export interface WithdrawalAsk {
  shopId: string
  payeeOpenid: string
  requestKey: string
  amountFen: number
}

/**
 * The employee asks: decided on the shop's account as the transaction reads it and written back with
 * the `withdraw` entry, so twenty requests at once conflict on the account and are decided one after
 * another — never above the available balance. Under HQ's auto-approve threshold the transfer starts
 * at once; otherwise it waits for HQ.
 */
export async function askWithdrawal(ask: WithdrawalAsk, payout: Payout | null, now: Date): Promise<Result<Withdrawal>> {
  const rules = await currentCommissionRules()
  const id = withdrawalIdOf(ask.requestKey)
  const asked = await inTransaction(async (tx) => {
    const { data: existing } = await tx.collection<Withdrawal>(WITHDRAWALS).doc(id).get()
    if (existing) return ok(existing)
    const account = await readAccount(tx, ask.shopId, now)
    const day = businessDay(now)
    const requestedTodayFen = account.withdrawals.day === day ? account.withdrawals.requestedFen : 0
    const entry = requestWithdrawal(balancesFrom(account.totals), { withdrawalId: id, shopId: ask.shopId, amountFen: ask.amountFen, requestedTodayFen }, rules, now)
    if (!entry.ok) return entry
    const auto = ask.amountFen <= rules.withdrawalAutoApproveMaxFen
    const withdrawal: Withdrawal = {
      _id: id,
      shopId: ask.shopId,
      payeeOpenid: ask.payeeOpenid,
      amountFen: ask.amountFen,
      requestKey: ask.requestKey,
      status: auto ? 'transferring' : 'reviewing',
      requestedAt: now,
      day,
      ...(auto ? { decidedBy: 'auto', decidedAt: now } : {}),
      updatedAt: now,
    }
    // The withdrawal's own document first: the same request sent twice at once conflicts here (and
    // the retry finds it made), before either adds the entry whose id both share.
    await writeWithdrawal(tx, withdrawal)
    await bookEntries(tx, account, [entry.data], now, { day, requestedFen: requestedTodayFen + ask.amountFen })
    return ok(withdrawal)
  })
  if (!asked.ok || asked.data.status !== 'transferring' || asked.data.transfer) return asked
  return ok(await sendTransfer(asked.data._id, payout, now))
}

/** HQ approves (the transfer starts) or rejects (the money goes back to the shop). */
export async function decide(id: string, decision: { approve: true } | { approve: false; reason: string }, admin: string, payout: Payout | null, now: Date): Promise<Result<Withdrawal>> {
  const decided = await changeWithdrawal(id, (w) => decideWithdrawal(w, decision, admin, now), now)
  if (!decided.ok || decided.data.status !== 'transferring') return decided
  return ok(await sendTransfer(id, payout, now))
}

/**
 * Asks WeChat Pay for the withdrawal's transfer under its one bill number. The ask is recorded first,
 * so every later ask — after a lost answer, a crash, a timeout — queries the number before creating:
 * the same money is never sent under two numbers. An unclear answer leaves the withdrawal as it is,
 * for `followUpWithdrawals`.
 */
async function sendTransfer(id: string, payout: Payout | null, now: Date): Promise<Withdrawal> {
  if (!payout) {
    console.error(`withdrawal ${id}: no merchant configured for WeChat Pay transfers; it waits for the follow-up job`)
    return (await withdrawals.doc(id).get()).data!
  }
  const asked = await changeWithdrawal(id, (w) => {
    const next = askTransfer(w, now)
    return next.ok ? ok({ withdrawal: next.data, reversal: null }) : next
  }, now)
  if (!asked.ok) return (await withdrawals.doc(id).get()).data!
  const w = asked.data
  const answer = await payout.transfer({ outBillNo: w._id, openid: w.payeeOpenid, amountFen: w.amountFen, remark: TRANSFER_REMARK }, { retry: w.transfer!.attempts > 1 })
  return (await applyAnswer(id, answer, now)) ?? w
}

/** Applies what WeChat Pay answered; null when the answer says nothing certain. */
async function applyAnswer(id: string, answer: TransferAnswer, now: Date): Promise<Withdrawal | null> {
  if (answer.kind === 'unclear') {
    console.warn(`withdrawal ${id}: unclear answer from WeChat Pay (${answer.detail}); asked again later under the same bill number`)
    return null
  }
  if (answer.kind === 'not_found') return null
  const applied =
    answer.kind === 'bill'
      ? await applyTransferReport(id, answer.bill, now)
      : await changeWithdrawal(id, (w) => {
          console.warn(`withdrawal ${id}: WeChat Pay refused the transfer: ${answer.code} ${answer.message}`)
          return ok(transferRefused(w, answer.code, now))
        }, now)
  return applied.ok ? applied.data : null
}

/** A report on the bill — an answer, a query, a notification — applied to its withdrawal. */
export function applyTransferReport(id: string, report: TransferReport, now: Date): Promise<Result<Withdrawal>> {
  return changeWithdrawal(id, (w) => ok(followTransfer(w, report, now)), now)
}

/** Asks WeChat Pay where the withdrawal's bill stands (after the employee's confirm, or when a notification is late). */
export async function refreshWithdrawal(id: string, payout: Payout | null, now: Date): Promise<Result<Withdrawal>> {
  const { data: w } = await withdrawals.doc(id).get()
  if (!w) return fail('COMMISSION_WITHDRAWAL_NOT_FOUND', { withdrawalId: id })
  if (!w.transfer || !payout) return ok(w)
  return ok((await applyAnswer(id, await payout.query(id), now)) ?? w)
}

/** How long an ask may go unanswered before it is asked again. */
const ASK_AGAIN_MINUTES = 1
/** WeChat Pay ends an unconfirmed transfer after 24 hours; its notification may be late. */
const CONFIRM_HOURS = 24
const CONFIRM_GRACE_MINUTES = 10

/**
 * The timer's follow-up: withdrawals whose transfer is not settled — asked but unanswered, paid out
 * but unreported, or past the 24 hours to confirm — are asked of WeChat Pay again. Returns how many
 * were looked at.
 */
export async function followUpWithdrawals(payout: Payout | null, now: Date, limit = 100): Promise<number> {
  if (!payout) return 0
  const cutoff = addMinutes(now, -ASK_AGAIN_MINUTES)
  const [transferring, waiting] = await Promise.all([
    withdrawals.where({ status: 'transferring', updatedAt: _.lte(cutoff) }).orderBy('updatedAt', 'asc').limit(limit).get(),
    withdrawals.where({ status: 'awaiting_confirm', updatedAt: _.lte(addMinutes(now, -(CONFIRM_HOURS * 60 + CONFIRM_GRACE_MINUTES))) }).orderBy('updatedAt', 'asc').limit(limit).get(),
  ])
  const due = [...transferring.data, ...waiting.data]
  for (const w of due) {
    try {
      if (w.transfer?.transferBillNo) await refreshWithdrawal(w._id, payout, now)
      else await sendTransfer(w._id, payout, now)
    } catch (error) {
      console.error(`withdrawal ${w._id}: follow-up failed, left for the next run:`, error)
    }
  }
  return due.length
}
