import { randomBytes } from 'node:crypto'
import cloud from 'wx-server-sdk'
import type { PaymentParams } from '../../src/core/order'
import type { PaymentGateway, PaymentState, RefundEnd, RefundState } from '../../src/core/payment'
import { currentEnvironment } from './wx-context'
import { Result, fail, ok } from '../../src/core/result'
import { inShanghai } from '../../src/core/time'

/**
 * WeChat Pay through cloud.cloudPay: the one file that knows its request and answer shapes. Answers
 * carry `returnCode` (was the call accepted) and `resultCode` (did the business step succeed). The
 * SDK always sets `errCode` to 0, so a failed step says why only in free text (`errCodeDes`); rather
 * than parse that text, a failed create or close asks WeChat Pay for the payment's real state.
 */

/** Where WeChat delivers payment and refund notifications. */
export const PAYMENT_CALLBACK_FUNCTION = 'payment-callback'

/** The sub-merchant number (子商户号) bound to the mini program; set per environment. */
export const subMchId = () => process.env.PAY_SUB_MCH_ID ?? '1900000109'
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
  queryRefund(params: Record<string, unknown>): Promise<CloudPayAnswer>
}

const cloudPay = (cloud as unknown as { cloudPay: CloudPay }).cloudPay

/**
 * Calls a cloudPay API; a call that throws (network, service down) comes back as an answer that did
 * not succeed, so every caller handles one shape.
 */
async function call(api: keyof CloudPay, params: Record<string, unknown>): Promise<CloudPayAnswer & { payment?: PaymentParams }> {
  try {
    return await cloudPay[api](params)
  } catch (error) {
    console.error(`cloudPay.${api} failed:`, error)
    return { returnCode: 'FAIL', returnMsg: String(error) }
  }
}

const accepted = (answer: CloudPayAnswer) => answer.returnCode === 'SUCCESS'
const succeeded = (answer: CloudPayAnswer) => accepted(answer) && answer.resultCode === 'SUCCESS'
const why = (answer: CloudPayAnswer) => `${answer.returnMsg ?? ''} ${answer.errCodeDes ?? ''}`.trim()

/** WeChat's yyyyMMddHHmmss (payments) or yyyy-MM-dd HH:mm:ss (refunds), in Beijing time. */
export function parseWechatTime(text: unknown): Date {
  const m = String(text ?? '').match(/^(\d{4})-?(\d{2})-?(\d{2}) ?(\d{2}):?(\d{2}):?(\d{2})$/)
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`) : new Date()
}

/**
 * How a refund ended, from WeChat's refund_status and success_time; undefined while it is PROCESSING,
 * and for a status we do not know — never a guess.
 */
export function refundEndOf(status: unknown, successTime: unknown): RefundEnd | undefined {
  switch (status) {
    case 'SUCCESS':
      return { state: 'succeeded', at: parseWechatTime(successTime) }
    case 'CHANGE':
      return { state: 'failed', failure: 'change' }
    case 'REFUNDCLOSE':
      return { state: 'failed', failure: 'closed' }
    default:
      return undefined
  }
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

async function queryPayment(outTradeNo: string): Promise<Result<PaymentState>> {
  const answer = await call('queryOrder', { subMchId: subMchId(), outTradeNo, nonceStr: nonceStr() })
  if (!succeeded(answer)) {
    // ORDERNOTEXIST is the one failure that tells something: WeChat Pay never saw this payment.
    if (accepted(answer) && /ORDERNOTEXIST|不存在/.test(`${answer.errCode ?? ''} ${answer.errCodeDes ?? ''}`)) return ok({ state: 'none' })
    console.error(`queryOrder ${outTradeNo} failed: ${why(answer)}`)
    return fail('PAYMENT_QUERY_FAILED')
  }
  switch (answer.tradeState) {
    case 'SUCCESS':
    // 转入退款: a refund was started, so the payment was made; how that refund ends only queryRefund says.
    case 'REFUND':
      return ok({
        state: 'paid',
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
}

export const cloudPayGateway: PaymentGateway = {
  async createPayment({ outTradeNo, totalFen, description, payerOpenid, expiresAt }): Promise<Result<PaymentParams>> {
    const answer = await call('unifiedOrder', {
      body: description.slice(0, 120),
      outTradeNo,
      spbillCreateIp: '127.0.0.1',
      subMchId: subMchId(),
      totalFee: totalFen,
      envId: currentEnvironment(),
      functionName: PAYMENT_CALLBACK_FUNCTION,
      nonceStr: nonceStr(),
      tradeType: 'JSAPI',
      openid: payerOpenid,
      // WeChat would otherwise keep it payable for two hours; our orders expire sooner.
      timeExpire: inShanghai(expiresAt).format('YYYYMMDDHHmmss'),
    })
    if (succeeded(answer) && answer.payment) return ok(answer.payment)
    const state = await queryPayment(outTradeNo)
    if (state.ok && state.data.state === 'paid') return fail('ORDER_ALREADY_PAID')
    if (state.ok && state.data.state === 'closed') return fail('ORDER_PAYMENT_CLOSED')
    console.error(`unifiedOrder ${outTradeNo} failed: ${why(answer)}`)
    return fail('PAYMENT_UNAVAILABLE')
  },

  queryPayment,

  async closePayment(outTradeNo) {
    const answer = await call('closeOrder', { subMchId: subMchId(), outTradeNo, nonceStr: nonceStr() })
    if (succeeded(answer)) return ok('closed' as const)
    // The close did not clearly work: only WeChat Pay's own account of the payment may say it is safe.
    const state = await queryPayment(outTradeNo)
    if (!state.ok) return state
    if (state.data.state === 'paid') return ok('already_paid' as const)
    if (state.data.state === 'none' || state.data.state === 'closed') return ok('closed' as const)
    console.error(`closeOrder ${outTradeNo} failed while the payment is ${state.data.state}: ${why(answer)}`)
    return fail('PAYMENT_CLOSE_FAILED')
  },

  async refund({ outTradeNo, outRefundNo, totalFen, refundFen, reason }) {
    const answer = await call('refund', {
      subMchId: subMchId(),
      nonceStr: nonceStr(),
      outTradeNo,
      outRefundNo,
      totalFee: totalFen,
      refundFee: refundFen,
      refundDesc: reason.slice(0, 80),
      envId: currentEnvironment(),
      functionName: PAYMENT_CALLBACK_FUNCTION,
    })
    if (succeeded(answer)) return 'accepted' as const
    console.error(`refund ${outRefundNo} of ${outTradeNo} not confirmed: ${why(answer)}`)
    return 'unknown' as const
  },

  async queryRefund(outRefundNo): Promise<RefundState> {
    const answer = await call('queryRefund', { subMchId: subMchId(), nonceStr: nonceStr(), outRefundNo })
    if (!succeeded(answer)) {
      // REFUNDNOTEXIST (退款订单查询失败) is the one failure that tells something: WeChat Pay has no such refund.
      if (accepted(answer) && /REFUNDNOTEXIST|退款订单查询失败/.test(`${answer.errCode ?? ''} ${answer.errCodeDes ?? ''}`)) return { state: 'none' }
      console.error(`queryRefund ${outRefundNo} failed: ${why(answer)}`)
      return { state: 'unknown' }
    }
    // Cloud pay answers WeChat's refund_status_$n fields as lists. They have been seen empty in
    // production; then this refund's state is not known, and nothing is assumed.
    const index = list(answer.outRefundNoList).indexOf(outRefundNo)
    const status = index >= 0 ? list(answer.refundStatusList)[index] : undefined
    if (status === 'PROCESSING') return { state: 'processing' }
    return refundEndOf(status, list(answer.refundSuccessTimeList)[index]) ?? { state: 'unknown' }
  },
}
