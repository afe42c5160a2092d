import type { Store } from '../database/store'
import type { FunctionHost } from '../functions/host'
import { Cashier } from './cashier'
import { CloudPayApi } from './cloud-pay-api'
import { Notifier } from './notifier'
import { PaymentRecords } from './records'

export interface PayOptions {
  /**
   * Waits before each new delivery of a notification the callback did not acknowledge. WeChat goes on
   * for a day or two (15 s, 15 s, 30 s, 3 min, 10 min, …); a development session needs only the start.
   */
  retryDelaysMs?: number[]
  /** How long a refund stays PROCESSING before it succeeds and its notification goes out. */
  refundDelayMs?: number
}

export interface Pay {
  api: CloudPayApi
  /** Payment orders and refunds as WeChat Pay keeps them (read by the shipping service). */
  records: PaymentRecords
  cashier: Cashier
  close(): void
}

/** WeChat Pay for cloud functions: the cloudPay APIs, the cashier that plays the user's part, the notifications. */
export async function startPay(
  store: Store,
  functions: FunctionHost,
  { appId, log, retryDelaysMs = [15_000, 15_000, 30_000, 180_000, 600_000], refundDelayMs = 1_000 }: PayOptions & {
    appId: string
    log: (line: string) => void
  },
): Promise<Pay> {
  const records = new PaymentRecords(store)
  await records.open()
  const notifier = new Notifier(functions, retryDelaysMs, log)
  const api = new CloudPayApi(records, notifier, appId, refundDelayMs)
  api.resumeRefunds()
  return { api, records, cashier: new Cashier(records, notifier, appId, api), close: () => notifier.close() }
}
