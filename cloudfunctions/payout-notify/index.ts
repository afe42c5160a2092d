import { applyTransferReport } from '../_shared/commission/withdrawals'
import type { HttpAccessEvent, HttpAccessResponse } from '../_shared/http-access'
import { notificationAnswer, notificationOf, payoutPort } from '../_shared/payout/port'

/**
 * WeChat Pay's notification that a merchant transfer ended (MCHTRANSFER.BILL.FINISHED), through the
 * function's HTTP access service (its URL is every transfer's notify_url). Only a notification whose
 * signature verifies and whose resource decrypts is applied; the withdrawal then follows the bill,
 * once, however often WeChat delivers it. Anything not recorded is answered as a failure, so WeChat
 * delivers it again.
 */
export async function main(event: HttpAccessEvent): Promise<HttpAccessResponse> {
  if (event?.httpMethod !== 'POST') return { statusCode: 405, body: '' }
  const { headers, body } = notificationOf(event)
  const read = payoutPort().readNotification(headers, body)
  if ('refused' in read) {
    console.warn(`transfer notification refused: ${read.refused}`)
    return notificationAnswer(false)
  }
  const applied = await applyTransferReport(read.outBillNo, read, new Date())
  if (!applied.ok) console.error(`transfer notification for ${read.outBillNo} not applied: ${applied.error.code}`)
  // A bill that is no withdrawal of ours will never be: WeChat need not deliver it again.
  return notificationAnswer(applied.ok || applied.error.code === 'COMMISSION_WITHDRAWAL_NOT_FOUND')
}
