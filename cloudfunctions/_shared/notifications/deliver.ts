import { templateData } from '../../../src/core/subscribe-message'
import { ok } from '../../../src/core/result'
import { addMinutes } from '../../../src/core/time'
import { notificationTexts } from '../../../src/i18n/zh-CN'
import { _, db, inTransaction } from '../database'
import { sendSubscribeMessage } from '../wechat-files'
import { subscribeTemplates } from './config'
import { NOTIFICATIONS, OwedNotification } from './outbox'
import { spendSubscription } from './subscriptions'

const BATCH = 50
/** An unclear answer (none, WeChat busy, over quota) is tried again, at most this many attempts in all. */
const MAX_ATTEMPTS = 3
/** A message being sent is another run's only after this long: the next attempt's time, and the claim's lease. */
const RETRY_MINUTES = 2
/** WeChat's answers that mean "not now", not "never": the same message may get through later. */
const TRANSIENT = [0, -1, 45009]

const outbox = db.collection<OwedNotification>(NOTIFICATIONS)

/**
 * Claims a message for this run: a pending one spends one of its user's subscriptions (none held: it
 * is closed unsent), and a claimed one is not another run's until its lease ends — so each message is
 * sent by one run, and each subscription spent once. Answers the message to send, or null.
 */
async function claim(id: string, now: Date): Promise<OwedNotification | null> {
  const outcome = await inTransaction(async (tx) => {
    const { data: message } = await tx.collection<OwedNotification>(NOTIFICATIONS).doc(id).get()
    if (!message || !['pending', 'sending'].includes(message.state) || message.nextAttemptAt > now) return ok(null)
    if (message.state === 'sending' && message.attempts >= MAX_ATTEMPTS) {
      await tx.collection<OwedNotification>(NOTIFICATIONS).doc(id).update({ data: { state: 'failed', errcode: 0, errmsg: 'no answer from WeChat', updatedAt: now } })
      return ok(null)
    }
    const held = message.state === 'sending' || (await spendSubscription(tx, message.touser, message.kind, now))
    const next = held
      ? { state: 'sending' as const, attempts: message.attempts + 1, nextAttemptAt: addMinutes(now, RETRY_MINUTES), updatedAt: now }
      : { state: 'unsubscribed' as const, updatedAt: now }
    await tx.collection<OwedNotification>(NOTIFICATIONS).doc(id).update({ data: next })
    return ok(held ? { ...message, ...next } : null)
  })
  if (!outcome.ok) throw new Error(`notification ${id}: ${outcome.error.code}`)
  return outcome.data
}

/** Sends one claimed message and records WeChat's answer: sent, refused for good, or tried again later. */
async function send(message: OwedNotification, now: Date): Promise<void> {
  const template = subscribeTemplates()[message.kind]
  const answer = template
    ? await sendSubscribeMessage({ touser: message.touser, templateId: template.id, page: message.page, data: templateData(notificationTexts(message), template.fields) })
    : ({ accepted: false, errcode: 40037, errmsg: `no template configured for ${message.kind}` } as const)
  const again = !answer.accepted && TRANSIENT.includes(answer.errcode) && message.attempts < MAX_ATTEMPTS
  if (!answer.accepted) console.warn(`notification ${message._id} (${message.kind}) not sent: ${answer.errcode} ${answer.errmsg}`)
  const outcome = answer.accepted
    ? { state: 'sent' as const, sentAt: now, updatedAt: now }
    : { state: again ? ('sending' as const) : ('failed' as const), errcode: answer.errcode, errmsg: answer.errmsg.slice(0, 200), updatedAt: now }
  await outbox.doc(message._id).update({ data: outcome })
}

/**
 * The `sendNotifications` job: every message owed and due, oldest first, until none is left or
 * `budgetMs` is spent; answers how many it tried to send. A message that fails outright is left for the next run (its lease ends).
 */
export async function deliverNotifications(now: Date, budgetMs: number): Promise<number> {
  const started = Date.now()
  const skip: string[] = []
  let attempted = 0
  while (Date.now() - started < budgetMs) {
    const { data: due } = await outbox
      .where({ state: _.in(['pending', 'sending']), nextAttemptAt: _.lte(now), ...(skip.length > 0 ? { _id: _.nin(skip) } : {}) })
      .orderBy('nextAttemptAt', 'asc')
      .limit(BATCH)
      .get()
    if (due.length === 0) break
    for (const { _id } of due) {
      skip.push(_id)
      try {
        const message = await claim(_id, now)
        if (!message) continue
        await send(message, now)
        attempted++
      } catch (error) {
        console.error(`notification ${_id} failed, left for the next run:`, error)
      }
    }
  }
  return attempted
}
