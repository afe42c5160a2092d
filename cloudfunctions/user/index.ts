import { userContract } from '../../src/contracts/user'
import { ok } from '../../src/core/result'
import type { Profile } from '../../src/core/user'
import { defineFunction } from '../_shared/edge'
import { ensureUser, profileOf } from '../_shared/users'

export const main = defineFunction(userContract, {
  /** The signed-in caller, met for the first time as a consumer; null only without an OPENID. */
  getProfile: {
    access: 'anyone',
    async handle(_input, caller, now) {
      return ok<Profile | null>(caller.openid ? profileOf(await ensureUser(caller.openid, now)) : null)
    },
  },
})
