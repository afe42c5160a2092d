import { z } from 'zod'
import type { OrderView } from '../core/order'
import type { PaymentAnomaly } from '../core/payment'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

const orderId = z.string().min(1).max(64)
const order = returns<OrderView>()
const REFUSED_MOVE = ['ORDER_NOT_FOUND', 'ORDER_ILLEGAL_TRANSITION'] as const

/** HQ's operations: admins only, every call audited. */
export const hqContract = defineContract('hq', {
  shipOrder: action({
    input: z
      .object({ orderId, company: z.string().trim().min(1).max(30), trackingNo: z.string().trim().regex(/^[A-Za-z0-9-]{6,40}$/, '请填写正确的物流单号') })
      .strict(),
    output: order,
    errors: REFUSED_MOVE,
  }),
  approveRefund: action({ input: z.object({ orderId }).strict(), output: order, errors: REFUSED_MOVE }),
  rejectRefund: action({ input: z.object({ orderId, reason: z.string().trim().min(1).max(200) }).strict(), output: order, errors: REFUSED_MOVE }),
  /** Payment news that did not fit an order (wrong amounts, failed refunds, …), for HQ to review. */
  listPaymentAnomalies: action({ input: z.object(paging(20)).strict(), output: returns<Page<PaymentAnomaly>>() }),
})
