import { userContract } from '../../src/contracts/user'
import { ok } from '../../src/core/result'
import type { Profile, User } from '../../src/core/user'
import { db } from '../_shared/database'
import { defineFunction } from '../_shared/edge'

export const main = defineFunction(userContract, {
  getProfile: {
    access: 'anyone',
    async handle(_input, caller) {
      if (!caller.openid) return ok<Profile | null>(null)
      const { data } = await db.collection<User>('users').where({ openid: caller.openid }).limit(1).get()
      const user = data[0]
      return ok<Profile | null>(user ? { nickname: user.nickname, role: user.role, employeeNo: user.employeeNo } : null)
    },
  },
})
