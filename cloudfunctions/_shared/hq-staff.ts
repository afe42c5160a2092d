import { HqMember, HqRole, changeMember } from '../../src/core/hq'
import { Result, fail, ok } from '../../src/core/result'
import { Transaction, db, inTransaction } from './database'
import { HQ_BOOTSTRAP_OPENID } from './hq-bootstrap'
import { readEmployee } from './roster'

/** HQ's staff, one document per member, id: the OPENID. */
export const HQ_ADMINS = 'hq_admins'

/**
 * How many full admins HQ has, in one document every change of a full admin writes in its transaction:
 * two admins narrowing each other at once conflict and run one after the other, so the second sees
 * the first's change and HQ never ends without one.
 */
const FULL_ADMINS = { collection: 'settings', id: 'hqAdmins' }

const members = db.collection<HqMember>(HQ_ADMINS)

async function readFullAdmins(tx: Transaction): Promise<number> {
  const { data } = await tx.collection<{ fullAdmins: number }>(FULL_ADMINS.collection).doc(FULL_ADMINS.id).get()
  return data?.fullAdmins ?? 0
}

const writeFullAdmins = (tx: Transaction, fullAdmins: number, now: Date) =>
  tx.collection<{ fullAdmins: number; updatedAt: Date }>(FULL_ADMINS.collection).doc(FULL_ADMINS.id).set({ data: { fullAdmins, updatedAt: now } })

/** The caller's HQ role, or null: not HQ staff. */
export async function hqRoleOf(openid: string, now: Date): Promise<HqRole | null> {
  const { data: member } = await members.doc(openid).get()
  if (member) return member.role
  if (openid !== process.env[HQ_BOOTSTRAP_OPENID]?.trim()) return null
  return (await enrollFirstAdmin(openid, now)) ? 'hq_admin' : null
}

/** Makes the bootstrap OPENID the first full admin, if HQ has none; false when it already has one. */
async function enrollFirstAdmin(openid: string, now: Date): Promise<boolean> {
  const enrolled = await inTransaction(async (tx) => {
    if ((await readFullAdmins(tx)) > 0) return ok(false)
    const member: Omit<HqMember, '_id'> = { openid, role: 'hq_admin', name: '初始管理员', employeeNo: null, addedByOpenid: null, addedAt: now, updatedAt: now }
    await tx.collection<HqMember>(HQ_ADMINS).doc(openid).set({ data: member })
    await writeFullAdmins(tx, 1, now)
    return ok(true)
  })
  return enrolled.ok && enrolled.data
}

/** HQ's staff in the order they joined (a handful of people: one page holds them all). */
export async function listMembers(): Promise<HqMember[]> {
  return (await members.orderBy('addedAt', 'asc').limit(100).get()).data
}

/**
 * Makes a verified employee HQ staff with `role`, or changes the role of one who is already; narrowing
 * the last full admin is refused.
 */
export function setMember(byOpenid: string, employeeNo: string, role: HqRole, now: Date): Promise<Result<HqMember>> {
  return inTransaction(async (tx) => {
    const employee = await readEmployee(tx, employeeNo)
    if (!employee) return fail('EMPLOYEE_NOT_FOUND', { employeeNo })
    if (!employee.active) return fail('EMPLOYEE_INACTIVE', { employeeNo })
    if (!employee.verifiedOpenid) return fail('HQ_EMPLOYEE_NOT_VERIFIED', { employeeNo })
    const ref = tx.collection<HqMember>(HQ_ADMINS).doc(employee.verifiedOpenid)
    const { data: current } = await ref.get()
    const fullAdmins = await readFullAdmins(tx)
    if (current) {
      const allowed = changeMember(current, role, fullAdmins)
      if (!allowed.ok) return allowed
    }
    const member: HqMember = {
      _id: employee.verifiedOpenid,
      openid: employee.verifiedOpenid,
      role,
      name: employee.name,
      employeeNo,
      addedByOpenid: current?.addedByOpenid ?? byOpenid,
      addedAt: current?.addedAt ?? now,
      updatedAt: now,
    }
    const { _id, ...fields } = member
    await ref.set({ data: fields })
    const change = (role === 'hq_admin' ? 1 : 0) - (current?.role === 'hq_admin' ? 1 : 0)
    if (change !== 0) await writeFullAdmins(tx, fullAdmins + change, now)
    return ok(member)
  })
}

/** Removes a member from HQ's staff; the last full admin stays. */
export function removeMember(openid: string, now: Date): Promise<Result<{ removed: string }>> {
  return inTransaction(async (tx) => {
    const ref = tx.collection<HqMember>(HQ_ADMINS).doc(openid)
    const { data: member } = await ref.get()
    if (!member) return fail('HQ_MEMBER_NOT_FOUND', { openid })
    const fullAdmins = await readFullAdmins(tx)
    const allowed = changeMember(member, null, fullAdmins)
    if (!allowed.ok) return allowed
    await ref.remove()
    if (member.role === 'hq_admin') await writeFullAdmins(tx, fullAdmins - 1, now)
    return ok({ removed: openid })
  })
}
