import type { ErrorCode } from '../../../src/core/errors'
import { bodyText, type HttpAccessEvent, type HttpAccessResponse } from '../http-access'
import { type Environment, payoutConfigFrom } from './config'
import type { PayoutPort } from './transfer'
import { wechatpayTransfers } from './wechatpay'

export type { PayoutPort, TransferAnswer, TransferBill, TransferRequest, TransferState } from './transfer'

/** The function's environment lacks the merchant's credentials, or holds unreadable ones. */
export class PayoutNotConfigured extends Error {
  /** What the caller answers the employee (提现暂未开通); the message, with every problem, is for the log. */
  readonly code: ErrorCode = 'PAYOUT_NOT_CONFIGURED'

  constructor(readonly problems: string[]) {
    super(`WeChat Pay merchant transfer is not configured: ${problems.join('; ')}`)
    this.name = 'PayoutNotConfigured'
  }
}

/**
 * The payout port, configured from the function's environment (see PAYOUT_ENV in ./config). Throws
 * PayoutNotConfigured, after logging which variables are missing or unreadable: a deployment without
 * credentials cannot pay, and no call is made.
 */
export function payoutPort(env: Environment = process.env): PayoutPort {
  const read = payoutConfigFrom(env)
  if (!read.ok) {
    const error = new PayoutNotConfigured(read.problems)
    console.error(error.message)
    throw error
  }
  return wechatpayTransfers(read.config)
}

/** readNotification's input from the HTTP access service's event (the notify_url is such a function). */
export function notificationOf(event: HttpAccessEvent): { headers: Record<string, string | undefined>; body: string } {
  return { headers: event.headers ?? {}, body: bodyText(event) }
}

/**
 * The answer WeChat Pay expects to a notification: 204 when it is recorded; otherwise a failure (500
 * with code FAIL), and WeChat delivers it again later (15 s, 15 s, 30 s, 3 min, … for a day or so).
 */
export function notificationAnswer(recorded: boolean): HttpAccessResponse {
  if (recorded) return { statusCode: 204, body: '' }
  return { statusCode: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'FAIL', message: '失败' }) }
}
