import { httpAccessUrl } from '../http-access'
import { PayoutNotConfigured, payoutPort } from '../payout/port'
import type { Payout } from './withdrawals'

/** The function WeChat Pay notifies when a transfer ends (its HTTP access service is the notify_url). */
export const PAYOUT_NOTIFY_FUNCTION = 'payout-notify'

let port: Payout | null | undefined

/**
 * Withdrawals' view of the payout port, made on first use: a function that never pays (most calls)
 * never needs the merchant's credentials. Every transfer is told to notify the notify function. Null
 * when the environment has no merchant credentials (logged): withdrawals then wait, their money held,
 * and the follow-up job pays them once the merchant is configured.
 */
export function commissionPayout(): Payout | null {
  if (port === undefined) {
    try {
      const transfers = payoutPort()
      const notifyUrl = httpAccessUrl(PAYOUT_NOTIFY_FUNCTION)
      port = {
        transfer: (request, options) => transfers.transfer({ ...request, notifyUrl }, options),
        query: (outBillNo) => transfers.query(outBillNo),
        confirmParams: (bill) => transfers.confirmParams(bill),
      }
    } catch (error) {
      // payoutPort logged what is missing; the notify address is the other half of the configuration.
      if (!(error instanceof PayoutNotConfigured)) console.error(`WeChat Pay transfers cannot be used: ${(error as Error).message}`)
      port = null
    }
  }
  return port
}
