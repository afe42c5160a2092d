import { z } from 'zod'
import { cloudPayGateway, parseWechatTime, refundEndOf } from '../_shared/cloud-pay'
import { defineEventHandler } from '../_shared/edge'
import { markOrderPaid } from '../_shared/orders/settle-payment'
import { recordRefund } from '../_shared/orders/refunds'

/**
 * WeChat Pay's notifications, for payments (unifiedOrder's functionName) and refunds (refund's).
 * Answering `{ errcode: 0 }` tells WeChat the notice is recorded; anything else makes it try again
 * for up to two days — which is what a failure here should do.
 */
const acknowledged = { errcode: 0, errmsg: 'OK' }
const retryLater = { errcode: 1, errmsg: 'RETRY' }

const refundFields = z.object({
  outTradeNo: z.string(),
  outRefundNo: z.string(),
  refundFee: z.coerce.number().int(),
  refundStatus: z.string(),
  successTime: z.string().optional(),
})

// A refund notice also carries the payment's fields, so it is recognised first, by outRefundNo.
const notice = z.union([
  refundFields.passthrough().transform((e) => ({ kind: 'refund' as const, ...e })),
  z
    .object({ returnCode: z.string(), reqInfo: refundFields })
    .passthrough()
    .transform((e) => ({ kind: 'refund' as const, ...e.reqInfo })),
  z
    .object({
      returnCode: z.string(),
      resultCode: z.string().optional(),
      outTradeNo: z.string().min(1),
      transactionId: z.string().min(1),
      totalFee: z.coerce.number().int(),
      timeEnd: z.string().optional(),
    })
    .passthrough()
    .transform((e) => ({ kind: 'payment' as const, ...e })),
])

export const main = defineEventHandler('payment-callback', {
  sources: ['paycallback'],
  input: notice,
  refused: retryLater,
  async handle(event) {
    const now = new Date()
    if (event.kind === 'refund') {
      const end = refundEndOf(event.refundStatus, event.successTime)
      if (!end) {
        console.error(`refund notice ${event.outRefundNo}: unexpected refund status ${event.refundStatus}`)
        return retryLater
      }
      const outcome = await recordRefund({ outTradeNo: event.outTradeNo, outRefundNo: event.outRefundNo, refundFen: event.refundFee, end }, now)
      return outcome.ok ? acknowledged : retryLater
    }
    if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS') return acknowledged
    const settled = await markOrderPaid(
      { outTradeNo: event.outTradeNo, transactionId: event.transactionId, paidFen: event.totalFee, paidAt: parseWechatTime(event.timeEnd) },
      cloudPayGateway,
      now,
    )
    return settled.ok ? acknowledged : retryLater
  },
})
