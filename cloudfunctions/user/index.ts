import { userContract } from '../../src/contracts/user'
import { ok } from '../../src/core/result'
import type { Profile } from '../../src/core/user'
import { defineFunction } from '../_shared/edge'
import { hqRoleOf } from '../_shared/hq-staff'
import { subscribeTemplates } from '../_shared/notifications/config'
import { recordSubscriptions } from '../_shared/notifications/subscriptions'
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
  subscriptionTemplates: {
    access: 'anyone',
    handle: async () => ok(Object.fromEntries(Object.entries(subscribeTemplates()).map(([kind, template]) => [kind, template.id]))),
  },
  recordSubscriptions: {
    access: 'caller',
    handle: async ({ answers }, caller, now) => ok(await recordSubscriptions(caller.openid, answers, subscribeTemplates(), now)),
  },
})
