import {
  DEFAULT_MEMBER_RULES,
  MemberRules,
  MemberRulesInput,
  PointsEntryKind,
  keptGoodsFenOf,
  memberRules,
  pointsEarnedOn,
  pointsSpentOn,
  pointsTakenBack,
  reviseMemberRules,
  spentPointsBack,
} from '../../../src/core/member'
import type { Order } from '../../../src/core/order'
import { fail } from '../../../src/core/result'
import { Transaction, db, refuseTransaction } from '../database'
import type { RulesKind } from '../versioned-rules'

/** HQ's points and member level rules (settings/memberRules; every version in member_rules). */
export const MEMBER_RULES: RulesKind<MemberRules, MemberRulesInput> = {
  name: 'memberRules',
  versions: 'member_rules',
  schema: memberRules,
  defaults: DEFAULT_MEMBER_RULES,
  revise: reviseMemberRules,
}

/**
 * Where points live. `points_ledger` is the ledger: append-only, one document per entry, its id the
 * entry's key (the order number or refund number and what happened), so an entry booked twice is
 * refused by the database itself. The buyer's `member_accounts` document (id: the openid) keeps the
 * ledger's sum and the buyer's completed spend, written in the transaction of every entry: two moves
 * of one buyer's points at once conflict there, so a balance is never decided on a figure another
 * move is changing, and a spend is never more than the balance.
 */
export interface MemberAccount {
  _id: string
  /** The sum of the buyer's points ledger. */
  balance: number
  /** Goods money of completed orders, net of their refunds since: what the member level follows. */
  completedSpendFen: number
  updatedAt: Date
}

export interface PointsEntry {
  _id: string
  openid: string
  kind: PointsEntryKind
  /** Signed: what the entry adds to the balance. */
  points: number
  orderNo: string
  /** For an earn entry: the rate it was earned at, so a later refund takes back at the same rate. */
  earnPointsPer100Yuan?: number
  at: Date
}

const ACCOUNTS = 'member_accounts'
const LEDGER = 'points_ledger'

export const emptyMemberAccount = (openid: string, now: Date): MemberAccount => ({ _id: openid, balance: 0, completedSpendFen: 0, updatedAt: now })

/** The buyer's account outside a transaction: checkout's terms and the member pages. */
export async function readMemberAccount(openid: string, now: Date): Promise<MemberAccount> {
  return (await db.collection<MemberAccount>(ACCOUNTS).doc(openid).get()).data ?? emptyMemberAccount(openid, now)
}

const readAccountIn = async (tx: Transaction, openid: string, now: Date) => (await tx.collection<MemberAccount>(ACCOUNTS).doc(openid).get()).data ?? emptyMemberAccount(openid, now)

type NewEntry = Omit<PointsEntry, '_id' | 'openid' | 'at'> & { key: string }

/** Writes the account as it stands after `entries` (points of zero are not booked), and the entries, in `tx`. */
async function book(tx: Transaction, account: MemberAccount, entries: NewEntry[], spendChangeFen: number, now: Date): Promise<void> {
  const booked = entries.filter((e) => e.points !== 0)
  const { _id, ...fields } = account
  await Promise.all([
    tx.collection<MemberAccount>(ACCOUNTS).doc(_id).set({
      data: { ...fields, balance: account.balance + booked.reduce((sum, e) => sum + e.points, 0), completedSpendFen: Math.max(0, account.completedSpendFen + spendChangeFen), updatedAt: now },
    }),
    ...booked.map(({ key, ...entry }) => tx.collection<PointsEntry>(LEDGER).add({ data: { _id: key, openid: _id, ...entry, at: now } })),
  ])
}

/**
 * Placing an order that spends points takes them off the balance, or refuses the order when the
 * balance no longer holds them; an order never paid (cancelled, expired, payment refused) gives them back.
 */
export async function moveSpentPoints(tx: Transaction, order: Order, kind: 'spend' | 'unspend', now: Date): Promise<void> {
  const spent = pointsSpentOn(order)
  if (spent === 0) return
  const account = await readAccountIn(tx, order.buyerOpenid, now)
  if (kind === 'spend' && account.balance < spent) refuseTransaction(fail('POINTS_INSUFFICIENT', { balance: account.balance }))
  await book(tx, account, [{ key: `${order.orderNo}:${kind}`, kind, points: kind === 'spend' ? -spent : spent, orderNo: order.orderNo }], 0, now)
}

/** A completed order earns points on the goods money it kept, at HQ's rate now, and counts that money towards the level. */
export async function creditOrderPoints(tx: Transaction, order: Order, rulesNow: () => Promise<MemberRules>, now: Date): Promise<void> {
  const keptFen = keptGoodsFenOf(order)
  if (keptFen <= 0) return
  const [account, { earnPointsPer100Yuan }] = await Promise.all([readAccountIn(tx, order.buyerOpenid, now), rulesNow()])
  const earned = pointsEarnedOn(keptFen, earnPointsPer100Yuan)
  await book(tx, account, [{ key: `${order.orderNo}:earn`, kind: 'earn', points: earned, orderNo: order.orderNo, earnPointsPer100Yuan }], keptFen, now)
}

/**
 * A refund that succeeded gives back its share of the spent points; of a completed order, it also
 * takes back the points its money earned (at the rate they were earned at, never below a zero
 * balance) and takes its money off the completed spend.
 */
export async function reverseOrderPoints(tx: Transaction, before: Order, after: Order, now: Date): Promise<void> {
  const back = spentPointsBack(after) - spentPointsBack(before)
  const completed = before.status === 'completed'
  if (back === 0 && !completed) return
  const refundNo = after.refund!.outRefundNo
  const [account, earn] = await Promise.all([
    readAccountIn(tx, after.buyerOpenid, now),
    completed ? tx.collection<PointsEntry>(LEDGER).doc(`${after.orderNo}:earn`).get().then((r) => r.data) : null,
  ])
  const keptBeforeFen = keptGoodsFenOf(before)
  const keptAfterFen = keptGoodsFenOf(after)
  const takenBack = earn?.earnPointsPer100Yuan ? pointsTakenBack(earn.earnPointsPer100Yuan, keptBeforeFen, keptAfterFen, account.balance + back) : 0
  await book(
    tx,
    account,
    [
      { key: `${refundNo}:back`, kind: 'refund_back', points: back, orderNo: after.orderNo },
      { key: `${refundNo}:takeback`, kind: 'refund_takeback', points: -takenBack, orderNo: after.orderNo },
    ],
    completed ? keptAfterFen - keptBeforeFen : 0,
    now,
  )
}
