import { z } from 'zod'
import { ORDER_TABS, type OrderSummary, type OrderTab, type OrderView, type PaymentParams } from '../core/order'
import { MAX_LINES, MAX_QUANTITY_PER_LINE, type CheckoutReview } from '../core/pricing'
import { REASON_MAX_LENGTH } from '../core/reason'
import { CARRIER_IDS, TRACKING_NO } from '../core/shipping'
import { shareCodeInput } from './share-code'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

const orderId = z.string().min(1).max(64)
const lines = z
  .array(z.object({ skuId: z.string().min(1).max(80), quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE) }).strict())
  .min(1)
  .max(MAX_LINES)
/**
 * Checkout asks about lines as the buyer chose them, up to a bound no stepper reaches: a line over the
 * per-line limit is marked in the review (改为 99 件), not refused as a malformed request.
 */
const reviewedLines = z
  .array(z.object({ skuId: z.string().min(1).max(80), quantity: z.number().int().min(1).max(9999) }).strict())
  .min(1)
  .max(MAX_LINES)
const reason = z.string().trim().min(1, '请填写原因').max(REASON_MAX_LENGTH)
/** Order lines and units to give back in a refund, by the line's index in the order. */
export const refundLines = z
  .array(z.object({ lineIndex: z.number().int().min(0).max(MAX_LINES - 1), quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE) }).strict())
  .min(1)
  .max(MAX_LINES)
/** What a refund's amounts may be refused for (src/core/refund.ts). */
export const REFUND_REFUSALS = ['REFUND_LINE_INVALID', 'REFUND_AMOUNT_INVALID', 'REFUND_LIMIT_REACHED'] as const
/**
 * What the buyer chooses at checkout that changes the price (a coupon, points to spend): sent with
 * the quote and again with the order, which is priced the same way.
 */
const checkoutChoices = z.object({
  /** The most points the buyer will spend; the order spends what HQ's cap allows of them. Absent: none. */
  points: z.number().int().min(0).max(100_000_000).optional(),
  /** The coupon to spend: absent lets checkout pick the best applicable one, null spends none. */
  couponId: z.string().min(1).max(80).nullable().optional(),
})
export type CheckoutChoices = z.infer<typeof checkoutChoices>
const order = returns<OrderView>()
/** Finding the caller's own order; someone else's is "not found". */
const NOT_FOUND = ['ORDER_NOT_FOUND'] as const
const REFUSED_MOVE = [...NOT_FOUND, 'ORDER_ILLEGAL_TRANSITION'] as const
/** A chosen coupon that is not the buyer's, or does not apply to these lines. */
const COUPON_CHOICE = ['COUPON_NOT_FOUND', 'COUPON_NOT_APPLICABLE'] as const
const PRICING = [...COUPON_CHOICE, 'ORDER_EMPTY', 'ORDER_TOO_MANY_LINES', 'ORDER_QUANTITY_TOO_LARGE', 'ORDER_SKU_NOT_FOUND', 'ORDER_PRODUCT_OFF_SHELF', 'ORDER_OUT_OF_STOCK'] as const

export const orderContract = defineContract('order', {
  /** Checkout's lines as the catalog has them now: each line's problem, and the price once none has one. */
  quoteOrder: action({ input: checkoutChoices.extend({ lines: reviewedLines }).strict(), output: returns<CheckoutReview>(), errors: [...COUPON_CHOICE, 'ORDER_EMPTY', 'ORDER_TOO_MANY_LINES', 'POINTS_INSUFFICIENT'] }),
  /** Places an order: priced on the server, stock reserved for every line or none; the same requestId makes one order. */
  placeOrder: action({
    input: checkoutChoices
      .extend({
        requestId: z.string().regex(/^[\w-]{8,64}$/, 'requestId 格式不正确'),
        lines,
        addressId: z.string().min(1).max(64),
        remark: z.string().trim().max(200).default(''),
        fromCart: z.boolean().default(false),
        /** The shop whose page the order was placed from, and the share that brought the buyer there. */
        fromShop: z.object({ shopId: z.string().min(1).max(64), shareCode: shareCodeInput.optional() }).strict().optional(),
        /** What checkout's quote said the buyer would pay: an order that would cost otherwise now is refused (ORDER_PRICE_CHANGED). */
        quotedPayableFen: z.number().int().min(0).optional(),
      })
      .strict(),
    output: order,
    errors: [...PRICING, 'ORDER_ADDRESS_NOT_FOUND', 'POINTS_INSUFFICIENT', 'COUPON_ALREADY_USED', 'ORDER_PRICE_CHANGED'],
  }),
  listOrders: action({
    input: z
      .object({ tab: z.enum(ORDER_TABS.map((t) => t.key) as [OrderTab, ...OrderTab[]]).default('all'), ...paging(10) })
      .strict(),
    output: returns<Page<OrderSummary>>(),
  }),
  getOrder: action({ input: z.object({ orderId }).strict(), output: order, errors: NOT_FOUND }),
  /** Starts WeChat Pay for an unpaid order; paying again after a cancelled sheet uses this too. */
  payOrder: action({
    input: z.object({ orderId }).strict(),
    output: returns<{ payment: PaymentParams }>(),
    errors: [...NOT_FOUND, 'ORDER_NOT_PAYABLE', 'ORDER_PAYMENT_EXPIRED', 'ORDER_ALREADY_PAID', 'ORDER_PAYMENT_CLOSED', 'PAYMENT_UNAVAILABLE'],
  }),
  /** The client is back from paying: settle from WeChat Pay's answer if the notification is not in yet. */
  syncPayment: action({
    input: z.object({ orderId }).strict(),
    output: order,
    errors: [...NOT_FOUND, 'PAYMENT_QUERY_FAILED', 'PAYMENT_AMOUNT_MISMATCH', 'LATE_PAYMENT_REFUND_PENDING'],
  }),
  cancelOrder: action({
    input: z.object({ orderId, reason }).strict(),
    output: order,
    errors: [...REFUSED_MOVE, 'ORDER_ALREADY_PAID', 'ORDER_PAYMENT_STARTED', 'PAYMENT_CLOSE_FAILED', 'PAYMENT_QUERY_FAILED'],
  }),
  confirmReceipt: action({ input: z.object({ orderId }).strict(), output: order, errors: REFUSED_MOVE }),
  /** Deletes a finished (completed or cancelled) order from the buyer's own list; HQ still sees it. */
  hideOrder: action({ input: z.object({ orderId }).strict(), output: order, errors: [...NOT_FOUND, 'ORDER_NOT_HIDEABLE'] }),
  /** The whole order (no lines), or the lines and units chosen; HQ decides. */
  requestRefund: action({
    input: z.object({ orderId, reason, lines: refundLines.optional(), kind: z.enum(['refund_only', 'return']).default('refund_only') }).strict(),
    output: order,
    errors: [...REFUSED_MOVE, ...REFUND_REFUSALS],
  }),
  /** 退货退款: the buyer has sent the goods back, with this carrier and tracking number. */
  shipReturn: action({
    input: z.object({ orderId, carrierId: z.enum(CARRIER_IDS), trackingNo: z.string().trim().regex(TRACKING_NO, '请填写正确的物流单号') }).strict(),
    output: order,
    errors: [...REFUSED_MOVE, 'RETURN_OVERDUE'],
  }),
  /** 撤销申请: the buyer's own request, while HQ has not decided it. */
  withdrawRefund: action({ input: z.object({ orderId }).strict(), output: order, errors: REFUSED_MOVE }),
})
