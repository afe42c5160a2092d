import { maskedPhone } from './address'
import { addMinutes, inShanghai } from './time'

/**
 * The express companies HQ ships with, by the delivery id WeChat's 发货信息管理 knows them by
 * (`get_delivery_list`): the report names the carrier with it, and the buyer's page shows its name
 * (CARRIER_NAMES in the zh-CN table).
 */
export const CARRIER_IDS = ['SF', 'ZTO', 'YTO', 'YD', 'STO', 'JTSD', 'EMS', 'JD', 'DBL'] as const
export type CarrierId = (typeof CARRIER_IDS)[number]

/** WeChat wants the receiver's phone, masked, on a 顺丰 waybill: its tracking API asks for it. */
const CONTACT_REQUIRED: CarrierId[] = ['SF']

/** A tracking number as carriers print them. */
export const TRACKING_NO = /^[A-Za-z0-9-]{6,40}$/

/** WeChat's limit on `item_desc`. */
const ITEM_DESC_MAX_CHARS = 120

/**
 * Where an order's report to WeChat's order-shipping service (发货信息管理) stands. `pending`: not yet
 * accepted — not tried, refused, or the answer was lost — and tried again at `nextAttemptAt`;
 * `accepted`: WeChat has it, and the buyer's payment can be released.
 */
export interface ShippingReport {
  state: 'pending' | 'accepted'
  attempts: number
  nextAttemptAt?: Date
  acceptedAt?: Date
  /** The last refusal, as WeChat worded it (errcode 0: the call had no answer). */
  lastError?: { errcode: number; errmsg: string; at: Date }
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, … up to an hour, and hourly after that. */
const BACKOFF_MAX_MINUTES = 60
export const backoffMinutes = (attempts: number): number => Math.min(2 ** Math.max(attempts - 1, 0), BACKOFF_MAX_MINUTES)

/**
 * A report waiting for its first attempt, written with the move that ships the order. Whoever ships
 * tries it at once; the retry job takes it only a minute on, should that attempt not have recorded an
 * outcome, so the two never upload the same shipment twice.
 */
export const pendingReport = (at: Date): ShippingReport => ({ state: 'pending', attempts: 0, nextAttemptAt: addMinutes(at, backoffMinutes(1)) })

/** The report after one attempt: accepted, or pending again with its next attempt backed off. */
export function afterAttempt(report: ShippingReport, outcome: { accepted: true } | { accepted: false; errcode: number; errmsg: string }, at: Date): ShippingReport {
  const attempts = report.attempts + 1
  if (outcome.accepted) return { state: 'accepted', attempts, acceptedAt: at }
  return { state: 'pending', attempts, nextAttemptAt: addMinutes(at, backoffMinutes(attempts)), lastError: { errcode: outcome.errcode, errmsg: outcome.errmsg, at } }
}

/** The body of `wxa.sec.order.uploadShippingInfo`, in the SDK's camelCase (it sends snake_case). */
export interface ShippingInfoRequest {
  orderKey: { orderNumberType: 1; mchid: string; outTradeNo: string } | { orderNumberType: 2; transactionId: string }
  /** 1: express delivery. */
  logisticsType: 1
  /** 1: everything in one parcel (统一发货). */
  deliveryMode: 1
  shippingList: Array<{ trackingNo: string; expressCompany: CarrierId; itemDesc: string; contact?: { receiverContact: string } }>
  /** RFC 3339, Shanghai time; each upload of a payment must carry a later one. */
  uploadTime: string
  payer: { openid: string }
}

/** What a report reads of an order (order.ts's Order has it all). */
interface ReportedOrder {
  lines: Array<{ title: string; specs: Record<string, string>; quantity: number }>
  address: { phone: string }
  payment: { outTradeNo: string; transactionId?: string }
  buyerOpenid: string
  shipment?: { trackingNo: string; carrierId?: CarrierId }
}

/** What was shipped, in words WeChat shows the buyer: `明前龙井 100g ×2；白茶饼 ×1`, cut to WeChat's limit. */
export function itemDescription(lines: ReportedOrder['lines']): string {
  const text = lines.map((line) => [line.title, ...Object.values(line.specs)].join(' ') + ` ×${line.quantity}`).join('；')
  return [...text].length <= ITEM_DESC_MAX_CHARS ? text : `${[...text].slice(0, ITEM_DESC_MAX_CHARS - 1).join('')}…`
}

/**
 * The shipping report of a shipped order, by WeChat's transaction id when the payment has one (it
 * always does once paid), else by merchant number and out trade no. Null: the order has not shipped
 * with a carrier WeChat knows.
 */
export function shippingInfoRequest(order: ReportedOrder, mchid: string, at: Date): ShippingInfoRequest | null {
  const shipment = order.shipment
  if (!shipment?.carrierId) return null
  const carrier = shipment.carrierId
  return {
    orderKey: order.payment.transactionId ? { orderNumberType: 2, transactionId: order.payment.transactionId } : { orderNumberType: 1, mchid, outTradeNo: order.payment.outTradeNo },
    logisticsType: 1,
    deliveryMode: 1,
    shippingList: [
      {
        trackingNo: shipment.trackingNo,
        expressCompany: carrier,
        itemDesc: itemDescription(order.lines),
        ...(CONTACT_REQUIRED.includes(carrier) ? { contact: { receiverContact: maskedPhone(order.address.phone) } } : {}),
      },
    ],
    uploadTime: inShanghai(at).format('YYYY-MM-DDTHH:mm:ss.SSSZ'),
    payer: { openid: order.buyerOpenid },
  }
}
