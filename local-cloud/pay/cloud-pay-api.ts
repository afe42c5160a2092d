import type { Identity } from '../functions/host'
import { refundNotification } from './events'
import { PROVIDER_MCH_ID, compactTime, newPrepayId, newRefundId, nonceStr, providerOpenid, readableTime, signed } from './format'
import type { Notifier } from './notifier'
import type { PayOrder, PayRefund, PaymentRecords, TradeState } from './records'

/**
 * What the wx.wxPayApi action answers: WeChat's response (snake_case, which wx-server-sdk turns into
 * camelCase), or a cloud-level error that the SDK throws as `cloudPay.<api>:fail`.
 */
export type ApiAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; code: string; message: string }

type Params = Record<string, unknown>
type PayResponse = Record<string, unknown>

const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/
const OUT_REFUND_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/

const STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
}

/**
 * The cloudPay APIs of wx-server-sdk (unifiedOrder, queryOrder, closeOrder, refund, queryRefund),
 * answered as WeChat Pay v2 answers them through cloud pay. A request the service rejects outright
 * has `return_code: 'FAIL'`; a business failure has `result_code: 'FAIL'` with `err_code` and
 * `err_code_des` (the SDK then overwrites errCode with 0, so callers see errCodeDes).
 */
/**
 * Ways WeChat Pay fails that a shop must survive, injected for tests and demos:
 * `system_error` answers SYSTEMERROR without acting; `unavailable` makes the call itself fail (the SDK
 * throws); `lost_answer` acts, then the call fails as if the answer never arrived.
 *
 * For `refund` only, how the new refund then ends instead of SUCCESS: `refund_change` in CHANGE
 * (退款异常: the buyer's card was closed or frozen), `refund_closed` in REFUNDCLOSE, each with its
 * notification; `refund_processing` never leaves PROCESSING, as a refund to a bank card may take days.
 */
export type PayFault = 'system_error' | 'unavailable' | 'lost_answer' | 'refund_change' | 'refund_closed' | 'refund_processing'

export const PAY_FAULTS: PayFault[] = ['system_error', 'unavailable', 'lost_answer', 'refund_change', 'refund_closed', 'refund_processing']

const REFUND_ENDS: Partial<Record<PayFault, PayRefund['endsAs']>> = { refund_change: 'CHANGE', refund_closed: 'REFUNDCLOSE', refund_processing: 'NEVER' }

export const isRefundFault = (fault: PayFault) => fault in REFUND_ENDS

export class CloudPayApi {
  private readonly faults = new Map<string, PayFault[]>()

  constructor(
    private readonly records: PaymentRecords,
    private readonly notifier: Notifier,
    private readonly appId: string,
    private readonly refundDelayMs: number,
  ) {}

  /** The next `count` calls of `apiName` fail with `fault`. */
  injectFault(apiName: string, fault: PayFault, count: number): void {
    this.faults.set(apiName, [...(this.faults.get(apiName) ?? []), ...Array<PayFault>(count).fill(fault)])
  }

  async handle(apiName: string, requestData: string, caller: Identity | undefined): Promise<ApiAnswer> {
    const fault = this.faults.get(apiName)?.shift()
    if (fault === 'unavailable') return { ok: false, code: 'SYSTEM_ERROR', message: 'wxpay service unavailable' }
    if (fault === 'system_error') {
      return { ok: true, body: { return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'SYSTEMERROR', err_code_des: '系统超时，请稍后重试' } }
    }
    const answer = await this.answer(apiName, requestData, caller, fault && REFUND_ENDS[fault])
    return fault === 'lost_answer' ? { ok: false, code: 'SYSTEM_ERROR', message: 'wxpay answer timed out' } : answer
  }

  private async answer(apiName: string, requestData: string, caller: Identity | undefined, refundEndsAs?: PayRefund['endsAs']): Promise<ApiAnswer> {
    let params: unknown
    try {
      params = JSON.parse(requestData)
    } catch {
      return { ok: false, code: 'INVALID_PARAM', message: 'requestData is not valid JSON' }
    }
    if (!params || typeof params !== 'object' || Array.isArray(params)) {
      return { ok: false, code: 'INVALID_PARAM', message: 'requestData must be an object' }
    }
    const p = params as Params
    switch (apiName) {
      case 'unifiedOrder':
        return { ok: true, body: await this.unifiedOrder(p, caller) }
      case 'queryOrder':
        return { ok: true, body: this.queryOrder(p) }
      case 'closeOrder':
        return { ok: true, body: await this.closeOrder(p) }
      case 'refund':
        return { ok: true, body: await this.refund(p, refundEndsAs) }
      case 'queryRefund':
        return { ok: true, body: this.queryRefund(p) }
      default:
        return { ok: false, code: 'INVALID_PARAM', message: `cloudPay.${apiName} is not supported by the local cloud` }
    }
  }

  /** Finishes the refunds that were still processing when the local cloud stopped. */
  resumeRefunds(): void {
    for (const refund of this.records.processingRefunds()) this.completeRefundLater(refund.outRefundNo)
  }

  private async unifiedOrder(p: Params, caller: Identity | undefined): Promise<PayResponse> {
    const missing = firstMissing(p, ['body', 'out_trade_no', 'total_fee', 'spbill_create_ip', 'sub_mch_id', 'env_id', 'function_name'])
    if (missing) return rejected(`缺少参数${missing}`)
    if (!isPositiveInteger(p.total_fee)) return rejected('invalid total_fee')
    const outTradeNo = String(p.out_trade_no)
    if (!OUT_TRADE_NO.test(outTradeNo)) return rejected('invalid out_trade_no')
    const tradeType = text(p.trade_type) ?? 'JSAPI'
    if (tradeType !== 'JSAPI') return rejected(`trade_type ${tradeType} is not supported by the local cloud (JSAPI only)`)
    // Cloud pay fills in the payer from the calling user when the function does not name one.
    const payerOpenid = text(p.sub_openid) ?? text(p.openid) ?? caller?.openid
    if (!payerOpenid) return rejected('JSAPI支付必须传openid')

    const subMchId = String(p.sub_mch_id)
    const existing = this.records.order(outTradeNo)
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return this.failed(subMchId, 'ORDERPAID', '该订单已支付')
      if (existing.state === 'CLOSED') return this.failed(subMchId, 'ORDERCLOSED', '该订单已关闭')
      const same =
        existing.subMchId === subMchId &&
        existing.totalFee === p.total_fee &&
        existing.body === p.body &&
        existing.payerOpenid === payerOpenid
      // Placing the same order again gives back the same prepay_id; changing it needs a new out_trade_no.
      if (!same) return this.failed(subMchId, 'OUT_TRADE_NO_USED', '商户订单号重复')
      return this.prepaid(existing)
    }

    const now = new Date()
    const order: PayOrder = {
      _id: outTradeNo,
      outTradeNo,
      subMchId,
      body: String(p.body),
      ...(p.attach !== undefined ? { attach: String(p.attach) } : {}),
      totalFee: p.total_fee as number,
      feeType: text(p.fee_type) ?? 'CNY',
      tradeType,
      payerOpenid,
      envId: String(p.env_id),
      functionName: String(p.function_name),
      prepayId: newPrepayId(now),
      state: 'NOTPAY',
      createdAt: now,
      refundedFee: 0,
    }
    await this.records.save({ orders: [order] })
    return this.prepaid(order)
  }

  /** The unifiedOrder answer: the prepay_id and the signed parameters wx.requestPayment takes. */
  private prepaid(order: PayOrder): PayResponse {
    const payment = {
      appId: this.appId,
      timeStamp: String(Math.floor(Date.now() / 1000)),
      nonceStr: nonceStr(),
      package: `prepay_id=${order.prepayId}`,
      signType: 'MD5',
    }
    return this.succeeded(order.subMchId, {
      trade_type: order.tradeType,
      prepay_id: order.prepayId,
      payment: { ...payment, paySign: signed(payment).sign },
    })
  }

  private queryOrder(p: Params): PayResponse {
    const found = this.findOrder(p)
    if ('rejection' in found) return found.rejection
    const { order, subMchId } = found
    if (!order) return this.failed(subMchId, 'ORDERNOTEXIST', '订单不存在')
    const common = {
      out_trade_no: order.outTradeNo,
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
      trade_state: order.state,
      trade_state_desc: STATE_DESC[order.state],
    }
    // As documented, an order that was never paid answers only its number, attach and state.
    if (!order.transactionId) return this.succeeded(subMchId, common)
    return this.succeeded(subMchId, {
      ...common,
      openid: providerOpenid(order.payerOpenid),
      is_subscribe: 'N',
      sub_openid: order.payerOpenid,
      sub_is_subscribe: 'N',
      trade_type: order.tradeType,
      bank_type: 'OTHERS',
      total_fee: order.totalFee,
      fee_type: order.feeType,
      cash_fee: order.totalFee,
      cash_fee_type: order.feeType,
      transaction_id: order.transactionId,
      time_end: compactTime(order.paidAt!),
    })
  }

  private async closeOrder(p: Params): Promise<PayResponse> {
    const missing = firstMissing(p, ['sub_mch_id', 'out_trade_no'])
    if (missing) return rejected(`缺少参数${missing}`)
    const subMchId = String(p.sub_mch_id)
    const order = this.ownOrder(this.records.order(String(p.out_trade_no)), subMchId)
    if (!order) return this.failed(subMchId, 'ORDERNOTEXIST', '订单不存在')
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return this.failed(subMchId, 'ORDERPAID', '订单已支付，不能发起关单')
    if (order.state === 'CLOSED') return this.failed(subMchId, 'ORDERCLOSED', '订单已关闭，无需继续调用')
    await this.records.save({ orders: [{ ...order, state: 'CLOSED' }] })
    return this.succeeded(subMchId, { result_msg: 'OK' })
  }

  private async refund(p: Params, endsAs?: PayRefund['endsAs']): Promise<PayResponse> {
    const missing = firstMissing(p, ['sub_mch_id', 'out_refund_no', 'total_fee', 'refund_fee', 'env_id', 'function_name'])
    if (missing) return rejected(`缺少参数${missing}`)
    if (!isPositiveInteger(p.total_fee)) return rejected('invalid total_fee')
    if (!isPositiveInteger(p.refund_fee) || (p.refund_fee as number) > (p.total_fee as number)) return rejected('invalid refund_fee')
    const outRefundNo = String(p.out_refund_no)
    if (!OUT_REFUND_NO.test(outRefundNo)) return rejected('invalid out_refund_no')
    const found = this.findOrder(p)
    if ('rejection' in found) return found.rejection
    const { order, subMchId } = found
    if (!order) return this.failed(subMchId, 'ORDERNOTEXIST', '订单不存在')

    const mismatch = () => this.failed(subMchId, 'REFUND_FEE_MISMATCH', '订单金额或退款金额与之前请求不一致，请核实后再试')
    const earlier = this.records.refund(outRefundNo)
    if (earlier) {
      // A refund request is idempotent on out_refund_no: the same request gets the same refund.
      if (earlier.outTradeNo !== order.outTradeNo || earlier.refundFee !== p.refund_fee || earlier.totalFee !== p.total_fee) {
        return mismatch()
      }
      return this.refunded(earlier, subMchId)
    }
    if (!order.transactionId || order.state === 'NOTPAY' || order.state === 'CLOSED') {
      return this.failed(subMchId, 'ERROR', '订单状态错误')
    }
    if (p.total_fee !== order.totalFee) return mismatch()
    const refundable = order.totalFee - order.refundedFee
    if (refundable === 0) return this.failed(subMchId, 'ERROR', '订单已全额退款')
    if ((p.refund_fee as number) > refundable) return this.failed(subMchId, 'INVALID_REQUEST', 'refund_fee大于可退金额')

    const now = new Date()
    const refund: PayRefund = {
      _id: outRefundNo,
      outRefundNo,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      refundId: newRefundId(now),
      totalFee: order.totalFee,
      refundFee: p.refund_fee as number,
      envId: String(p.env_id),
      functionName: String(p.function_name),
      status: 'PROCESSING',
      ...(endsAs ? { endsAs } : {}),
      createdAt: now,
    }
    const updated: PayOrder = { ...order, state: 'REFUND', refundedFee: order.refundedFee + refund.refundFee }
    await this.records.save({ orders: [updated], refunds: [refund] })
    this.completeRefundLater(outRefundNo)
    return this.refunded(refund, subMchId)
  }

  private refunded(refund: PayRefund, subMchId: string): PayResponse {
    return this.succeeded(subMchId, {
      transaction_id: refund.transactionId,
      out_trade_no: refund.outTradeNo,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_fee: refund.refundFee,
      settlement_refund_fee: refund.refundFee,
      total_fee: refund.totalFee,
      settlement_total_fee: refund.totalFee,
      cash_fee: refund.totalFee,
      cash_refund_fee: refund.refundFee,
      coupon_refund_fee: 0,
      coupon_refund_count: 0,
      refund_channel: [],
    })
  }

  /** A refund to the user's balance ends a moment after it is accepted (SUCCESS unless a fault said otherwise); then WeChat notifies. */
  private completeRefundLater(outRefundNo: string): void {
    this.notifier.later(this.refundDelayMs, async () => {
      const refund = this.records.refund(outRefundNo)
      if (!refund || refund.status !== 'PROCESSING' || refund.endsAs === 'NEVER') return
      const status = refund.endsAs ?? 'SUCCESS'
      const done: PayRefund = { ...refund, status, ...(status === 'SUCCESS' ? { succeededAt: new Date() } : {}) }
      await this.records.save({ refunds: [done] })
      this.notifier.send(refundNotification(done, this.records.order(done.outTradeNo)!, this.appId))
    })
  }

  private queryRefund(p: Params): PayResponse {
    const missing = firstMissing(p, ['sub_mch_id'])
    if (missing) return rejected(`缺少参数${missing}`)
    const subMchId = String(p.sub_mch_id)
    // WeChat's lookup order: refund_id, out_refund_no, transaction_id, out_trade_no.
    let refunds: PayRefund[]
    if (text(p.refund_id)) refunds = compact([this.records.refundWithId(String(p.refund_id))])
    else if (text(p.out_refund_no)) refunds = compact([this.records.refund(String(p.out_refund_no))])
    else if (text(p.transaction_id) || text(p.out_trade_no)) {
      const order = text(p.transaction_id)
        ? this.records.orderWith('transactionId', String(p.transaction_id))
        : this.records.order(String(p.out_trade_no))
      refunds = order ? this.records.refundsOf(order.outTradeNo) : []
    } else return rejected('refund_id、out_refund_no、transaction_id、out_trade_no至少填一个')
    const order = refunds.length ? this.ownOrder(this.records.order(refunds[0].outTradeNo), subMchId) : undefined
    if (!order) return this.failed(subMchId, 'REFUNDNOTEXIST', '退款订单查询失败')

    const offset = isPositiveInteger(p.offset) ? (p.offset as number) : 0
    if (offset >= refunds.length && offset > 0) return this.failed(subMchId, 'PARAM_ERROR', 'offset超过退款单总数')
    const page = refunds.slice(offset, offset + 10)
    return this.succeeded(subMchId, {
      transaction_id: order.transactionId,
      out_trade_no: order.outTradeNo,
      total_fee: order.totalFee,
      fee_type: order.feeType,
      cash_fee: order.totalFee,
      refund_fee: page.reduce((sum, r) => sum + r.refundFee, 0),
      refund_count: page.length,
      ...(p.offset !== undefined ? { total_refund_count: refunds.length } : {}),
      // Cloud pay answers the per-refund fields as lists (WeChat's `_$n` fields, in order).
      out_refund_no_list: page.map((r) => r.outRefundNo),
      refund_id_list: page.map((r) => r.refundId),
      refund_channel: page.map(() => 'ORIGINAL'),
      refund_fee_list: page.map((r) => r.refundFee),
      settlement_refund_fee_list: page.map((r) => r.refundFee),
      refund_status_list: page.map((r) => r.status),
      refund_account_list: page.map(() => 'REFUND_SOURCE_UNSETTLED_FUNDS'),
      refund_recv_accout_list: page.map(() => '支付用户零钱'),
      refund_success_time_list: page.map((r) => (r.succeededAt ? readableTime(r.succeededAt) : '')),
    })
  }

  /** The order a query, close or refund names: by transaction_id first, as WeChat looks it up. */
  private findOrder(p: Params): { rejection: PayResponse } | { order: PayOrder | undefined; subMchId: string } {
    const missing = firstMissing(p, ['sub_mch_id'])
    if (missing) return { rejection: rejected(`缺少参数${missing}`) }
    const subMchId = String(p.sub_mch_id)
    if (text(p.transaction_id)) {
      return { order: this.ownOrder(this.records.orderWith('transactionId', String(p.transaction_id)), subMchId), subMchId }
    }
    if (text(p.out_trade_no)) return { order: this.ownOrder(this.records.order(String(p.out_trade_no)), subMchId), subMchId }
    return { rejection: rejected('out_trade_no、transaction_id至少填一个') }
  }

  /** Order numbers belong to a merchant: another merchant's order does not exist for this one. */
  private ownOrder(order: PayOrder | undefined, subMchId: string): PayOrder | undefined {
    return order?.subMchId === subMchId ? order : undefined
  }

  private envelope(subMchId: string): PayResponse {
    return {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: this.appId,
      mch_id: PROVIDER_MCH_ID,
      sub_appid: this.appId,
      sub_mch_id: subMchId,
      nonce_str: nonceStr(),
    }
  }

  private succeeded(subMchId: string, fields: PayResponse): PayResponse {
    return signed({ ...this.envelope(subMchId), result_code: 'SUCCESS', ...fields })
  }

  private failed(subMchId: string, errCode: string, errCodeDes: string): PayResponse {
    return signed({ ...this.envelope(subMchId), result_code: 'FAIL', err_code: errCode, err_code_des: errCodeDes })
  }
}

/** A request WeChat Pay refuses before looking at the business (bad or missing parameters). */
function rejected(returnMsg: string): PayResponse {
  return { return_code: 'FAIL', return_msg: returnMsg }
}

function firstMissing(p: Params, keys: string[]): string | undefined {
  return keys.find((key) => p[key] === undefined || p[key] === null || p[key] === '')
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

function compact<T>(values: Array<T | undefined>): T[] {
  return values.filter((v): v is T => v !== undefined)
}
