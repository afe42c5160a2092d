import { db } from '../database'

/**
 * Money news that does not fit our records (a wrong amount, a refund nobody asked for). It is kept,
 * not applied, for HQ to look at; WeChat is told it was received so it stops resending.
 */
export async function recordAnomaly(kind: string, details: Record<string, unknown>, at: Date, orderId?: string): Promise<void> {
  await db.collection('payment_anomalies').add({ data: { kind, ...details, ...(orderId ? { orderId } : {}), at } })
}
