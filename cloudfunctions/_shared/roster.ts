import { type RosterRow, rosterDetails } from '../../src/core/roster'
import type { Transaction } from './database'
import { _, db } from './database'

/**
 * One employee on HQ's roster (员工花名册), the only way to become an employee: self-registration does
 * not exist. The document id is the employee number, so everything that changes one employee — a
 * verification, opening their shop, offboarding — writes this one document in its transaction, and two
 * of them at once run one after the other.
 */
export interface RosterEntry {
  /** The employee number. */
  _id: string
  employeeNo: string
  name: string
  department: string
  /** The last 4 digits of the phone HQ has on file; null when HQ gave an invitation code instead. */
  phoneTail: string | null
  inviteCode: string | null
  /** False once HQ has offboarded the employee: they can no longer verify, and their shop is closed. */
  active: boolean
  /** The WeChat account that verified as this employee; kept after offboarding, as history. */
  verifiedOpenid: string | null
  verifiedAt: Date | null
  /** The employee's shop, once opened: one per employee, and a closed one is not replaced. */
  shopId: string | null
  importedAt: Date
  updatedAt: Date
  deactivatedAt: Date | null
}

export const ROSTER = 'roster'
const roster = db.collection<RosterEntry>(ROSTER)

/** A new employee as an import first writes them: active, not yet verified, no shop. */
export const newRosterEntry = (row: RosterRow, now: Date): Omit<RosterEntry, '_id'> => ({
  employeeNo: row.employeeNo,
  ...rosterDetails(row),
  active: true,
  verifiedOpenid: null,
  verifiedAt: null,
  shopId: null,
  importedAt: now,
  updatedAt: now,
  deactivatedAt: null,
})

export async function findEmployee(employeeNo: string): Promise<RosterEntry | null> {
  return (await roster.doc(employeeNo).get()).data
}

export async function readEmployee(tx: Transaction, employeeNo: string): Promise<RosterEntry | null> {
  return (await tx.collection<RosterEntry>(ROSTER).doc(employeeNo).get()).data
}

/** The active roster entry this account verified as; null: not (or no longer) an employee. Served by the verifiedOpenid index. */
export async function employeeOf(openid: string): Promise<RosterEntry | null> {
  return (await roster.where({ verifiedOpenid: openid, active: true }).limit(1).get()).data[0] ?? null
}

/** Which of these accounts are active employees: employees are never bound to a colleague's shop. */
export async function employeesAmong(openids: string[]): Promise<Set<string>> {
  if (openids.length === 0) return new Set()
  const { data } = await roster
    .where({ verifiedOpenid: _.in(openids), active: true })
    .field({ verifiedOpenid: true })
    .limit(openids.length)
    .get()
  return new Set(data.map((entry) => entry.verifiedOpenid!))
}

/** Whether `code` is the entry's phone tail or invitation code. */
export const codeMatches = (entry: Pick<RosterEntry, 'phoneTail' | 'inviteCode'>, code: string): boolean =>
  code === entry.phoneTail || code === entry.inviteCode
