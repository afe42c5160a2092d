import type { Notification } from '../../../src/core/subscribe-message'
import type { Transaction } from '../database'

/**
 * The outbox of subscription messages: a message is owed in the transaction of the move it tells of
 * (a shipment, a refund's result, commission released), so it exists exactly when the move does, and
 * is sent afterwards by the `sendNotifications` timer job — WeChat's answer never holds up, fails or
 * repeats a money move.
 */
export type NotificationState =
  /** Owed; no subscription spent on it yet. */
  | 'pending'
  /** A subscription was spent on it; being sent (again after an unclear answer, at nextAttemptAt). */
  | 'sending'
  | 'sent'
  /** The user held no accepted subscription for its template: never sent. */
  | 'unsubscribed'
  /** WeChat refused it (43101: the user refused it after all), or it had no clear answer after every attempt. */
  | 'failed'

export type OwedNotification = Notification & {
  _id: string
  state: NotificationState
  attempts: number
  nextAttemptAt: Date
  createdAt: Date
  updatedAt: Date
  sentAt?: Date
  errcode?: number
  errmsg?: string
}

export const NOTIFICATIONS = 'notifications'

/** Owes `notification`, in the transaction of the move it tells of. */
export async function oweNotification(tx: Transaction, notification: Notification, now: Date): Promise<void> {
  await tx.collection<OwedNotification>(NOTIFICATIONS).add({ data: { ...notification, state: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now, updatedAt: now } })
}
