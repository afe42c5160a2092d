import { makeAutoObservable, runInAction } from 'mobx'
import type { CommissionSummary, LedgerEntryView, WithdrawalView } from '../contracts/commission'
import { commissionFunction } from '../contracts/functions'
import { parseHundredths } from '../core/money'
import { checkWithdrawalAmount } from '../core/withdrawal-limits'
import { CloudError, type CloudClient } from '../services/cloud'
import type { TransferSheet } from '../services/transfer'
import { attempt, IDLE, refresh, type LoadState, type Outcome } from './load-state'
import { PagedList } from './paged-list'
import { newRequestId } from './request-id'

/** How long to wait before each new question about a confirmed transfer: about half a minute in all. */
const FOLLOW_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000]

/** A ledger entry keyed for PagedList by its ledger key. */
export type LedgerRow = LedgerEntryView & { _id: string }

/**
 * 佣金: the employee's balances and days, the ledger, and withdrawals — asking for one, confirming
 * receipt of its transfer in WeChat's 确认收款 page, and following it to its end.
 */
export class CommissionStore {
  summary: LoadState<CommissionSummary> = IDLE
  entries: PagedList<LedgerRow>
  withdrawals: PagedList<WithdrawalView>
  /** The withdrawal whose 确认收款 is open or being checked: its button waits. */
  confirming: string | null = null

  constructor(
    private readonly cloud: CloudClient,
    private readonly sheet: TransferSheet,
  ) {
    this.entries = this.entryList()
    this.withdrawals = this.withdrawalList()
    makeAutoObservable<CommissionStore, 'cloud' | 'sheet'>(this, { cloud: false, sheet: false, entries: false, withdrawals: false })
  }

  loadSummary(): Promise<void> {
    return refresh(this.summary, () => this.cloud.call(commissionFunction, 'getSummary', {}), (state) => { this.summary = state })
  }

  /** One visit of the 提现 page (it carries the request id). */
  withdrawalForm(): WithdrawalForm {
    return new WithdrawalForm(this)
  }

  /**
   * 确认收款: WeChat's page for the transfer, then the server asks WeChat Pay how it went (the
   * notification may have told it already). Resolves with the withdrawal as it stands afterwards.
   */
  async confirmReceipt(withdrawal: WithdrawalView): Promise<Outcome<WithdrawalView>> {
    if (!withdrawal.confirm || this.confirming) return { ok: false, error: new CloudError('WITHDRAWAL_NOT_AWAITING_CONFIRM') }
    this.confirming = withdrawal._id
    const outcome = await attempt(async () => {
      await this.sheet.confirm(withdrawal.confirm!)
      return this.cloud.call(commissionFunction, 'refreshWithdrawal', { withdrawalId: withdrawal._id })
    })
    runInAction(() => { this.confirming = null })
    if (!outcome.ok) return outcome
    this.show(outcome.data)
    if (outcome.data.status === 'transferring') void this.follow(outcome.data._id)
    return outcome
  }

  /**
   * After the confirm WeChat Pay pays within seconds: ask again a few times while the transfer is on
   * its way, so the row turns 已到账 without a pull-down (the notification may have settled it first).
   */
  private async follow(withdrawalId: string): Promise<void> {
    for (const delayMs of FOLLOW_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      const outcome = await this.refreshWithdrawal(withdrawalId)
      if (outcome.ok && outcome.data.status !== 'transferring') return
    }
  }

  /** Where one withdrawal stands now, as the server has it from WeChat Pay. */
  async refreshWithdrawal(withdrawalId: string): Promise<Outcome<WithdrawalView>> {
    const outcome = await attempt(() => this.cloud.call(commissionFunction, 'refreshWithdrawal', { withdrawalId }))
    if (outcome.ok) this.show(outcome.data)
    return outcome
  }

  /** Asked by the form: one request id per visit, so a double tap finds the withdrawal the first tap made. */
  request(requestId: string, amountFen: number): Promise<Outcome<WithdrawalView>> {
    return attempt(async () => {
      const withdrawal = await this.cloud.call(commissionFunction, 'requestWithdrawal', { requestId, amountFen })
      this.show(withdrawal)
      return withdrawal
    })
  }

  /** H5: another persona is the caller now; nothing shown here was theirs. */
  reset(): void {
    this.summary = IDLE
    this.confirming = null
    this.entries = this.entryList()
    this.withdrawals = this.withdrawalList()
  }

  /** A withdrawal moved: its row shows the move, and the balances and ledger are read again. */
  private show(withdrawal: WithdrawalView): void {
    const listed = this.withdrawals.items.some((w) => w._id === withdrawal._id)
    if (listed) this.withdrawals.replace(withdrawal._id, withdrawal)
    else void this.withdrawals.refresh()
    void this.loadSummary()
    void this.entries.refresh()
  }

  private entryList(): PagedList<LedgerRow> {
    return new PagedList(async (page, pageSize) => {
      const answer = await this.cloud.call(commissionFunction, 'listEntries', { page, pageSize })
      return { ...answer, items: answer.items.map((entry) => ({ ...entry, _id: entry.key })) }
    })
  }

  private withdrawalList(): PagedList<WithdrawalView> {
    return new PagedList((page, pageSize) => this.cloud.call(commissionFunction, 'listWithdrawals', { page, pageSize }))
  }
}

/**
 * One visit of the 提现 page. Its request id is made once, when the visit starts, and sent with every
 * 提现 of the visit: a double tap, or a retry after a lost answer, finds the withdrawal the first tap
 * made. The amount is checked against the balances shown before it is sent, with the server's words.
 */
export class WithdrawalForm {
  readonly requestId = newRequestId()
  amountText = ''
  error: CloudError | null = null
  submitting = false
  /** What this visit's request made; the form shows it in place of the button. */
  made: WithdrawalView | null = null
  private pending: Promise<Outcome<WithdrawalView>> | null = null

  constructor(private readonly store: CommissionStore) {
    makeAutoObservable<WithdrawalForm, 'store' | 'pending'>(this, { store: false, requestId: false, pending: false })
  }

  setAmount(text: string): void {
    this.amountText = text
    this.error = null
  }

  /** 全部提现: as much as the balance and today's maximum allow. */
  fillAll(summary: CommissionSummary): void {
    this.setAmount((Math.min(summary.balances.availableFen, summary.withdrawal.leftTodayFen) / 100).toFixed(2))
  }

  /** A second tap while the first is on its way gets the first one's answer. */
  submit(summary: CommissionSummary): Promise<Outcome<WithdrawalView>> {
    this.pending ??= this.send(summary).finally(() => { this.pending = null })
    return this.pending
  }

  private async send(summary: CommissionSummary): Promise<Outcome<WithdrawalView>> {
    const amountFen = parseHundredths(this.amountText)
    if (Number.isNaN(amountFen)) return this.refuse(new CloudError('WITHDRAW_AMOUNT_INVALID'))
    const checked = checkWithdrawalAmount(amountFen, { availableFen: summary.balances.availableFen, ...summary.withdrawal })
    if (!checked.ok) return this.refuse(new CloudError(checked.error.code, checked.error.details))
    this.submitting = true
    this.error = null
    const outcome = await this.store.request(this.requestId, amountFen)
    runInAction(() => {
      this.submitting = false
      if (outcome.ok) this.made = outcome.data
      else this.error = outcome.error
    })
    return outcome
  }

  private refuse(error: CloudError): Outcome<never> {
    this.error = error
    return { ok: false, error }
  }
}
