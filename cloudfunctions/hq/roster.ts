import {
  AttributionRules,
  Binding,
  BindingChange,
  ReassignContext,
  ReassignTarget,
  expireBinding,
  isBindingLive,
  reassignBinding,
} from '../../src/core/attribution'
import { Result, fail, ok } from '../../src/core/result'
import { type RosterRow, rosterDetails } from '../../src/core/roster'
import { transitionShop } from '../../src/core/shop'
import type { User } from '../../src/core/user'
import { activeCustomersOf, changeBinding, currentAttributionRules } from '../_shared/bindings'
import { _, inTransaction } from '../_shared/database'
import { ROSTER, RosterEntry, employeesAmong, findEmployee, newRosterEntry, readEmployee } from '../_shared/roster'
import { readShop, writeShop } from '../_shared/shops'
import { findUser } from '../_shared/users'
import { resolveTarget, type TargetChoice } from './reassign'

/** Rows imported at once; each is its own transaction. */
const IMPORT_PARALLEL = 10
/** Customers moved at once when an employee leaves. */
const MOVE_BATCH = 50

/** Runs `work` over `items`, `parallel` at a time. */
async function inGroups<T, R>(items: T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += parallel) results.push(...(await Promise.all(items.slice(i, i + parallel).map(work))))
  return results
}

/**
 * Adds or updates roster rows by employee number (a later row of the same number wins). The row is
 * HQ's truth for the name, department and codes; whether someone verified, their shop and an
 * offboarding are kept: an import never reactivates an employee HQ has offboarded.
 */
export async function importRoster(rows: RosterRow[], now: Date): Promise<Result<{ added: number; updated: number }>> {
  const latest = [...new Map(rows.map((row) => [row.employeeNo, row])).values()]
  const outcomes = await inGroups(latest, IMPORT_PARALLEL, (row) =>
    inTransaction(async (tx) => {
      const ref = tx.collection<RosterEntry>(ROSTER).doc(row.employeeNo)
      const { data: current } = await ref.get()
      if (current) await ref.update({ data: { ...rosterDetails(row), updatedAt: now } })
      else await ref.set({ data: newRosterEntry(row, now) })
      return ok(current ? ('updated' as const) : ('added' as const))
    }),
  )
  const count = (kind: 'added' | 'updated') => outcomes.filter((o) => o.ok && o.data === kind).length
  return ok({ added: count('added'), updated: count('updated') })
}

/**
 * Offboarding. In one transaction: the roster entry becomes inactive (no more verifying), the account
 * goes back to being a consumer (an HQ admin keeps their role), the shop closes (the system's move).
 * Then every customer bound to the shop moves to HQ or to the named colleague's shop, one transaction
 * each, each move in the binding history; a customer who is an employee, or the colleague, goes to HQ
 * (no one is bound to a colleague or to their own shop). A move that fails does not stop the others,
 * and running the offboarding again moves whoever is left.
 */
export async function deactivateEmployee(
  admin: string,
  employeeNo: string,
  reassignTo: TargetChoice,
  now: Date,
): Promise<Result<{ shopClosed: boolean; customersMoved: number }>> {
  const found = await findEmployee(employeeNo)
  if (!found) return fail('EMPLOYEE_NOT_FOUND', { employeeNo })
  const [target, rules, user] = await Promise.all([resolveTarget(reassignTo), currentAttributionRules(), found.verifiedOpenid ? findUser(found.verifiedOpenid) : null])
  if (!target.ok) return target
  if (target.data.to === 'shop' && target.data.shop._id === found.shopId) return fail('SHOP_NOT_ACTIVE', { shopId: found.shopId, closing: true })

  const offboarded = await inTransaction(async (tx) => {
    const entry = await readEmployee(tx, employeeNo)
    if (!entry) return fail('EMPLOYEE_NOT_FOUND', { employeeNo })
    if (entry.active) await tx.collection<RosterEntry>(ROSTER).doc(employeeNo).update({ data: { active: false, deactivatedAt: now, updatedAt: now } })
    if (user) {
      const ref = tx.collection<User>('users').doc(user._id)
      const { data: account } = await ref.get()
      if (account?.employeeNo === employeeNo) {
        await ref.update({ data: { role: account.role === 'employee' ? 'consumer' : account.role, employeeNo: _.remove() } })
      }
    }
    const shop = entry.shopId ? await readShop(tx, entry.shopId) : null
    if (!shop || shop.status === 'closed') return ok({ shopId: shop?._id ?? null, shopClosed: false })
    const closed = transitionShop(shop, 'close', { kind: 'system' }, now)
    if (!closed.ok) return closed
    await writeShop(tx, closed.data)
    return ok({ shopId: shop._id, shopClosed: true })
  })
  if (!offboarded.ok) return offboarded
  const { shopId, shopClosed } = offboarded.data
  const customersMoved = shopId ? await moveCustomers(shopId, target.data, { at: now, reason: 'owner_offboarded', byOpenid: admin }, rules) : 0
  return ok({ shopClosed, customersMoved })
}

/** Moves the closed shop's customers batch by batch; answers how many moved. */
async function moveCustomers(shopId: string, target: ReassignTarget, context: ReassignContext, rules: AttributionRules): Promise<number> {
  let moved = 0
  for (let after: string | null = null; ; ) {
    const customers = await activeCustomersOf(shopId, after, MOVE_BATCH)
    if (customers.length === 0) return moved
    const employees = await employeesAmong(customers)
    const outcomes = await Promise.allSettled(
      customers.map((customer) => changeBinding(customer, (binding) => offboardBinding(binding, shopId, target, { ...context, customerIsEmployee: employees.has(customer) }, rules))),
    )
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected') console.error(`offboarding ${shopId}: moving ${customers[i]} failed`, outcome.reason)
      else if (!outcome.value.ok) console.error(`offboarding ${shopId}: moving ${customers[i]} refused`, outcome.value.error)
      else if (outcome.value.data.history.some((entry) => entry.kind === 'reassign')) moved++
    })
    if (customers.length < MOVE_BATCH) return moved
    after = customers[customers.length - 1]
  }
}

/**
 * What offboarding does to one binding, as it is in the transaction: nothing if it has left the shop
 * meanwhile; an expiry if its window ran out; else a move to the target, or to HQ for a customer the
 * target shop may not have.
 */
function offboardBinding(binding: Binding, shopId: string, target: ReassignTarget, context: ReassignContext, rules: AttributionRules): Result<BindingChange> {
  if (binding.shopId !== shopId || binding.status !== 'active') return ok({ binding, history: [] })
  if (!isBindingLive(binding, context.at)) return ok(expireBinding(binding, context.at))
  const theirs = target.to === 'shop' && !context.customerIsEmployee && target.shop.ownerOpenid !== binding.customerOpenid
  return reassignBinding(binding, theirs ? target : { to: 'hq' }, context, rules)
}
