import type { PaymentParams } from './order'
import type { Result } from './result'

/**
 * The payment provider as the shop needs it (WeChat Pay through cloud.cloudPay in production).
 * Amounts are fen; `outTradeNo` is the order number.
 */
export interface PaymentGateway {
  /** Starts (or restarts) payment of an order; the client hands the params to requestPayment. */
  createPayment(request: { outTradeNo: string; totalFen: number; description: string; payerOpenid: string }): Promise<Result<PaymentParams>>
  /** What the provider knows of the payment now. */
  queryPayment(outTradeNo: string): Promise<Result<PaymentState>>
  /** Makes an unpaid payment unpayable. `already_paid` means the money arrived first. */
  closePayment(outTradeNo: string): Promise<Result<'closed' | 'already_paid'>>
  /** Sends money back; the outcome arrives later as a refund notification. Idempotent on outRefundNo. */
  refund(request: { outTradeNo: string; outRefundNo: string; totalFen: number; refundFen: number; reason: string }): Promise<Result<void>>
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
