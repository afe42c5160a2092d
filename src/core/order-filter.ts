import dayjs from 'dayjs'
import type { RefundStatus } from './order'

/**
 * How HQ narrows its order list: a status, or one of its queues (退款待处理: a refund asked for), or
 * every order; one shop's orders; the Shanghai business days they were placed on; and a search that is
 * either an order number or the receiver's phone.
 */
export const HQ_ORDER_STATUSES = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'refund_requested'] as const
export type HqOrderStatus = (typeof HQ_ORDER_STATUSES)[number]

/** 退款待处理: refunds waiting for HQ — a request to decide, or returned goods on their way to take or refuse. */
export const HQ_REFUND_QUEUE: RefundStatus[] = ['requested', 'returning']

/** A mainland mobile number, as addresses hold it; any other run of digits is an order number. */
const PHONE = /^1[3-9]\d{9}$/

export type OrderSearch = { orderNo: string } | { phone: string }

export const orderSearch = (text: string): OrderSearch => (PHONE.test(text) ? { phone: text } : { orderNo: text })

/** `YYYY-MM-DD`, a calendar day that exists. */
export const isDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).format('YYYY-MM-DD') === text

/**
 * The instants a span of Shanghai days covers, `from` its first day's midnight and `before` the midnight
 * after its last (Shanghai is UTC+8 all year, see time.ts). Either end may be open.
 */
export function shanghaiDays(fromDay?: string, toDay?: string): { from?: Date; before?: Date } {
  const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`)
  return {
    ...(fromDay ? { from: midnight(fromDay) } : {}),
    ...(toDay ? { before: dayjs(midnight(toDay)).add(1, 'day').toDate() } : {}),
  }
}
