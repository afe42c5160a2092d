import type { PayOrder } from '../pay/records'

/** WeChat's JSON answer to an API that returns no image. */
export type JsonAnswer = { errcode: number; errmsg: string }

/** The payments the shipping service checks a report against (WeChat Pay's records of this cloud). */
export interface PaymentLookup {
  byTransactionId(transactionId: string): PayOrder | undefined
  byOutTradeNo(outTradeNo: string): PayOrder | undefined
}

/** What a payment's shipping has been told so far. */
interface Shipped {
  uploads: number
  lastUploadAt: number
}

const LOGISTICS_TYPES = [1, 2, 3, 4]
const EXPRESS = 1
const UNIFIED = 1
const SPLIT = 2
/** WeChat's limits: a split delivery holds at most 15 parcels; item_desc at most 120 characters. */
const MAX_PARCELS = 15
const ITEM_DESC_MAX_CHARS = 120
/** A payment ships once, and may be shipped again (re-uploaded, to correct it) once. */
const MAX_UPLOADS = 2
/** RFC 3339 with a zone: `2026-11-29T10:00:00+08:00`, fractions allowed. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
/** The shape of WeChat's delivery ids (SF, ZTO, JTSD, …); WeChat checks them against get_delivery_list. */
const DELIVERY_ID = /^[A-Z0-9_]{2,32}$/
/** The carrier whose waybills need the receiver's or sender's phone (masked) in `contact`. */
const CONTACT_REQUIRED = 'SF'

const refused = (errcode: number, errmsg: string): JsonAnswer => ({ errcode, errmsg })
const invalid = (detail: string) => refused(10060014, `参数错误: ${detail}`)
const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const object = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `wxa.sec.order.uploadShippingInfo` (发货信息管理) as WeChat validates it, with the error codes its
 * documentation lists: the payment is found by transaction id, or by merchant number and out trade no
 * (10060001 when there is none), must be paid (10060004) and be the payer's (10060031); a unified
 * delivery has one parcel, a split one up to 15 (268485228); express parcels carry a tracking number,
 * a delivery id and an item description of at most 120 characters (10060008, 10060009), and 顺丰's a
 * contact; `upload_time` is RFC 3339 (268485216) and later than the payment's previous upload; a
 * payment may be uploaded once and re-uploaded once (10060003). Paid state and payers come from the
 * local WeChat Pay; what was uploaded is kept in memory, for the life of the cloud.
 */
export class ShippingInfoService {
  private readonly shipped = new Map<string, Shipped>()

  constructor(private readonly payments: PaymentLookup) {}

  upload(params: Record<string, unknown>): JsonAnswer {
    const key = params.order_key
    if (!object(key)) return invalid('order_key')
    let payment: PayOrder | undefined
    if (key.order_number_type === 2) {
      if (!text(key.transaction_id)) return invalid('order_key.transaction_id')
      payment = this.payments.byTransactionId(key.transaction_id)
    } else if (key.order_number_type === 1) {
      if (!text(key.mchid) || !text(key.out_trade_no)) return invalid('order_key.mchid, order_key.out_trade_no')
      payment = this.payments.byOutTradeNo(key.out_trade_no)
      if (payment && payment.subMchId !== key.mchid) payment = undefined
    } else return invalid('order_key.order_number_type')
    if (!payment) return refused(10060001, '支付单不存在')

    const logisticsType = params.logistics_type
    if (typeof logisticsType !== 'number' || !LOGISTICS_TYPES.includes(logisticsType)) return refused(10060005, '物流类型有误')
    const mode = params.delivery_mode
    if (mode !== UNIFIED && mode !== SPLIT) return refused(268485224, '发货模式非法')
    const parcels = params.shipping_list
    if (!Array.isArray(parcels) || parcels.length === 0) return invalid('shipping_list')
    if ((mode === UNIFIED && parcels.length !== 1) || parcels.length > MAX_PARCELS) return refused(268485228, '统一发货模式下，物流信息列表长度必须为1；分拆发货最多15个包裹')
    if (mode === SPLIT && logisticsType !== EXPRESS) return refused(10060006, '非快递发货时不允许分拆发货')
    for (const parcel of parcels) {
      if (!object(parcel)) return invalid('shipping_list')
      if (!text(parcel.item_desc)) return refused(10060008, '商品描述 item_desc 字段不能为空')
      if ([...parcel.item_desc].length > ITEM_DESC_MAX_CHARS) return refused(10060009, '商品描述 item_desc 字段太长')
      if (logisticsType !== EXPRESS) continue
      if (!text(parcel.tracking_no) || parcel.tracking_no.length > 128) return invalid('shipping_list.tracking_no')
      if (typeof parcel.express_company !== 'string' || !DELIVERY_ID.test(parcel.express_company)) return invalid('shipping_list.express_company')
      if (parcel.express_company === CONTACT_REQUIRED && !(object(parcel.contact) && (text(parcel.contact.receiver_contact) || text(parcel.contact.consignor_contact)))) {
        return invalid('顺丰快递必须填写 contact')
      }
    }
    if (typeof params.upload_time !== 'string' || !RFC_3339.test(params.upload_time) || Number.isNaN(Date.parse(params.upload_time))) {
      return refused(268485216, 'upload_time 非法，请按照 RFC 3339 格式填写')
    }
    if (!object(params.payer) || !text(params.payer.openid)) return invalid('payer.openid')
    if (params.payer.openid !== payment.payerOpenid) return refused(10060031, '该笔支付单不属于该用户')
    if (payment.state !== 'SUCCESS') return refused(10060004, '支付单处于不可发货的状态')

    const uploadAt = Date.parse(params.upload_time)
    const before = this.shipped.get(payment._id)
    if (before && before.uploads >= MAX_UPLOADS) return refused(10060003, '支付单已使用重新发货机会')
    if (before && uploadAt <= before.lastUploadAt) return invalid('upload_time 必须晚于上次上传的时间')
    this.shipped.set(payment._id, { uploads: (before?.uploads ?? 0) + 1, lastUploadAt: uploadAt })
    return { errcode: 0, errmsg: 'ok' }
  }
}
