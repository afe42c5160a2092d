import { orderFunction } from '../contracts/functions'
import type { OrderView, PaymentParams } from '../core/order'
import type { CloudClient } from './cloud'

/** What the pay sheet shows beside WeChat's own text: which order and how much. */
export interface PaymentPrompt {
  orderNo: string
  amountFen: number
}

/**
 * The platform's pay sheet: WeChat's own on weapp, the local cloud's cashier on H5. Resolves once the
 * buyer has closed it, whether they paid or not; what happened is asked of the server afterwards,
 * because only WeChat Pay's answer to the server counts.
 */
export interface PaymentSheet {
  requestPayment(payment: PaymentParams, prompt: PaymentPrompt): Promise<void>
}

/**
 * Paying for an order: the server opens a WeChat Pay transaction (payOrder), the buyer pays in the
 * pay sheet, and the server then asks WeChat Pay how it went (syncPayment) and settles the order.
 * The payment notification may arrive before or after; either way the order is paid once.
 */
export class PaymentService {
  constructor(
    private readonly cloud: CloudClient,
    private readonly sheet: PaymentSheet,
  ) {}

  async pay(order: Pick<OrderView, '_id' | 'orderNo' | 'payableFen'>): Promise<OrderView> {
    const { payment } = await this.cloud.call(orderFunction, 'payOrder', { orderId: order._id })
    await this.sheet.requestPayment(payment, { orderNo: order.orderNo, amountFen: order.payableFen })
    return this.sync(order._id)
  }

  /** Asks the server to check with WeChat Pay, e.g. when the buyer comes back from paying. */
  sync(orderId: string): Promise<OrderView> {
    return this.cloud.call(orderFunction, 'syncPayment', { orderId })
  }
}
