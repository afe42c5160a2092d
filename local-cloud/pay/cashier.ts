import { PAY_FAULTS, isRefundFault, type CloudPayApi, type PayFault } from './cloud-pay-api'
import { paymentNotification } from './events'
import { newTransactionId } from './format'
import type { Notifier } from './notifier'
import type { PayOrder, PaymentRecords } from './records'

export interface DevAnswer {
  status: number
  body: unknown
}

/**
 * WeChat's side of paying, for the H5 build where wx.requestPayment does not exist: the cashier
 * sheet pays (or abandons) a prepared payment by its `package`, and a paid order's notification can
 * be delivered again to test a callback against duplicates.
 */
export class Cashier {
  constructor(
    private readonly records: PaymentRecords,
    private readonly notifier: Notifier,
    private readonly appId: string,
    private readonly api: CloudPayApi,
  ) {}

  /** The development endpoints; undefined when the request is not one of them. */
  async route(method: string, url: URL, readBody: () => Promise<unknown>): Promise<DevAnswer | undefined> {
    if (method === 'GET' && url.pathname === '/dev/cashier/order') return this.describe(url.searchParams.get('package'))
    if (method !== 'POST') return undefined
    switch (url.pathname) {
      case '/dev/cashier/pay':
        return this.pay(field(await readBody(), 'package'))
      case '/dev/cashier/cancel':
        return this.cancel(field(await readBody(), 'package'))
      case '/dev/pay/redeliver':
        return this.redeliver(field(await readBody(), 'outTradeNo'))
      case '/dev/pay/faults':
        return this.injectFault(await readBody())
      default:
        return undefined
    }
  }

  /** What the cashier sheet shows before the user pays. */
  private describe(pkg: string | null | undefined): DevAnswer {
    const order = this.byPackage(pkg)
    if ('status' in order) return order
    return { status: 200, body: { outTradeNo: order.outTradeNo, totalFee: order.totalFee, body: order.body, state: order.state } }
  }

  /** The user pays: the order is paid at once and WeChat notifies the callback function in the background. */
  private async pay(pkg: string | undefined): Promise<DevAnswer> {
    const order = this.byPackage(pkg)
    if ('status' in order) return order
    if (order.state !== 'NOTPAY') {
      const errMsg = order.state === 'CLOSED' ? '该订单已关闭' : '该订单已支付'
      return { status: 409, body: { ok: false, errMsg } }
    }
    const now = new Date()
    const paid: PayOrder = { ...order, state: 'SUCCESS', transactionId: newTransactionId(now), paidAt: now }
    await this.records.save({ orders: [paid] })
    this.notifier.send(paymentNotification(paid, this.appId))
    return { status: 200, body: { ok: true } }
  }

  /** The user closes the sheet: nothing changes, the order stays unpaid. */
  private cancel(pkg: string | undefined): DevAnswer {
    const order = this.byPackage(pkg)
    if ('status' in order) return order
    return { status: 200, body: { ok: true } }
  }

  /** Delivers a paid order's notification once more, and answers what the callback returned. */
  private async redeliver(outTradeNo: string | undefined): Promise<DevAnswer> {
    if (!outTradeNo) return { status: 400, body: { ok: false, errMsg: 'outTradeNo is required' } }
    const order = this.records.order(outTradeNo)
    if (!order) return { status: 404, body: { ok: false, errMsg: `no payment order ${outTradeNo}` } }
    if (!order.transactionId) return { status: 409, body: { ok: false, errMsg: `payment order ${outTradeNo} is not paid` } }
    return { status: 200, body: await this.notifier.deliver(paymentNotification(order, this.appId)) }
  }

  /** `{ apiName, fault, count }`: the next `count` calls of a cloudPay API fail that way (see PayFault). */
  private injectFault(body: unknown): DevAnswer {
    const apiName = field(body, 'apiName')
    const fault = field(body, 'fault') as PayFault | undefined
    const count = Number((body as Record<string, unknown>)?.count ?? 1)
    const valid = apiName && fault && PAY_FAULTS.includes(fault) && (apiName === 'refund' || !isRefundFault(fault)) && Number.isInteger(count) && count >= 1
    if (!valid) {
      return { status: 400, body: { ok: false, errMsg: `expected { apiName, fault: ${PAY_FAULTS.join(' | ')} (refund_* for refund only), count }` } }
    }
    this.api.injectFault(apiName, fault, count)
    return { status: 200, body: { ok: true } }
  }

  private byPackage(pkg: string | null | undefined): PayOrder | DevAnswer {
    const prepayId = pkg?.match(/^prepay_id=(\S+)$/)?.[1]
    if (!prepayId) return { status: 400, body: { ok: false, errMsg: 'package must be "prepay_id=…" as unifiedOrder returned it' } }
    const order = this.records.orderWith('prepayId', prepayId)
    return order ?? { status: 404, body: { ok: false, errMsg: `no payment for ${pkg}` } }
  }
}

function field(body: unknown, name: string): string | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return typeof value === 'string' ? value : undefined
}
