import { randomBytes } from 'node:crypto'
import cloud from 'wx-server-sdk'
import type { PaymentParams } from '../../src/core/order'
import type { PaymentGateway, PaymentState } from '../../src/core/payment'
import { Result, fail, ok } from '../../src/core/result'

/**
 * WeChat Pay through cloud.cloudPay: the one file that knows its request and answer shapes. Answers
 * carry `returnCode` (the call) and `resultCode` (the business outcome); both must be SUCCESS.
 */

/** Where WeChat delivers payment and refund notifications. */
export const PAYMENT_CALLBACK_FUNCTION = 'payment-callback'

/** The sub-merchant number (子商户号) bound to the mini program; set per environment. */
const subMchId = () => process.env.PAY_SUB_MCH_ID ?? '1900000109'
const envId = () => String(cloud.getWXContext().ENV ?? '')
const nonceStr = () => randomBytes(16).toString('hex')

interface CloudPayAnswer {
  returnCode?: string
  returnMsg?: string
  resultCode?: string
  errCode?: string | number
  errCodeDes?: string
  [field: string]: unknown
}

interface CloudPay {
  unifiedOrder(params: Record<string, unknown>): Promise<CloudPayAnswer & { payment?: PaymentParams }>
  queryOrder(params: Record<string, unknown>): Promise<CloudPayAnswer>
  closeOrder(params: Record<string, unknown>): Promise<CloudPayAnswer>
  refund(params: Record<string, unknown>): Promise<CloudPayAnswer>
}

const cloudPay = (cloud as unknown as { cloudPay: CloudPay }).cloudPay

/** The WeChat Pay business error code of an answer, if it failed. */
function failure(answer: CloudPayAnswer): string | undefined {
  if (answer.returnCode !== 'SUCCESS') return answer.returnMsg || 'PAY_CALL_FAILED'
  if (answer.resultCode !== 'SUCCESS') return String(answer.errCode || 'PAY_FAILED')
  return undefined
}

/** WeChat's yyyyMMddHHmmss in Beijing time. */
export function parseWechatTime(text: unknown): Date {
  const m = String(text ?? '').match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/)
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`) : new Date()
}

export const cloudPayGateway: PaymentGateway = {
  async createPayment({ outTradeNo, totalFen, description, payerOpenid }): Promise<Result<PaymentParams>> {
    const answer = await cloudPay.unifiedOrder({
      body: description.slice(0, 120),
      outTradeNo,
      spbillCreateIp: '127.0.0.1',
      subMchId: subMchId(),
      totalFee: totalFen,
      envId: envId(),
      functionName: PAYMENT_CALLBACK_FUNCTION,
      nonceStr: nonceStr(),
      tradeType: 'JSAPI',
      openid: payerOpenid,
    })
    const code = failure(answer)
    if (code === 'ORDERPAID') return fail('ORDER_ALREADY_PAID', '订单已支付')
    if (code === 'ORDERCLOSED') return fail('ORDER_PAYMENT_CLOSED', '订单已关闭，请重新下单')
    if (code || !answer.payment) {
      console.error(`unifiedOrder ${outTradeNo} failed: ${code} ${answer.errCodeDes ?? ''}`)
      return fail('PAYMENT_UNAVAILABLE', '支付暂时不可用，请稍后重试')
    }
    return ok(answer.payment)
  },

  async queryPayment(outTradeNo): Promise<Result<PaymentState>> {
    const answer = await cloudPay.queryOrder({ subMchId: subMchId(), outTradeNo, nonceStr: nonceStr() })
    const code = failure(answer)
    if (code === 'ORDERNOTEXIST') return ok({ state: 'unpaid' })
    if (code) return fail('PAYMENT_QUERY_FAILED', '支付结果查询失败，请稍后重试')
    switch (answer.tradeState) {
      case 'SUCCESS':
      case 'REFUND':
        return ok({
          state: answer.tradeState === 'SUCCESS' ? 'paid' : 'refunded',
          transactionId: String(answer.transactionId),
          paidFen: Number(answer.totalFee),
          paidAt: parseWechatTime(answer.timeEnd),
        })
      case 'CLOSED':
      case 'REVOKED':
        return ok({ state: 'closed' })
      case 'NOTPAY':
      case 'USERPAYING':
      case 'PAYERROR':
        return ok({ state: 'unpaid' })
      default:
        return ok({ state: 'unknown' })
    }
  },

  async closePayment(outTradeNo) {
    const answer = await cloudPay.closeOrder({ subMchId: subMchId(), outTradeNo, nonceStr: nonceStr() })
    const code = failure(answer)
    if (code === 'ORDERPAID') return ok('already_paid' as const)
    // Never started at WeChat, or already closed: either way it can no longer be paid.
    if (!code || code === 'ORDERNOTEXIST' || code === 'ORDERCLOSED') return ok('closed' as const)
    return fail('PAYMENT_CLOSE_FAILED', '关闭支付失败，请稍后重试', { code })
  },

  async refund({ outTradeNo, outRefundNo, totalFen, refundFen, reason }) {
    const answer = await cloudPay.refund({
      subMchId: subMchId(),
      nonceStr: nonceStr(),
      outTradeNo,
      outRefundNo,
      totalFee: totalFen,
      refundFee: refundFen,
      refundDesc: reason.slice(0, 80),
      envId: envId(),
      functionName: PAYMENT_CALLBACK_FUNCTION,
    })
    const code = failure(answer)
    if (code) {
      console.error(`refund ${outRefundNo} of ${outTradeNo} failed: ${code} ${answer.errCodeDes ?? ''}`)
      return fail('REFUND_FAILED', '退款发起失败，请稍后重试', { code })
    }
    return ok(undefined)
  },
}
