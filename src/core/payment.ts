import type { PaymentParams } from './order'
import type { Result } from './result'

/**
 * The payment provider as the shop needs it (WeChat Pay through cloud.cloudPay in production).
 * Amounts are fen; `outTradeNo` is the order number.
 */
export interface PaymentGateway {
  /** Starts (or restarts) payment of an order, payable until `expiresAt`; the client hands the params to requestPayment. */
  createPayment(request: { outTradeNo: string; totalFen: number; description: string; payerOpenid: string; expiresAt: Date }): Promise<Result<PaymentParams>>
  /** What the provider knows of the payment now. */
  queryPayment(outTradeNo: string): Promise<Result<PaymentState>>
  /**
   * Makes an unpaid payment unpayable. `already_paid` means the money arrived first. An error means
   * it is not known to be closed, and the caller must not act as if it were.
   */
  closePayment(outTradeNo: string): Promise<Result<'closed' | 'already_paid'>>
  /**
   * Asks for money to go back; the outcome arrives later as a refund notification. Idempotent on
   * outRefundNo, so `unknown` (no clear answer: a system error, a timeout) is settled by asking again.
   */
  refund(request: { outTradeNo: string; outRefundNo: string; totalFen: number; refundFen: number; reason: string }): Promise<'accepted' | 'unknown'>
}

export type PaymentState =
  /** `none`: the provider never heard of this payment. */
  | { state: 'none' | 'unpaid' | 'closed' | 'unknown' }
  | { state: 'paid' | 'refunded'; transactionId: string; paidFen: number; paidAt: Date }

/** A payment notification, as the callback reads it. */
export interface PaymentNotice {
  outTradeNo: string
  transactionId: string
  paidFen: number
  paidAt: Date
}

/** A refund notification, as the callback reads it. */
export interface RefundNotice {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  succeeded: boolean
  at: Date
}
