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
 * longest value in characters and what it may hold. A value outside them is refused (errcode 47003).
 */
export type FieldType = 'thing' | 'number' | 'letter' | 'symbol' | 'character_string' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number' | 'name' | 'phrase'

const HAN = /\p{Script=Han}/u
/** `2026年11月29日` or `2026-11-29`, optionally with a 24-hour time; a range joins two with `~`. */
const DAY = String.raw`\d{4}(?:-\d{1,2}-\d{1,2}|\p{Script=Han}\d{1,2}\p{Script=Han}\d{1,2}\p{Script=Han})`
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`
const DATE = new RegExp(`^${DAY}(?: ${CLOCK})?(?:~${DAY}(?: ${CLOCK})?)?$`, 'u')
const TIME = new RegExp(`^(?:${DAY} )?${CLOCK}(?:~(?:${DAY} )?${CLOCK})?$`, 'u')

export const FIELD_RULES: Record<FieldType, { maxChars: number; holds: (value: string) => boolean }> = {
  thing: { maxChars: 20, holds: () => true },
  number: { maxChars: 32, holds: (v) => /^\d+(\.\d+)?$/.test(v) },
  letter: { maxChars: 32, holds: (v) => /^[A-Za-z]+$/.test(v) },
  symbol: { maxChars: 5, holds: (v) => /^[^\p{L}\p{N}\s]+$/u.test(v) },
  character_string: { maxChars: 32, holds: (v) => /^[\x21-\x7e]+$/.test(v) },
  time: { maxChars: 40, holds: (v) => TIME.test(v) },
  date: { maxChars: 40, holds: (v) => DATE.test(v) },
  // One currency sign and at most 10 digits (the decimal point counted), maybe ending in 元.
  amount: { maxChars: 12, holds: (v) => /^[¥￥$]?(?=[\d.]{1,10}(?:\P{ASCII})?$)\d+(\.\d+)?(?:\p{Script=Han})?$/u.test(v) },
  phone_number: { maxChars: 17, holds: (v) => /^[\d+\-() ]+$/.test(v) },
  car_number: { maxChars: 8, holds: () => true },
  // Ten Han characters, or twenty letters and symbols.
  name: { maxChars: 20, holds: (v) => (HAN.test(v) ? /^\p{Script=Han}{1,10}$/u.test(v) : /^[A-Za-z .·-]+$/.test(v)) },
  phrase: { maxChars: 5, holds: (v) => /^\p{Script=Han}+$/u.test(v) },
}

/** The type of a template key (`character_string2` → character_string), or null for a key WeChat has no type for. */
export function fieldTypeOf(key: string): FieldType | null {
  const prefix = /^([a-z_]+?)\d+$/.exec(key)?.[1]
  return prefix && prefix in FIELD_RULES ? (prefix as FieldType) : null
}

const chars = (text: string) => [...text]

/** Why WeChat would refuse `value` for `key`, or null when it fits. */
export function fieldProblem(key: string, value: unknown): string | null {
  const type = fieldTypeOf(key)
  if (!type) return `unknown field type of ${key}`
  if (typeof value !== 'string' || value.trim() === '') return `${key} is empty`
  const rule = FIELD_RULES[type]
  if (chars(value).length > rule.maxChars) return `${key} is longer than ${rule.maxChars} characters`
  return rule.holds(value) ? null : `${key} does not fit a ${type}`
}

/**
 * A value cut to what its field holds: free text (thing) loses its end behind an ellipsis, a name its
 * end (it holds nothing but the name), codes (character_string) what they may not hold and their end;
 * the other kinds are worded to fit and sent as written.
 */
export function fitField(key: string, value: string): string {
  const type = fieldTypeOf(key)
  if (!type) return value
  const text = type === 'character_string' ? value.replace(/[^\x21-\x7e]/g, '') : value.trim()
  const maxChars = type === 'name' && HAN.test(text) ? 10 : FIELD_RULES[type].maxChars
  const all = chars(text)
  if (all.length <= maxChars) return text
  return type === 'thing' ? `${all.slice(0, maxChars - 1).join('')}…` : all.slice(0, maxChars).join('')
}

/** The `data` of `subscribeMessage.send`: each worded field under its template key, cut to fit. */
export function templateData(texts: Record<string, string>, keys: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(keys).map(([name, key]) => [key, { value: fitField(key, texts[name] ?? '') }]))
}
