import type { Order } from './order'

/**
 * WeChat subscription messages (订阅消息): what the shop tells a user, and WeChat's rules for a message's
 * data. A one-time template accepted once in `requestSubscribeMessage` allows exactly one message, so
 * the shop counts each user's accepted subscriptions per kind and spends one per message sent.
 */
export type NotificationKind = 'order_shipped' | 'refund_result' | 'commission_available'

export const NOTIFICATION_KINDS: NotificationKind[] = ['order_shipped', 'refund_result', 'commission_available']

/** What a message says, per kind, as plain facts: kept with the message owed, and worded when it is sent. */
export interface NotificationFacts {
  order_shipped: { orderId: string; orderNo: string; goods: string; units: number; carrier: string; trackingNo: string; shippedAt: Date }
  refund_result: { orderId: string; orderNo: string; outcome: 'refunded' | 'rejected'; amountFen: number; reason: string; at: Date }
  commission_available: { amountFen: number; orders: number; at: Date }
}

/** A message owed to a user: whom, what, and the page it opens. */
export type Notification = { [K in NotificationKind]: { kind: K; touser: string; page: string; facts: NotificationFacts[K] } }[NotificationKind]

/** The message names a field by its own words; a template's field keys (`thing1`, `date4`…) map them. */
export type FieldName<K extends NotificationKind> = keyof NotificationFieldNames[K] & string
export interface NotificationFieldNames {
  order_shipped: { orderNo: 1; goods: 1; carrier: 1; trackingNo: 1; shippedAt: 1 }
  refund_result: { orderNo: 1; amount: 1; outcome: 1; reason: 1; at: 1 }
  commission_available: { amount: 1; orders: 1; at: 1; note: 1 }
}
export const FIELD_NAMES: { [K in NotificationKind]: Array<FieldName<K>> } = {
  order_shipped: ['orderNo', 'goods', 'carrier', 'trackingNo', 'shippedAt'],
  refund_result: ['orderNo', 'amount', 'outcome', 'reason', 'at'],
  commission_available: ['amount', 'orders', 'at', 'note'],
}

/** The page each kind opens: the order for an order's news, the commission page for commission. */
export const ORDER_PAGE = 'package-orders/pages/detail/index'
export const COMMISSION_PAGE = 'package-shop/pages/commission/index'
const orderPage = (orderId: string) => `${ORDER_PAGE}?id=${encodeURIComponent(orderId)}`

/** The buyer's message for an order that just shipped. */
export function shippedNotification(order: Order): Notification {
  const { company, trackingNo, shippedAt } = order.shipment!
  return {
    kind: 'order_shipped',
    touser: order.buyerOpenid,
    page: orderPage(order._id),
    facts: {
      orderId: order._id,
      orderNo: order.orderNo,
      goods: order.lines[0]?.title ?? '',
      units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      carrier: company,
      trackingNo,
      shippedAt,
    },
  }
}

/** The buyer's message for the order's latest refund, once it has been sent back or refused. */
export function refundResultNotification(order: Order, now: Date): Notification {
  const refund = order.refund!
  const refunded = refund.status === 'refunded'
  return {
    kind: 'refund_result',
    touser: order.buyerOpenid,
    page: orderPage(order._id),
    facts: {
      orderId: order._id,
      orderNo: order.orderNo,
      outcome: refunded ? 'refunded' : 'rejected',
      amountFen: refund.amountFen,
      reason: refunded ? refund.reason : (refund.rejectReason ?? ''),
      at: (refunded ? refund.refundedAt : refund.decidedAt) ?? now,
    },
  }
}

/** The employee's message for commission that became withdrawable. */
export function commissionAvailableNotification(ownerOpenid: string, amountFen: number, orders: number, at: Date): Notification {
  return { kind: 'commission_available', touser: ownerOpenid, page: COMMISSION_PAGE, facts: { amountFen, orders, at } }
}

/**
 * WeChat's kinds of template field, named by the key's prefix (`thing1` is a thing), each with its
 * longest value in characters (a name: 10 Han characters, or 20 letters). What each kind may hold
 * besides is WeChat's to check (the local cloud's subscribe-message.ts plays it); the shop words each
 * field to fit, and cuts it here to the length.
 */
export type FieldType = 'thing' | 'number' | 'letter' | 'symbol' | 'character_string' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number' | 'name' | 'phrase'

export const FIELD_MAX_CHARS: Record<FieldType, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: 40,
  date: 40,
  amount: 12,
  phone_number: 17,
  car_number: 8,
  name: 20,
  phrase: 5,
}

const HAN = /\p{Script=Han}/u

/** The type of a template key (`character_string2` → character_string), or null for a key WeChat has no type for. */
export function fieldTypeOf(key: string): FieldType | null {
  const prefix = /^([a-z_]+?)\d+$/.exec(key)?.[1]
  return prefix && prefix in FIELD_MAX_CHARS ? (prefix as FieldType) : null
}

const chars = (text: string) => [...text]

/**
 * A value cut to what its field holds: free text (thing) loses its end behind an ellipsis, a name its
 * end (it holds nothing but the name), codes (character_string) what they may not hold and their end;
 * the other kinds are worded to fit and sent as written.
 */
export function fitField(key: string, value: string): string {
  const type = fieldTypeOf(key)
  if (!type) return value
  const text = type === 'character_string' ? value.replace(/[^\x21-\x7e]/g, '') : value.trim()
  const maxChars = type === 'name' && HAN.test(text) ? 10 : FIELD_MAX_CHARS[type]
  const all = chars(text)
  if (all.length <= maxChars) return text
  return type === 'thing' ? `${all.slice(0, maxChars - 1).join('')}…` : all.slice(0, maxChars).join('')
}

/** The `data` of `subscribeMessage.send`: each worded field under its template key, cut to fit. */
export function templateData(texts: Record<string, string>, keys: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(keys).map(([name, key]) => [key, { value: fitField(key, texts[name] ?? '') }]))
}
