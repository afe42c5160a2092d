import { NOTIFICATION_KINDS, NotificationKind } from '../../../src/core/subscribe-message'
import { ok } from '../../../src/core/result'
import { Transaction, inTransaction } from '../database'
import type { SubscribeTemplates } from './config'

/**
 * A user's accepted one-time subscriptions not yet spent, per kind, one document per user (its id the
 * openid). Each acceptance in `requestSubscribeMessage` lets WeChat deliver one message of that template,
 * so the shop counts them and spends one per message it sends.
 */
export interface Subscriptions {
  _id: string
  remaining: Record<NotificationKind, number>
  updatedAt: Date
}

const SUBSCRIPTIONS = 'subscriptions'
const NONE: Record<NotificationKind, number> = { order_shipped: 0, refund_result: 0, commission_available: 0 }

/** `requestSubscribeMessage`'s answer per template id: only `accept` grants a message. */
export type SubscribeAnswers = Record<string, string>

/** Counts the accepted templates among `answers` (ids this function does not know count for nothing) and answers what the user now holds. */
export async function recordSubscriptions(openid: string, answers: SubscribeAnswers, templates: SubscribeTemplates, now: Date): Promise<Record<NotificationKind, number>> {
  const accepted = NOTIFICATION_KINDS.filter((kind) => templates[kind] && answers[templates[kind].id] === 'accept')
  const outcome = await inTransaction(async (tx) => {
    const remaining = await readRemaining(tx, openid)
    for (const kind of accepted) remaining[kind] += 1
    if (accepted.length > 0) await tx.collection<Subscriptions>(SUBSCRIPTIONS).doc(openid).set({ data: { remaining, updatedAt: now } })
    return ok(remaining)
  })
  if (!outcome.ok) throw new Error(`subscriptions of ${openid} not recorded: ${outcome.error.code}`)
  return outcome.data
}

async function readRemaining(tx: Transaction, openid: string): Promise<Record<NotificationKind, number>> {
  const { data } = await tx.collection<Subscriptions>(SUBSCRIPTIONS).doc(openid).get()
  return { ...NONE, ...data?.remaining }
}

/** Spends one of the user's subscriptions of `kind` in `tx`; false when they hold none. */
export async function spendSubscription(tx: Transaction, openid: string, kind: NotificationKind, now: Date): Promise<boolean> {
  const remaining = await readRemaining(tx, openid)
  if (remaining[kind] < 1) return false
  await tx.collection<Subscriptions>(SUBSCRIPTIONS).doc(openid).set({ data: { remaining: { ...remaining, [kind]: remaining[kind] - 1 }, updatedAt: now } })
  return true
}
