import type { AnomalyKind, PaymentAnomaly } from '../../../src/core/payment'
import { Result, ok } from '../../../src/core/result'
import { Transaction, db, inTransaction } from '../database'

const ANOMALIES = 'payment_anomalies'

export interface AnomalyReport {
  kind: AnomalyKind
  outTradeNo: string
  outRefundNo?: string
  orderId?: string
  notice: Record<string, unknown>
}

/**
 * The anomaly's document id, from what it is about: a replayed notice, or two runs reporting the same
 * news at once, write the same document — so on CloudBase the second transaction conflicts and, retried,
 * finds the first — instead of adding a second anomaly.
 */
const anomalyId = ({ kind, outTradeNo, outRefundNo }: AnomalyReport) => [kind, outTradeNo, ...(outRefundNo ? [outRefundNo] : [])].join(':')

/**
 * Keeps money news that does not fit our records for HQ to review, inside the caller's transaction so it
 * commits with the order change it explains. WeChat is then told the notice was received, so it stops
 * resending; a repeat only counts.
 */
export async function noteAnomaly(tx: Transaction, report: AnomalyReport, at: Date): Promise<void> {
  const ref = tx.collection<PaymentAnomaly>(ANOMALIES).doc(anomalyId(report))
  const { data: seen } = await ref.get()
  if (seen) {
    await ref.update({ data: { count: seen.count + 1, lastSeenAt: at } })
    return
  }
  console.error(`payment anomaly ${anomalyId(report)}`)
  const { kind, outTradeNo, outRefundNo, orderId, notice } = report
  await ref.set({
    data: { kind, outTradeNo, ...(outRefundNo ? { outRefundNo } : {}), ...(orderId ? { orderId } : {}), notice, count: 1, firstSeenAt: at, lastSeenAt: at },
  })
}

/** `noteAnomaly` for news that changes nothing else. */
export function recordAnomaly(report: AnomalyReport, at: Date): Promise<Result<void>> {
  return inTransaction(async (tx) => {
    await noteAnomaly(tx, report, at)
    return ok(undefined)
  })
}

/** HQ's review list: the most recently seen first. */
export async function listAnomalies(page: number, pageSize: number): Promise<Result<{ items: PaymentAnomaly[]; hasMore: boolean }>> {
  const { data } = await db
    .collection<PaymentAnomaly>(ANOMALIES)
    .orderBy('lastSeenAt', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  return ok({ items: data.slice(0, pageSize), hasMore: data.length > pageSize })
}
