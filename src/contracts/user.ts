import { z } from 'zod'
import type { Profile } from '../core/user'
import { action, defineContract, returns } from './contract'

export const userContract = defineContract('user', {
  /** The caller as the shop knows them, or null for someone it has not met yet. */
  getProfile: action({ input: z.object({}).strict(), output: returns<Profile | null>() }),
})
