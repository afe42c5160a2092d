import { isBindingLive, reassignBinding } from '../../src/core/attribution'
import { Result, fail, ok } from '../../src/core/result'
import { addMinutes } from '../../src/core/time'
import type { Profile, User } from '../../src/core/user'
import { currentAttributionRules, readBinding, writeBinding } from '../_shared/bindings'
import { inTransaction } from '../_shared/database'
import { ROSTER, RosterEntry, codeMatches, readEmployee } from '../_shared/roster'
import { findUser } from '../_shared/users'

/**
 * Wrong codes an account may send in a rolling hour. A phone tail has 10,000 values: five guesses an
 * hour make guessing one take months, while a typo or two costs nothing.
 */
export const VERIFY_LIMIT = { failures: 5, windowMinutes: 60 }

/** An account's recent wrong codes; its id is the OPENID, so the attempts of one account write one document. */
interface VerifyAttempts {
  _id: string
  failures: Date[]
  updatedAt: Date
}

const ATTEMPTS = 'verify_attempts'

/**
 * Makes the caller the employee of a roster entry: the employee number and its phone tail or
 * invitation code must match, the entry must be active and not verified by another account. The
 * account's role becomes employee (an HQ admin stays admin), and a customer who becomes an employee
 * is no longer bound to a colleague's shop: the binding goes back to HQ.
 *
 * Every attempt reads the account's attempts document and every wrong one writes it, in the
 * transaction that decides, so wrong codes sent at the same instant are counted one after the other
 * and none slips past the limit. A wrong code is a refusal that must be recorded, so the transaction
 * commits its verdict (a Result) instead of rolling back.
 */
export async function verifyEmployee(openid: string, employeeNo: string, code: string, now: Date): Promise<Result<Profile>> {
  const [known, rules] = await Promise.all([findUser(openid), currentAttributionRules()])
  const verdict = await inTransaction<Result<Profile>>(async (tx) => {
    const attemptsRef = tx.collection<VerifyAttempts>(ATTEMPTS).doc(openid)
    const { data: attempts } = await attemptsRef.get()
    const windowStart = addMinutes(now, -VERIFY_LIMIT.windowMinutes)
    const recent = (attempts?.failures ?? []).filter((at) => at > windowStart)
    if (recent.length >= VERIFY_LIMIT.failures) {
      const freeAt = addMinutes(recent[0], VERIFY_LIMIT.windowMinutes)
      return ok(fail('EMPLOYEE_VERIFY_RATE_LIMITED', { retryAfterMinutes: Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 60_000)) }))
    }

    const entry = await readEmployee(tx, employeeNo)
    // An unknown number and a wrong code are one answer, so the roster cannot be probed for numbers.
    if (!entry || !codeMatches(entry, code)) {
      const failures = [...recent, now]
      await attemptsRef.set({ data: { failures, updatedAt: now } })
      return ok(fail('EMPLOYEE_VERIFY_FAILED', { attemptsLeft: VERIFY_LIMIT.failures - failures.length }))
    }
    if (!entry.active) return ok(fail('EMPLOYEE_INACTIVE', { employeeNo }))
    if (entry.verifiedOpenid && entry.verifiedOpenid !== openid) return ok(fail('EMPLOYEE_ALREADY_VERIFIED', { employeeNo, otherAccount: true }))

    const userRef = tx.collection<User>('users').doc(known?._id ?? openid)
    const { data: current } = await userRef.get()
    if (current?.employeeNo && current.employeeNo !== employeeNo) return ok(fail('EMPLOYEE_ALREADY_VERIFIED', { employeeNo: current.employeeNo }))
    const role = current?.role === 'hq_admin' ? 'hq_admin' : 'employee'
    const nickname = current?.nickname || entry.name
    if (current) await userRef.update({ data: { role, employeeNo, nickname } })
    else await userRef.set({ data: { openid, nickname, role, employeeNo, createdAt: now } })
    await tx.collection<RosterEntry>(ROSTER).doc(entry._id).update({ data: { verifiedOpenid: openid, verifiedAt: entry.verifiedAt ?? now, updatedAt: now } })
    if (attempts) await attemptsRef.remove()

    const binding = await readBinding(tx, openid)
    if (binding && isBindingLive(binding, now)) {
      const released = reassignBinding(binding, { to: 'hq' }, { at: now, reason: 'customer_became_employee', byOpenid: null }, rules)
      if (released.ok) await writeBinding(tx, released.data.binding, released.data.history, true)
    }
    return ok(ok<Profile>({ nickname, role, employeeNo }))
  })
  return verdict.ok ? verdict.data : verdict
}
