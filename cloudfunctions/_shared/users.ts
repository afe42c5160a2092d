import { ok } from '../../src/core/result'
import type { HqRole } from '../../src/core/hq'
import type { Profile, User } from '../../src/core/user'
import { db, inTransaction } from './database'

const users = db.collection<User>('users')

/** The person with this OPENID as the shop knows them (served by the unique openid index); null: never met. */
export async function findUser(openid: string): Promise<User | null> {
  return (await users.where({ openid }).limit(1).get()).data[0] ?? null
}

/**
 * The caller's `users` document, made on first contact as a consumer. A new document's id is the
 * OPENID, so two first calls at once write the same document: the second transaction conflicts and,
 * run again, finds the first one's (older documents keep the id they were added with).
 */
export async function ensureUser(openid: string, now: Date): Promise<User> {
  const known = await findUser(openid)
  if (known) return known
  const met = await inTransaction(async (tx) => {
    const ref = tx.collection<User>('users').doc(openid)
    const { data: current } = await ref.get()
    if (current) return ok(current)
    const user: User = { _id: openid, openid, nickname: '', role: 'consumer', createdAt: now }
    const { _id, ...fields } = user
    await ref.set({ data: fields })
    return ok(user)
  })
  if (!met.ok) throw new Error(`ensureUser: ${met.error.code}`)
  return met.data
}

export const profileOf = (user: User, hqRole: HqRole | null = null): Profile => ({
  nickname: user.nickname,
  role: user.role,
  ...(user.employeeNo ? { employeeNo: user.employeeNo } : {}),
  ...(hqRole ? { hqRole } : {}),
})
