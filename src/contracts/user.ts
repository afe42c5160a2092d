import { z } from 'zod'
import type { Profile } from '../core/user'
import { action, defineContract, returns } from './contract'

export const userContract = defineContract('user', {
  /** The caller as the shop knows them (met on this first call if new); null only without an OPENID. */
  getProfile: action({ input: z.object({}).strict(), output: returns<Profile | null>() }),
})
