import {
  CommissionEntry,
  CommissionRules,
  CommissionRulesInput,
  CommissionTotals,
  DEFAULT_COMMISSION_RULES,
  LineEntry,
  NO_COMMISSION,
  commissionRules,
  lineStatesOf,
  reviseCommissionRules,
  totalsAfter,
} from '../../../src/core/commission'
import { businessDay } from '../../../src/core/funnel'
import type { Transaction } from '../database'
import { RulesKind, currentRules } from '../versioned-rules'

/**
 * Where commission lives. `commission_entries` is the ledger: append-only, one document per entry, its
 * id the entry's key — so an entry booked twice is refused by the database itself. Every booking also
 * writes the shop's `commission_accounts` document (its running totals) in the same transaction, so
 * two money moves of one shop at the same time conflict there and one is retried: a balance can never
 * be decided on a figure another move is changing. `commission_orders` holds each order's own entries,
 * which the moves of that order are decided from, and says when the order's commission can be released.
 */
export const COMMISSION_RULES: RulesKind<CommissionRules, CommissionRulesInput> = {
  name: 'commissionRules',
  versions: 'commission_rules',
  schema: commissionRules,
  defaults: DEFAULT_COMMISSION_RULES,
  revise: reviseCommissionRules,
}

export const currentCommissionRules = (): Promise<CommissionRules> => currentRules(COMMISSION_RULES)

/** A shop's commission account: the ledger's running totals, and today's withdrawals. */
export interface CommissionAccount {
  _id: string
  totals: CommissionTotals
  entryCount: number
  /** What was asked to withdraw on `day` (Asia/Shanghai), less what came back: HQ's daily maximum counts it. */
  withdrawals: { day: string; requestedFen: number }
  updatedAt: Date
}

/** An entry as stored: its key is its id, and the business day it belongs to is kept for the by-day view. */
export type StoredEntry = CommissionEntry & { _id: string; day: string }

/** Where an order's commission stands; `frozen` orders are released by the settlement job once due. */
export type OrderCommissionStatus = 'pending' | 'frozen' | 'released' | 'reversed'

export interface OrderCommission {
  _id: string
  shopId: string
  status: OrderCommissionStatus
  /** When the after-sales window ends; null until receipt is confirmed. */
  releasableAt: Date | null
  entries: LineEntry[]
  updatedAt: Date
}

const ACCOUNTS = 'commission_accounts'
const ORDERS = 'commission_orders'
const ENTRIES = 'commission_entries'

export const emptyAccount = (shopId: string, now: Date): CommissionAccount => ({
  _id: shopId,
  totals: NO_COMMISSION,
  entryCount: 0,
  withdrawals: { day: businessDay(now), requestedFen: 0 },
  updatedAt: now,
})

/** The shop's account inside a transaction (empty if it has booked nothing yet). */
export async function readAccount(tx: Transaction, shopId: string, now: Date): Promise<CommissionAccount> {
  return (await tx.collection<CommissionAccount>(ACCOUNTS).doc(shopId).get()).data ?? emptyAccount(shopId, now)
}

/**
 * Books entries of one shop: each as its own ledger document, and the account's totals moved by them,
 * in the caller's transaction. `account` is the account as this transaction read it (`readAccount`);
 * `withdrawals` replaces the account's day counter when the booking changes it.
 */
export async function bookEntries(
  tx: Transaction,
  account: CommissionAccount,
  entries: readonly CommissionEntry[],
  now: Date,
  withdrawals: CommissionAccount['withdrawals'] = account.withdrawals,
): Promise<CommissionAccount> {
  const next: CommissionAccount = {
    ...account,
    totals: totalsAfter(entries, account.totals),
    entryCount: account.entryCount + entries.length,
    withdrawals,
    updatedAt: now,
  }
  const { _id, ...fields } = next
  // The account before the entries: two bookings of one shop at once conflict on it first.
  await tx.collection<CommissionAccount>(ACCOUNTS).doc(_id).set({ data: fields })
  await Promise.all(entries.map((entry) => tx.collection<StoredEntry>(ENTRIES).add({ data: { _id: entry.key, ...entry, day: businessDay(entry.at) } })))
  return next
}

/** An order's commission inside a transaction; null: the order earned none. */
export async function readOrderCommission(tx: Transaction, orderId: string): Promise<OrderCommission | null> {
  return (await tx.collection<OrderCommission>(ORDERS).doc(orderId).get()).data
}

/** Where an order's commission stands after its entries: what is left, and in which state. */
export function orderCommissionAfter(orderId: string, shopId: string, entries: LineEntry[], now: Date): OrderCommission {
  const lines = [...lineStatesOf(entries, orderId).values()]
  const frozen = lines.filter((l) => l.frozenFen > 0)
  const status: OrderCommissionStatus = frozen.length > 0 ? 'frozen' : lines.some((l) => l.pendingFen > 0) ? 'pending' : lines.some((l) => l.releasedFen > 0) ? 'released' : 'reversed'
  const releasableAt = frozen.reduce<Date | null>((latest, l) => (l.releasableAt && (!latest || l.releasableAt > latest) ? l.releasableAt : latest), null)
  return { _id: orderId, shopId, status, releasableAt, entries, updatedAt: now }
}

/** New entries for one order: `current` is the order's commission as the transaction read it (null for a newly paid order). */
export interface OrderEntries {
  orderId: string
  current: OrderCommission | null
  added: LineEntry[]
}

/**
 * Books new entries of one shop's orders, with each order's commission document and the shop's
 * account, all in `tx`. `account` is the account as `tx` read it (read here when not given).
 */
export async function bookOrderEntries(tx: Transaction, shopId: string, orders: OrderEntries[], now: Date, account?: CommissionAccount): Promise<void> {
  const changed = orders.filter((o) => o.added.length > 0)
  if (changed.length === 0) return
  const before = account ?? (await readAccount(tx, shopId, now))
  // The orders' documents and the account first: a move booked twice at once conflicts on them (and is
  // retried, finding it booked) before either adds the entries whose ids both share.
  await Promise.all([
    ...changed.map(({ orderId, current, added }) => {
      const { _id, ...fields } = orderCommissionAfter(orderId, shopId, [...(current?.entries ?? []), ...added], now)
      return tx.collection<OrderCommission>(ORDERS).doc(_id).set({ data: fields })
    }),
  ])
  await bookEntries(tx, before, changed.flatMap((o) => o.added), now)
}
