import { userContract } from '../../src/contracts/user'
import { ok } from '../../src/core/result'
import type { Profile } from '../../src/core/user'
import { defineFunction } from '../_shared/edge'
import { hqRoleOf } from '../_shared/hq-staff'
import { ensureUser, profileOf } from '../_shared/users'

export const main = defineFunction(userContract, {
  /** The signed-in caller, met for the first time as a consumer, with their HQ role; null only without an OPENID. */
  getProfile: {
    access: 'anyone',
    async handle(_input, caller, now) {
      if (!caller.openid) return ok<Profile | null>(null)
      const [user, hqRole] = await Promise.all([ensureUser(caller.openid, now), hqRoleOf(caller.openid, now)])
      return ok<Profile | null>(profileOf(user, hqRole))
    },
  },
})
