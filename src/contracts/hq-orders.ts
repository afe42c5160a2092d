import { z } from 'zod'
import type { ErrorCode } from '../core/errors'
import type { HqOrderView } from '../core/order'
import { HQ_ORDER_STATUSES, isDay } from '../core/order-filter'
import { returnRulesInput, type ReturnRules } from '../core/return-rules'
import { CARRIER_IDS, TRACKING_NO } from '../core/shipping'
import { action, defineContract, returns } from './contract'
import { REFUND_REFUSALS, refundLines } from './order'
import type { AttributionChain } from './referral'
import { Page, paging } from './paging'

const orderId = z.string().min(1).max(64)
const reason = z.string().trim().min(1).max(200)
const amountFen = z.number().int().min(1)
const REFUSED_MOVE = ['ORDER_NOT_FOUND', 'ORDER_ILLEGAL_TRANSITION'] as const
const day = z.string().refine(isDay, '请选择日期')

/** At most this many orders ship in one call (each is its own transaction and report). */
export const MAX_SHIP_BATCH = 20

/**
 * One order as HQ's order page shows it: the order, and whose it is and why — share → visit → binding →
 * order, with the attribution rule version (null: an order placed before orders kept their attribution).
 */
export type HqOrderDetail = HqOrderView & { chain: AttributionChain | null }

/** One order of a batch: shipped (with the order as it is now), or refused with its own error. */
export type ShipOutcome = { orderId: string; ok: true; order: HqOrderView } | { orderId: string; ok: false; error: { code: ErrorCode; details?: Record<string, unknown> } }

/** HQ's order desk: the orders, filtered and searched; shipping one or many, each reported to WeChat. */
export const hqOrdersContract = defineContract('hq-orders', {
  /** Newest first, one page at a time; every combination of filters is served by an index (see the function). */
  listOrders: action({
    input: z
      .object({
        status: z.enum(HQ_ORDER_STATUSES).default('all'),
        shopId: z.string().min(1).max(64).optional(),
        fromDay: day.optional(),
        toDay: day.optional(),
        /** An order number, or the receiver's mobile number. */
        search: z.string().trim().regex(/^\d{6,32}$/, '请输入订单号或收货手机号').optional(),
        ...paging(20),
      })
      .strict()
      .refine((f) => !f.fromDay || !f.toDay || f.fromDay <= f.toDay, { message: '开始日期不能晚于结束日期', path: ['toDay'] }),
    output: returns<Page<HqOrderView>>(),
  }),
  getOrder: action({ input: z.object({ orderId }).strict(), output: returns<HqOrderDetail>(), errors: ['ORDER_NOT_FOUND'] }),
  /** Ships each order with its carrier and tracking number; one refused order does not stop the others. */
  shipOrders: action({
    input: z
      .object({
        orders: z
          .array(z.object({ orderId, carrierId: z.enum(CARRIER_IDS), trackingNo: z.string().trim().regex(TRACKING_NO, '请填写正确的物流单号') }).strict())
          .min(1)
          .max(MAX_SHIP_BATCH)
          .refine((orders) => new Set(orders.map((o) => o.orderId)).size === orders.length, '同一订单只能发货一次'),
      })
      .strict(),
    output: returns<{ outcomes: ShipOutcome[] }>(),
  }),

  /** Approves the buyer's refund request as asked, or for a smaller amount (taken from the goods first). */
  approveRefund: action({ input: z.object({ orderId, amountFen: amountFen.optional() }).strict(), output: returns<HqOrderView>(), errors: [...REFUSED_MOVE, 'REFUND_AMOUNT_INVALID'] }),
  /**
   * HQ refunds on its own, approved at once: lines and units (optionally for less), an amount alone
   * (the goods stay with the buyer), or — with neither — all that is left.
   */
  startRefund: action({
    input: z.object({ orderId, reason, lines: refundLines.optional(), amountFen: amountFen.optional() }).strict(),
    output: returns<HqOrderView>(),
    errors: [...REFUSED_MOVE, ...REFUND_REFUSALS],
  }),
  rejectRefund: action({ input: z.object({ orderId, reason }).strict(), output: returns<HqOrderView>(), errors: REFUSED_MOVE }),

  /** 退货退款's rules in force: the return address (none until HQ sets one) and the days to send goods back. */
  getReturnRules: action({ input: z.object({}).strict(), output: returns<ReturnRules>() }),
  /** A change is the next version; returns approved before keep the address and deadline they were given. */
  setReturnRules: action({ input: z.object({ rules: returnRulesInput }).strict(), output: returns<ReturnRules>() }),
  /** Agrees to a return (for less with `amountFen`): the return address and deadline in force go onto it. */
  approveReturn: action({
    input: z.object({ orderId, amountFen: amountFen.optional() }).strict(),
    output: returns<HqOrderView>(),
    errors: [...REFUSED_MOVE, 'REFUND_AMOUNT_INVALID', 'RETURN_ADDRESS_MISSING'],
  }),
  /** The goods the buyer sent back have arrived; the refund is approved and sent. */
  receiveReturn: action({ input: z.object({ orderId }).strict(), output: returns<HqOrderView>(), errors: REFUSED_MOVE }),
  /** The goods arrived and HQ refuses the refund (used, damaged, not the order's), with a reason the buyer reads. */
  refuseReturn: action({ input: z.object({ orderId, reason }).strict(), output: returns<HqOrderView>(), errors: REFUSED_MOVE }),
})
