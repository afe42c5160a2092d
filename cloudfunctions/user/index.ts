import { z } from 'zod'
import { ok } from '../../src/core/result'
import type { Profile, User } from '../../src/core/user'
import { db } from '../_shared/database'
import { action, defineFunction } from '../_shared/edge'

export const main = defineFunction('user', {
  /** The caller as the shop knows them, or null for someone it has not met yet. */
  getProfile: action({
    input: z.object({}).strict(),
    async handle(_input, caller) {
      if (!caller.openid) return ok<Profile | null>(null)
      const { data } = await db.collection<User>('users').where({ openid: caller.openid }).limit(1).get()
      const user = data[0]
      return ok<Profile | null>(user ? { nickname: user.nickname, role: user.role, employeeNo: user.employeeNo } : null)
    },
  }),
})
