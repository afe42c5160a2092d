import { hqMarketingContract } from '../../src/contracts/hq-marketing'
import { ok } from '../../src/core/result'
import { defineFunction } from '../_shared/edge'
import { MEMBER_RULES } from '../_shared/member/points'
import { currentRules, setRules } from '../_shared/versioned-rules'

/** HQ's marketing settings: staff whose role covers them; every change is in the audit log with the rules before and after. */
export const main = defineFunction(hqMarketingContract, {
  getMemberRules: {
    access: 'hq',
    area: 'settings',
    handle: async () => ok(await currentRules(MEMBER_RULES)),
  },
  setMemberRules: {
    access: 'hq',
    area: 'settings',
    changes: { collection: 'settings', id: () => MEMBER_RULES.name },
    handle: ({ rules }, admin, now) => setRules(MEMBER_RULES, admin.openid, rules, now),
  },
})
