import type { Doc } from '../database/indexes'
import type { Store } from '../database/store'

/** Kept in the local cloud's own store, so payments survive restarts like the shop's data does. */
export const ORDERS = '_local_pay_orders'
export const REFUNDS = '_local_pay_refunds'

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'

/** WeChat's refund_status once a refund has ended: CHANGE is 退款异常 (the original account would not take the money). */
export type RefundEnd = 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE'

/** A payment order as WeChat Pay keeps it; `_id` is the merchant's out_trade_no. */
export interface PayOrder {
  _id: string
  outTradeNo: string
  subMchId: string
  body: string
  attach?: string
  totalFee: number
  feeType: string
  tradeType: string
  /** The mini program openid of the user who pays: sub_openid, openid, or the caller of unifiedOrder. */
  payerOpenid: string
  envId: string
  /** The cloud function that receives the payment notification. */
  functionName: string
  prepayId: string
  state: TradeState
  createdAt: Date
  transactionId?: string
  paidAt?: Date
  refundedFee: number
}

/** A refund; `_id` is the merchant's out_refund_no. */
export interface PayRefund {
  _id: string
  outRefundNo: string
  outTradeNo: string
  transactionId: string
  refundId: string
  totalFee: number
  refundFee: number
  envId: string
  /** The cloud function that receives the refund notification. */
  functionName: string
  status: 'PROCESSING' | RefundEnd
  /** How the refund ends when an injected fault said so (NEVER: it stays PROCESSING); SUCCESS otherwise. */
  endsAs?: Exclude<RefundEnd, 'SUCCESS'> | 'NEVER'
  createdAt: Date
  succeededAt?: Date
}

/** Payment orders and refunds in the store. Documents read here are shared with the store: copy, never mutate. */
export class PaymentRecords {
  constructor(private readonly store: Store) {}

  /** Creates the collections the first time (they are not part of the shop's schema) and the lookup indexes. */
  async open(): Promise<void> {
    for (const name of [ORDERS, REFUNDS]) if (!this.store.hasCollection(name)) await this.store.createCollection(name)
    this.store.ensureIndex(ORDERS, { name: 'prepayId', fields: { prepayId: 1 }, unique: true })
    this.store.ensureIndex(ORDERS, { name: 'transactionId', fields: { transactionId: 1 }, unique: true, sparse: true })
    this.store.ensureIndex(REFUNDS, { name: 'outTradeNo', fields: { outTradeNo: 1 } })
    this.store.ensureIndex(REFUNDS, { name: 'refundId', fields: { refundId: 1 }, unique: true })
  }

  order(outTradeNo: string): PayOrder | undefined {
    return this.store.get(ORDERS, outTradeNo) as PayOrder | undefined
  }

  orderWith(field: 'prepayId' | 'transactionId', value: string): PayOrder | undefined {
    return this.find(ORDERS, field, value)[0] as PayOrder | undefined
  }

  refund(outRefundNo: string): PayRefund | undefined {
    return this.store.get(REFUNDS, outRefundNo) as PayRefund | undefined
  }

  refundWithId(refundId: string): PayRefund | undefined {
    return this.find(REFUNDS, 'refundId', refundId)[0] as PayRefund | undefined
  }

  /** The order's refunds, oldest first (the order WeChat lists them in). */
  refundsOf(outTradeNo: string): PayRefund[] {
    const refunds = this.find(REFUNDS, 'outTradeNo', outTradeNo) as PayRefund[]
    return refunds.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  }

  processingRefunds(): PayRefund[] {
    return ([...this.store.scan(REFUNDS)] as PayRefund[]).filter((r) => r.status === 'PROCESSING')
  }

  /**
   * Writes orders and refunds in one commit. The change is visible as soon as this is called, so a
   * read followed by a save without an `await` in between is atomic; the promise resolves once durable.
   */
  async save(changes: { orders?: PayOrder[]; refunds?: PayRefund[] }): Promise<void> {
    await this.store.commit([
      ...(changes.orders ?? []).map((doc) => ({ collection: ORDERS, id: doc._id, doc: doc as unknown as Doc })),
      ...(changes.refunds ?? []).map((doc) => ({ collection: REFUNDS, id: doc._id, doc: doc as unknown as Doc })),
    ])
  }

  private find(collection: string, field: string, value: string): Doc[] {
    return [...this.store.candidates(collection, { [field]: value }).docs].filter((doc) => doc[field] === value)
  }
}
