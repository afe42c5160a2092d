import { userFunction } from '../contracts/functions'
import type { NotificationKind } from '../core/subscribe-message'
import type { CloudClient } from './cloud'

/** The platform's subscription prompt: the user's answer per template id (`accept`, `reject`…); `{}` when it could not open. */
export interface SubscribePrompt {
  ask(tmplIds: string[]): Promise<Record<string, string>>
}

/**
 * Asking the user for subscription messages (订阅消息). WeChat opens its prompt only inside a tap, so
 * the template ids are fetched ahead (`prepare`, when a page that asks opens) and `ask` opens the
 * prompt at once; each acceptance is then recorded by the server, which may send one message for it.
 * Asking never fails the tap's own work: a prompt that did not open, or answers not recorded, only
 * mean no message.
 */
export class SubscriptionService {
  private templates: Partial<Record<NotificationKind, string>> | null = null

  constructor(
    private readonly cloud: CloudClient,
    private readonly prompt: SubscribePrompt,
  ) {}

  async prepare(): Promise<void> {
    if (this.templates) return
    try {
      this.templates = await this.cloud.call(userFunction, 'subscriptionTemplates', {})
    } catch {
      // Asked again when the next page that asks opens.
    }
  }

  /** Call first thing in a tap handler, and await it before the tap's work: the prompt is on screen meanwhile. */
  async ask(kinds: NotificationKind[]): Promise<void> {
    const tmplIds = kinds.flatMap((kind) => this.templates?.[kind] ?? [])
    if (tmplIds.length === 0) return
    const answers = await this.prompt.ask(tmplIds)
    if (!Object.values(answers).includes('accept')) return
    try {
      await this.cloud.call(userFunction, 'recordSubscriptions', { answers })
    } catch {
      // The acceptance stays with WeChat unused: no message is sent for it.
    }
  }
}
