import { z } from 'zod'
import { memberRulesInput, type MemberRules } from '../core/member'
import { action, defineContract, returns } from './contract'

/** HQ's marketing: points and member level rules; staff whose role covers `settings`, every change audited. */
export const hqMarketingContract = defineContract('hq-marketing', {
  getMemberRules: action({ input: z.object({}).strict(), output: returns<MemberRules>() }),
  setMemberRules: action({ input: z.object({ rules: memberRulesInput }).strict(), output: returns<MemberRules>() }),
})
