import type { PaymentParams, RefundFailure } from './order'
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
  /** Where a refund is now; only this or the refund's notification may say it succeeded. */
  queryRefund(outRefundNo: string): Promise<RefundState>
}

export type PaymentState =
  /** `none`: the provider never heard of this payment. */
  | { state: 'none' | 'unpaid' | 'closed' | 'unknown' }
  /** The money was taken; a refund of it may have been started since, which says nothing of how that refund ends. */
  | { state: 'paid'; transactionId: string; paidFen: number; paidAt: Date }

/** How a refund ended: the money is back with the buyer, or it could not be sent. */
export type RefundEnd = { state: 'succeeded'; at: Date } | { state: 'failed'; failure: RefundFailure }

export type RefundState =
  /**
   * `none`: the provider has no refund by this number, so asking for it (again) is safe; `processing`:
   * it has it and has not finished; `unknown`: no clear answer.
   */
  | { state: 'none' | 'processing' | 'unknown' }
  | RefundEnd

/** A payment notification, as the callback reads it. */
export interface PaymentNotice {
  outTradeNo: string
  transactionId: string
  paidFen: number
  paidAt: Date
}

/** A refund notification (or the provider's answer to queryRefund), as the shop reads it. */
export interface RefundNotice {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  end: RefundEnd
}

/**
 * Payment news that does not fit our records, kept for HQ to review. There is one per kind and
 * payment (and refund, for refund kinds), however often the news comes: `count` says how often.
 */
export interface PaymentAnomaly {
  /** `kind:outTradeNo` or `kind:outTradeNo:outRefundNo`. */
  _id: string
  kind: AnomalyKind
  outTradeNo: string
  outRefundNo?: string
  orderId?: string
  /** The news as it first came. */
  notice: Record<string, unknown>
  count: number
  firstSeenAt: Date
  lastSeenAt: Date
}

export type AnomalyKind =
  /** Money for an order number we never issued. */
  | 'unknown_order'
  /** Money that is not the order's amount: the order is cancelled and the money sent back. */
  | 'amount_mismatch'
  | 'refund_for_unknown_order'
  /** A refund notification for a refund number we never asked for. */
  | 'refund_not_asked_for'
  /** A refund that ended in CHANGE or REFUNDCLOSE: the money did not reach the buyer. */
  | 'refund_failed'
  | 'refund_in_unexpected_state'
