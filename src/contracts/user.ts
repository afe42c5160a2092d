import { z } from 'zod'
import type { NotificationKind } from '../core/subscribe-message'
import type { Profile } from '../core/user'
import { action, defineContract, returns } from './contract'

export const userContract = defineContract('user', {
  /** The caller as the shop knows them (met on this first call if new); null only without an OPENID. */
  getProfile: action({ input: z.object({}).strict(), output: returns<Profile | null>() }),
  /** The subscription message template ids to ask for, per kind; a kind this mini program has no template for is absent. */
  subscriptionTemplates: action({ input: z.object({}).strict(), output: returns<Partial<Record<NotificationKind, string>>>() }),
  /**
   * What the user answered in `requestSubscribeMessage`, per template id (`accept`, `reject`, `ban`,
   * `filter`): each acceptance allows one message. Answers the messages the caller may now be sent, per kind.
   */
  recordSubscriptions: action({
    input: z.object({ answers: z.record(z.string().min(1).max(64), z.string().max(16)).refine((answers) => Object.keys(answers).length <= 3, 'at most 3 templates at once') }).strict(),
    output: returns<Record<NotificationKind, number>>(),
  }),
})
