import { z } from 'zod'
import { singleLevelSettings } from './attribution'
import { prorate } from './money'
import type { Order } from './order'
import { Result, fail, ok } from './result'
import { addDays } from './time'
import { checkWithdrawalAmount } from './withdrawal-limits'

/**
 * Commission (佣金), by the rules of PRODUCT.md: single level — only the shop an order belongs to
 * earns on it; a rate per product, else per category, else the default, in basis points; on the goods
 * amount actually paid after discounts, never shipping; rounded down to the fen. Money moves only by
 * appending entries to a ledger, and every balance is derived from the entries, so a balance can
 * always be explained entry by entry and an entry booked twice is seen by its key.
 */

// The rules HQ configures

/** Why commission rules are refused, besides the single-level refusals of `singleLevelSettings`. */
export const COMMISSION_RULES_PROBLEMS = [
  'COMMISSION_RATE_INVALID',
  'COMMISSION_AFTER_SALES_DAYS_INVALID',
  'COMMISSION_WITHDRAWAL_MINIMUM_INVALID',
  'COMMISSION_WITHDRAWAL_DAILY_MAX_INVALID',
  'COMMISSION_WITHDRAWAL_AUTO_APPROVE_INVALID',
] as const
export type CommissionRulesProblem = (typeof COMMISSION_RULES_PROBLEMS)[number]

const problem = (code: CommissionRulesProblem): string => code

/** A rate is whole basis points from 0 to 10000 (100%): commission can never exceed what was paid. */
const rateBps = z
  .number({ message: problem('COMMISSION_RATE_INVALID') })
  .int(problem('COMMISSION_RATE_INVALID'))
  .min(0, problem('COMMISSION_RATE_INVALID'))
  .max(10000, problem('COMMISSION_RATE_INVALID'))

/** One yuan: WeChat Pay's merchant transfer pays no less (issue 9). */
export const DEFAULT_WITHDRAWAL_MIN_FEN = 100
/** ¥2,000 a day: at and above that amount WeChat wants the payee's real name on a transfer. */
export const DEFAULT_WITHDRAWAL_DAILY_MAX_FEN = 200_000

const commissionSettings = {
  defaultRateBps: rateBps.default(0),
  categoryRatesBps: z.record(z.string(), rateBps).default({}),
  productRatesBps: z.record(z.string(), rateBps).default({}),
  /** 自购返佣: whether an employee earns on what they buy from their own shop. HQ's switch, off by default. */
  selfPurchaseCommission: z.boolean().default(false),
  afterSalesDays: z
    .number({ message: problem('COMMISSION_AFTER_SALES_DAYS_INVALID') })
    .int(problem('COMMISSION_AFTER_SALES_DAYS_INVALID'))
    .min(0, problem('COMMISSION_AFTER_SALES_DAYS_INVALID'))
    .max(90, problem('COMMISSION_AFTER_SALES_DAYS_INVALID'))
    .default(7),
  withdrawalMinFen: z
    .number({ message: problem('COMMISSION_WITHDRAWAL_MINIMUM_INVALID') })
    .int(problem('COMMISSION_WITHDRAWAL_MINIMUM_INVALID'))
    .min(DEFAULT_WITHDRAWAL_MIN_FEN, problem('COMMISSION_WITHDRAWAL_MINIMUM_INVALID'))
    .default(DEFAULT_WITHDRAWAL_MIN_FEN),
  /** The most one shop may ask to withdraw in one day (Asia/Shanghai), all requests together. */
  withdrawalDailyMaxFen: z
    .number({ message: problem('COMMISSION_WITHDRAWAL_DAILY_MAX_INVALID') })
    .int(problem('COMMISSION_WITHDRAWAL_DAILY_MAX_INVALID'))
    .min(DEFAULT_WITHDRAWAL_MIN_FEN, problem('COMMISSION_WITHDRAWAL_DAILY_MAX_INVALID'))
    .default(DEFAULT_WITHDRAWAL_DAILY_MAX_FEN),
  /** Withdrawals up to this amount are approved without HQ; 0: HQ approves every one. */
  withdrawalAutoApproveMaxFen: z
    .number({ message: problem('COMMISSION_WITHDRAWAL_AUTO_APPROVE_INVALID') })
    .int(problem('COMMISSION_WITHDRAWAL_AUTO_APPROVE_INVALID'))
    .min(0, problem('COMMISSION_WITHDRAWAL_AUTO_APPROVE_INVALID'))
    .default(0),
}

/**
 * What HQ sends to change the rules; the version is not theirs to choose. Built with
 * `singleLevelSettings`, so a second level, team pay, a recruiting or a sharing reward is refused by
 * the configuration itself, with the reason.
 */
export const commissionRulesInput = singleLevelSettings(commissionSettings)
export type CommissionRulesInput = z.output<typeof commissionRulesInput>

/** The rules as stored, with their version; read back through this schema too. */
export const commissionRules = singleLevelSettings({ version: z.number().int().min(1), ...commissionSettings })

/** The rules in force. Every commission entry records the version that produced it. */
export type CommissionRules = z.output<typeof commissionRules>

export const DEFAULT_COMMISSION_RULES: CommissionRules = {
  version: 1,
  defaultRateBps: 0,
  categoryRatesBps: {},
  productRatesBps: {},
  selfPurchaseCommission: false,
  afterSalesDays: 7,
  withdrawalMinFen: DEFAULT_WITHDRAWAL_MIN_FEN,
  withdrawalDailyMaxFen: DEFAULT_WITHDRAWAL_DAILY_MAX_FEN,
  withdrawalAutoApproveMaxFen: 0,
}

export const reviseCommissionRules = (current: CommissionRules, change: CommissionRulesInput): CommissionRules => ({
  ...change,
  version: current.version + 1,
})

// Amounts

/** Where a line's rate came from; `hq_order` and `self_purchase` earn nothing. */
export type RateSource = 'product' | 'category' | 'default' | 'hq_order' | 'self_purchase'

export interface CommissionLine {
  lineIndex: number
  productId: string
  /** The goods amount actually paid for the line: its total less its prorated share of discounts. */
  baseFen: number
  rateBps: number
  rateSource: RateSource
  /** floor(baseFen × rateBps / 10000): commissions round down, so the shop is never paid a fen not earned. */
  commissionFen: number
  ruleVersion: number
}

export type CommissionOrder = Pick<Order, '_id' | 'lines' | 'attribution'>

/** The most specific rate wins: the product's, else its category's, else the default. */
export function rateFor(line: { productId: string; categoryId: string }, rules: CommissionRules): { rateBps: number; rateSource: RateSource } {
  const byProduct = rules.productRatesBps[line.productId]
  if (byProduct !== undefined) return { rateBps: byProduct, rateSource: 'product' }
  const byCategory = rules.categoryRatesBps[line.categoryId]
  if (byCategory !== undefined) return { rateBps: byCategory, rateSource: 'category' }
  return { rateBps: rules.defaultRateBps, rateSource: 'default' }
}

/** Rounds down to the fen, in integers so no float error can round a fen up. */
export const commissionOf = (baseFen: number, bps: number): number => Math.floor((baseFen * bps) / 10000)

/**
 * Each line's commission. The base is the line's `paidFen` (pricing prorated the discounts over the
 * lines; shipping is never in it). HQ's orders (no shop) earn nothing, and nor does a self-purchase
 * unless HQ's switch allows it.
 */
export function commissionLines(order: CommissionOrder, rules: CommissionRules): CommissionLine[] {
  const attribution = order.attribution
  const noShop = !attribution || attribution.shopId === null
  const selfPurchaseOff = !!attribution?.selfPurchase && !rules.selfPurchaseCommission
  return order.lines.map((line, lineIndex) => {
    const rate: { rateBps: number; rateSource: RateSource } = noShop
      ? { rateBps: 0, rateSource: 'hq_order' }
      : selfPurchaseOff
        ? { rateBps: 0, rateSource: 'self_purchase' }
        : rateFor(line, rules)
    return {
      lineIndex,
      productId: line.productId,
      baseFen: line.paidFen,
      ...rate,
      commissionFen: commissionOf(line.paidFen, rate.rateBps),
      ruleVersion: rules.version,
    }
  })
}

// The ledger

export type CommissionEntryKind = 'accrue' | 'freeze' | 'release' | 'void' | 'clawback' | 'withdraw' | 'withdrawal_reversed'

interface EntryBase {
  /** Unique in the ledger: booking the same move twice makes the same key, so it is seen and refused. */
  key: string
  shopId: string
  /** Always positive: the kind says which way the money moves. */
  amountFen: number
  at: Date
}

export interface LineEntry extends EntryBase {
  kind: 'accrue' | 'freeze' | 'release' | 'void' | 'clawback'
  orderId: string
  lineIndex: number
  /** The rules version the line's commission was computed under (copied from its accrue entry). */
  ruleVersion: number
  /** accrue only: what the amount was computed from, so refunds reverse it by the same rule. */
  baseFen?: number
  rateBps?: number
  /** freeze only: when the after-sales window ends, fixed when receipt was confirmed. */
  releasableAt?: Date
  /** void only: which balance it takes from. */
  from?: 'pending' | 'frozen'
  /** void and clawback: the refund that caused it. */
  refundId?: string
}

export interface WithdrawalEntry extends EntryBase {
  kind: 'withdraw' | 'withdrawal_reversed'
  withdrawalId: string
  /** withdrawal_reversed only: why the money came back. */
  reason?: WithdrawalReversal
}

export type CommissionEntry = LineEntry | WithdrawalEntry

/** failed: the transfer failed; expired: not confirmed within 24 h; rejected: HQ refused it. */
export type WithdrawalReversal = 'failed' | 'expired' | 'rejected'

export interface CommissionBalances {
  /** Earned on paid orders whose receipt is not confirmed yet. */
  pendingFen: number
  /** Receipt confirmed, inside the after-sales window. */
  frozenFen: number
  /** Can be withdrawn; never below zero. */
  availableFen: number
  /** Withdrawals requested and not reversed (in flight or paid). */
  withdrawnFen: number
  /** What clawbacks took beyond the available balance; future releases pay it first. */
  owedFen: number
}

/**
 * The running sums the balances come from. Released money, less clawbacks and withdrawals, is one
 * figure (`releasedNetFen`): above zero it is available, below zero it is owed — so a debt is carried
 * against every later release without an entry of its own. A shop's account document keeps these
 * sums, moved by each entry it books, so the balances never need the whole ledger read.
 */
export interface CommissionTotals {
  pendingFen: number
  frozenFen: number
  releasedNetFen: number
  withdrawnFen: number
}

export const NO_COMMISSION: CommissionTotals = { pendingFen: 0, frozenFen: 0, releasedNetFen: 0, withdrawnFen: 0 }

/** The sums after `entries`, from `start` (nothing booked, by default). Never changes its input. */
export function totalsAfter(entries: readonly CommissionEntry[], start: CommissionTotals = NO_COMMISSION): CommissionTotals {
  let { pendingFen, frozenFen, releasedNetFen, withdrawnFen } = start
  for (const e of entries) {
    switch (e.kind) {
      case 'accrue':
        pendingFen += e.amountFen
        break
      case 'freeze':
        pendingFen -= e.amountFen
        frozenFen += e.amountFen
        break
      case 'release':
        frozenFen -= e.amountFen
        releasedNetFen += e.amountFen
        break
      case 'void':
        if (e.from === 'frozen') frozenFen -= e.amountFen
        else pendingFen -= e.amountFen
        break
      case 'clawback':
        releasedNetFen -= e.amountFen
        break
      case 'withdraw':
        releasedNetFen -= e.amountFen
        withdrawnFen += e.amountFen
        break
      case 'withdrawal_reversed':
        releasedNetFen += e.amountFen
        withdrawnFen -= e.amountFen
        break
      default: {
        const never: never = e
        throw new Error(`unknown commission entry ${JSON.stringify(never)}`)
      }
    }
  }
  return { pendingFen, frozenFen, releasedNetFen, withdrawnFen }
}

/** The balances a person reads: the available balance never shows below zero, the debt shows as owed. */
export function balancesFrom(totals: CommissionTotals): CommissionBalances {
  const { pendingFen, frozenFen, releasedNetFen, withdrawnFen } = totals
  return { pendingFen, frozenFen, availableFen: Math.max(0, releasedNetFen), withdrawnFen, owedFen: Math.max(0, -releasedNetFen) }
}

/** The balances, derived from the entries alone. */
export const balancesOf = (entries: readonly CommissionEntry[]): CommissionBalances => balancesFrom(totalsAfter(entries))

/** Adds entries to a ledger, refusing the batch if any key is already booked (or repeated in it). */
export function appendEntries(ledger: readonly CommissionEntry[], added: readonly CommissionEntry[]): Result<CommissionEntry[]> {
  const keys = new Set(ledger.map((e) => e.key))
  for (const e of added) {
    if (keys.has(e.key)) return fail('COMMISSION_ENTRY_DUPLICATE', { key: e.key })
    keys.add(e.key)
  }
  return ok([...ledger, ...added])
}

export const isLineEntry = (e: CommissionEntry): e is LineEntry => e.kind !== 'withdraw' && e.kind !== 'withdrawal_reversed'

/** Where one order line's commission stands. */
export interface LineState {
  orderId: string
  lineIndex: number
  shopId: string
  ruleVersion: number
  accruedFen: number
  baseFen: number
  rateBps: number
  pendingFen: number
  frozenFen: number
  /** Released and not clawed back. */
  releasedFen: number
  /** Voided and clawed back so far. */
  reversedFen: number
  releasableAt?: Date
}

/** The order's lines that earned commission, by line index, from the order's entries. */
export function lineStatesOf(entries: readonly CommissionEntry[], orderId: string): Map<number, LineState> {
  const lines = new Map<number, LineState>()
  for (const e of entries) {
    if (!isLineEntry(e) || e.orderId !== orderId) continue
    if (e.kind === 'accrue') {
      lines.set(e.lineIndex, {
        orderId,
        lineIndex: e.lineIndex,
        shopId: e.shopId,
        ruleVersion: e.ruleVersion,
        accruedFen: e.amountFen,
        baseFen: e.baseFen ?? 0,
        rateBps: e.rateBps ?? 0,
        pendingFen: e.amountFen,
        frozenFen: 0,
        releasedFen: 0,
        reversedFen: 0,
      })
      continue
    }
    const line = lines.get(e.lineIndex)
    if (!line) continue
    if (e.kind === 'freeze') {
      line.pendingFen -= e.amountFen
      line.frozenFen += e.amountFen
      line.releasableAt = e.releasableAt
    } else if (e.kind === 'release') {
      line.frozenFen -= e.amountFen
      line.releasedFen += e.amountFen
    } else if (e.kind === 'void') {
      if (e.from === 'frozen') line.frozenFen -= e.amountFen
      else line.pendingFen -= e.amountFen
      line.reversedFen += e.amountFen
    } else {
      line.releasedFen -= e.amountFen
      line.reversedFen += e.amountFen
    }
  }
  return lines
}

const lineEntry = (line: LineState, kind: LineEntry['kind'], amountFen: number, at: Date, key: string, extra: Partial<LineEntry> = {}): LineEntry => ({
  key,
  kind,
  shopId: line.shopId,
  orderId: line.orderId,
  lineIndex: line.lineIndex,
  amountFen,
  ruleVersion: line.ruleVersion,
  at,
  ...extra,
})

// Moves. Each takes the entries booked so far (the order's, or the shop's for withdrawals) and returns
// only the entries to append; it never changes what it is given. Replaying a move that was already
// booked returns nothing new, so a repeated notification or an interrupted job rerun books nothing twice.

/** On payment: each line's commission becomes pending for the order's shop. Lines that earn nothing book nothing. */
export function accrueCommission(entries: readonly CommissionEntry[], order: CommissionOrder, rules: CommissionRules, at: Date): LineEntry[] {
  const shopId = order.attribution?.shopId
  if (!shopId) return []
  const booked = new Set(entries.map((e) => e.key))
  return commissionLines(order, rules)
    .filter((line) => line.commissionFen > 0 && !booked.has(`${order._id}:${line.lineIndex}:accrue`))
    .map((line) => ({
      key: `${order._id}:${line.lineIndex}:accrue`,
      kind: 'accrue' as const,
      shopId,
      orderId: order._id,
      lineIndex: line.lineIndex,
      amountFen: line.commissionFen,
      ruleVersion: line.ruleVersion,
      baseFen: line.baseFen,
      rateBps: line.rateBps,
      at,
    }))
}

/**
 * On receipt confirmed (by the buyer or automatically): what is pending is frozen for the after-sales
 * window, which starts at this moment and ends `afterSalesDays` whole days later — fixed now, so a later
 * change of the rules does not move it.
 */
export function freezeCommission(entries: readonly CommissionEntry[], orderId: string, rules: Pick<CommissionRules, 'afterSalesDays'>, at: Date): LineEntry[] {
  const releasableAt = addDays(at, rules.afterSalesDays)
  const booked = new Set(entries.map((e) => e.key))
  return [...lineStatesOf(entries, orderId).values()]
    .filter((line) => line.pendingFen > 0 && !booked.has(`${orderId}:${line.lineIndex}:freeze`))
    .map((line) => lineEntry(line, 'freeze', line.pendingFen, at, `${orderId}:${line.lineIndex}:freeze`, { releasableAt }))
}

/**
 * After the after-sales window: what is frozen becomes available. The window is [confirmedAt,
 * releasableAt): at `releasableAt` exactly it is over. Refused before then.
 */
export function releaseCommission(entries: readonly CommissionEntry[], orderId: string, at: Date): Result<LineEntry[]> {
  const booked = new Set(entries.map((e) => e.key))
  const due: LineEntry[] = []
  for (const line of lineStatesOf(entries, orderId).values()) {
    if (line.frozenFen <= 0 || booked.has(`${orderId}:${line.lineIndex}:release`)) continue
    if (!line.releasableAt || at < line.releasableAt) {
      return fail('COMMISSION_RELEASE_NOT_DUE', { orderId, releasableAt: line.releasableAt?.toISOString() ?? null })
    }
    due.push(lineEntry(line, 'release', line.frozenFen, at, `${orderId}:${line.lineIndex}:release`))
  }
  return ok(due)
}

export interface CommissionRefund {
  /** The refund's own id (its out_refund_no): one refund reverses once. */
  refundId: string
  /**
   * The goods amount refunded on the order so far, this refund included (shipping excluded). Being
   * cumulative, several partial refunds never reverse more than a full one.
   */
  refundedGoodsFen: number
}

/**
 * On a refund: the refunded goods are spread over the lines in proportion to what each line paid
 * (`prorate`), and each line keeps the commission of what it still has paid — floor((base − refunded)
 * × rate) — so a full refund reverses all of it. What is reversed comes first from what is pending,
 * then frozen (voided: it was never paid out), then from what was released (a clawback: it may leave
 * the shop owing, carried against its next releases).
 */
export function refundCommission(entries: readonly CommissionEntry[], order: Pick<Order, '_id' | 'lines'>, refund: CommissionRefund, at: Date): Result<LineEntry[]> {
  const bases = order.lines.map((l) => l.paidFen)
  const paidGoodsFen = bases.reduce((a, b) => a + b, 0)
  if (!Number.isInteger(refund.refundedGoodsFen) || refund.refundedGoodsFen < 0 || refund.refundedGoodsFen > paidGoodsFen) {
    return fail('COMMISSION_REFUND_AMOUNT_INVALID', { orderId: order._id, refundedGoodsFen: refund.refundedGoodsFen, paidGoodsFen })
  }
  const tag = `:${refund.refundId}`
  if (entries.some((e) => e.key.startsWith(`${order._id}:`) && e.key.endsWith(tag))) return ok([])
  const refundedByLine = prorate(refund.refundedGoodsFen, bases)
  const out: LineEntry[] = []
  for (const line of lineStatesOf(entries, order._id).values()) {
    const keptFen = commissionOf(line.baseFen - (refundedByLine[line.lineIndex] ?? 0), line.rateBps)
    let leftFen = Math.max(0, line.accruedFen - keptFen - line.reversedFen)
    const take = (from: 'pending' | 'frozen', availableFen: number) => {
      const amountFen = Math.min(leftFen, availableFen)
      if (amountFen <= 0) return
      out.push(lineEntry(line, 'void', amountFen, at, `${order._id}:${line.lineIndex}:void-${from}${tag}`, { from, refundId: refund.refundId }))
      leftFen -= amountFen
    }
    take('pending', line.pendingFen)
    take('frozen', line.frozenFen)
    const clawFen = Math.min(leftFen, line.releasedFen)
    if (clawFen > 0) out.push(lineEntry(line, 'clawback', clawFen, at, `${order._id}:${line.lineIndex}:clawback${tag}`, { refundId: refund.refundId }))
  }
  return ok(out)
}

export interface WithdrawalRequest {
  withdrawalId: string
  shopId: string
  amountFen: number
  /** What the shop has asked to withdraw so far today (Asia/Shanghai), less what came back. */
  requestedTodayFen: number
}

/**
 * A withdrawal takes money out of the available balance at once, before it is paid, so a second
 * request sees the smaller balance: never above what is available, never below HQ's minimum, never
 * past HQ's daily maximum. Decided on the balances the shop's account document holds, which the
 * booking writes back: two requests at once conflict there, and the second is decided again.
 */
export function requestWithdrawal(
  balances: CommissionBalances,
  request: WithdrawalRequest,
  rules: Pick<CommissionRules, 'withdrawalMinFen' | 'withdrawalDailyMaxFen'>,
  at: Date,
): Result<WithdrawalEntry> {
  const checked = checkWithdrawalAmount(request.amountFen, {
    availableFen: balances.availableFen,
    minFen: rules.withdrawalMinFen,
    dailyMaxFen: rules.withdrawalDailyMaxFen,
    leftTodayFen: Math.max(0, rules.withdrawalDailyMaxFen - request.requestedTodayFen),
  })
  if (!checked.ok) return checked
  return ok({ key: `withdrawal:${request.withdrawalId}:withdraw`, kind: 'withdraw', shopId: request.shopId, withdrawalId: request.withdrawalId, amountFen: request.amountFen, at })
}

/**
 * A withdrawal that failed, expired unconfirmed or was rejected gives its whole amount back. Its key is
 * the withdrawal's, so it can be booked once only.
 */
export const reverseWithdrawal = (withdraw: WithdrawalEntry, reason: WithdrawalReversal, at: Date): WithdrawalEntry => ({
  key: `withdrawal:${withdraw.withdrawalId}:reversed`,
  kind: 'withdrawal_reversed',
  shopId: withdraw.shopId,
  withdrawalId: withdraw.withdrawalId,
  amountFen: withdraw.amountFen,
  reason,
  at,
})
