import type { FunctionHost, Identity } from '../functions/host'

/** A notification WeChat Pay sends to a cloud function: which function, the event, who it runs as. */
export interface Notification {
  functionName: string
  event: Record<string, unknown>
  identity: Identity
  /** What is notified, for the log. */
  label: string
}

export interface Delivery {
  /** The callback answered `{ errcode: 0 }`; WeChat delivers again on any other answer or failure. */
  acknowledged: boolean
  answer?: unknown
  errMsg?: string
}

/**
 * Delivers notifications through the function host and retries the ones a callback does not
 * acknowledge, as WeChat does. Also runs the pay service's other deferred work, so that closing it
 * stops everything pending at once.
 */
export class Notifier {
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly functions: FunctionHost,
    private readonly retryDelaysMs: number[],
    private readonly log: (line: string) => void,
  ) {}

  /** Delivers in the background: now, then after each retry delay until acknowledged. */
  send(notification: Notification): void {
    void this.attempt(notification, 0)
  }

  /** One delivery, answered with what the callback returned. */
  async deliver(notification: Notification): Promise<Delivery> {
    try {
      const outcome = await this.functions.invoke(notification.functionName, notification.event, notification.identity)
      if (!outcome.ok) return { acknowledged: false, errMsg: outcome.errMsg }
      const answer = outcome.result as { errcode?: unknown } | null | undefined
      return { acknowledged: answer?.errcode === 0, answer }
    } catch (error) {
      return { acknowledged: false, errMsg: String(error) }
    }
  }

  later(ms: number, task: () => Promise<void>): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      task().catch((error) => this.log(`pay: deferred task failed: ${error?.stack ?? error}`))
    }, ms)
    this.timers.add(timer)
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private async attempt(notification: Notification, retry: number): Promise<void> {
    if (this.closed) return
    const delivery = await this.deliver(notification)
    if (delivery.acknowledged) return
    const reason = delivery.errMsg ?? `answered ${JSON.stringify(delivery.answer)}`
    const delay = this.retryDelaysMs[retry]
    const what = `pay: ${notification.label} to ${notification.functionName} not acknowledged (${reason})`
    if (delay === undefined) {
      this.log(`${what}; giving up after ${retry + 1} attempts`)
      return
    }
    this.log(`${what}; delivering again in ${delay} ms`)
    this.later(delay, () => this.attempt(notification, retry + 1))
  }
}
