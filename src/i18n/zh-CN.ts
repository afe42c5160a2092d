import type { AddressFieldProblem } from '../core/address'
import type { Unavailable } from '../core/cart'
import type { ErrorCode } from '../core/errors'
import { formatFen } from '../core/money'
import type { BuyerAction, BuyerStatus, OrderEvent, OrderStatus, OrderTab, RefundStatus, TimelineEntry } from '../core/order'
import type { Role } from '../core/user'

/**
 * The words of the shop in Simplified Chinese, in one place. The core and the cloud functions answer
 * with codes and context — a failure, an order's status, why a cart line cannot be bought, a role —
 * and this table is where they become what a person reads. Pages keep only their own fixed text.
 */

type Details = Record<string, unknown>
type Text = string | ((details: Details) => string)

/** Failures the client itself meets, before or instead of an answer from a function. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE' | 'UNEXPECTED_ERROR' | 'CHECKOUT_BUSY' | 'ORDER_BUSY'

// Orders

const ORDER_STATUS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
}

const BUYER_STATUS: Record<BuyerStatus, string> = { ...ORDER_STATUS, refunded: '已退款' }

/** What the buyer is told an order is (the core's `buyerStatusOf`). */
export const buyerStatusText = (status: BuyerStatus): string => BUYER_STATUS[status]

const REFUND_STATUS: Record<RefundStatus, string> = {
  requested: '退款申请中',
  approved: '退款处理中',
  refunded: '已退款',
  rejected: '退款被拒绝',
  failed: '退款异常',
}

export const refundStatusText = (status: RefundStatus): string => REFUND_STATUS[status]

/** A tab of 我的订单 is named after the status it lists. */
export const orderTabText = (tab: OrderTab): string => (tab === 'all' ? '全部' : ORDER_STATUS[tab])

const ORDER_EVENT: Record<TimelineEntry['event'], string> = {
  place: '下单',
  pay: '支付成功',
  rejectPayment: '支付金额异常，订单已取消',
  cancel: '已取消',
  expire: '超时未支付自动取消',
  ship: '已发货',
  confirmReceipt: '确认收货',
  autoComplete: '自动确认收货',
  requestRefund: '申请退款',
  approveRefund: '退款已同意',
  rejectRefund: '退款被拒绝',
  refundSucceeded: '退款成功',
  refundFailed: '退款异常',
  latePaymentRefunded: '支付已原路退回',
  latePaymentRefundFailed: '支付退回异常',
}

/** An entry of the order's timeline; an event this build does not know (a newer server) shows as its name. */
export const orderEventText = (event: TimelineEntry['event']): string => ORDER_EVENT[event] ?? event

const BUYER_ACTION: Record<BuyerAction, string> = { cancel: '取消订单', requestRefund: '申请退款', confirmReceipt: '确认收货', pay: '去支付' }

export const buyerActionText = (action: BuyerAction): string => BUYER_ACTION[action]

// Failures

/** Why an order cannot make a move now, from the state machine's context. */
function illegalTransition({ event, status, refundStatus }: Details): string {
  if (refundStatus === 'requested' || refundStatus === 'approved') return '订单正在退款中'
  if (refundStatus === 'failed') return '订单退款异常，请联系客服'
  const now = ORDER_STATUS[status as OrderStatus] ?? ''
  switch (event as OrderEvent) {
    case 'pay':
      return status === 'cancelled' ? '订单已取消，请重新下单' : '订单已支付'
    case 'cancel':
    case 'expire':
      return `订单${now}，不能取消`
    case 'confirmReceipt':
    case 'autoComplete':
      return `订单${now}，不能确认收货`
    case 'requestRefund':
      return refundStatus === ('refunded' satisfies RefundStatus) ? '订单已退款' : `订单${now}，不能申请退款`
    default:
      return `订单${now}，不能进行此操作`
  }
}

const ERROR_TEXT: Record<ErrorCode | ClientErrorCode, Text> = {
  AUTH_REQUIRED: '请先登录',
  FORBIDDEN_SOURCE: '无权调用',
  INTERNAL_ERROR: '服务开小差了，请稍后重试',
  INVALID_INPUT: '请求参数有误',
  UNKNOWN_ACTION: '不支持的操作',
  HQ_FORBIDDEN: '仅总部管理员可操作',

  CATALOG_PRODUCT_NOT_FOUND: '商品不存在或已下架',
  CATALOG_STOREFRONT_NOT_SET: '店铺尚未设置',

  CART_FULL: ({ max }) => `购物车最多放 ${max} 种商品`,
  CART_LINE_NOT_FOUND: '购物车里没有这件商品',
  CART_OUT_OF_STOCK: '库存不足',
  CART_PRODUCT_UNAVAILABLE: '商品已下架或不存在',
  CART_QUANTITY_TOO_LARGE: ({ max }) => `单件商品最多购买 ${max} 件`,

  ADDRESS_BOOK_FULL: ({ max }) => `最多保存 ${max} 个地址`,
  ADDRESS_NOT_FOUND: '地址不存在',

  ORDER_ADDRESS_NOT_FOUND: '请选择收货地址',
  ORDER_ALREADY_PAID: '订单已支付',
  ORDER_EMPTY: '请选择要购买的商品',
  ORDER_ILLEGAL_TRANSITION: illegalTransition,
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_NOT_PAYABLE: ({ status }) => (status === 'cancelled' ? '订单已取消，请重新下单' : '订单已支付'),
  ORDER_OUT_OF_STOCK: ({ title }) => `${title ?? '商品'} 库存不足`,
  ORDER_PAYMENT_CLOSED: '订单已关闭，请重新下单',
  ORDER_PAYMENT_EXPIRED: '订单已超时，请重新下单',
  ORDER_PAYMENT_STARTED: '订单正在支付，请稍后再试',
  ORDER_PRODUCT_OFF_SHELF: ({ title }) => `${title ?? '商品'} 已下架`,
  ORDER_QUANTITY_TOO_LARGE: ({ max }) => `单件商品最多购买 ${max} 件`,
  ORDER_SKU_NOT_FOUND: '商品不存在',
  ORDER_TOO_MANY_LINES: ({ max }) => `一次最多购买 ${max} 种商品`,

  LATE_PAYMENT_REFUND_PENDING: '退回款项尚未被微信支付受理',
  PAYMENT_AMOUNT_MISMATCH: '支付金额与订单不符，订单已取消，款项将原路退回',
  PAYMENT_CLOSE_FAILED: '关闭支付失败，请稍后重试',
  PAYMENT_QUERY_FAILED: '支付结果查询失败，请稍后重试',
  PAYMENT_UNAVAILABLE: '支付暂时不可用，请稍后重试',
  REFUND_ALREADY_RECORDED: '退款结果已记录',

  NETWORK_ERROR: '网络异常，请稍后重试',
  INVALID_RESPONSE: '服务暂时不可用，请稍后重试',
  UNEXPECTED_ERROR: '出了点问题，请稍后重试',
  CHECKOUT_BUSY: '正在提交，请稍候',
  ORDER_BUSY: '订单正在处理，请稍候',
}

/** Every code the table has words for; a code it lacks fails the i18n test. */
export const CODES_WITH_TEXT = Object.keys(ERROR_TEXT) as Array<ErrorCode | ClientErrorCode>

/** What to tell a person about a failure; a code this build does not know (a newer server) reads as a generic line. */
export function errorText(code: string, details: Details = {}): string {
  const text = (ERROR_TEXT as Record<string, Text | undefined>)[code]
  if (text === undefined) return ERROR_TEXT.UNEXPECTED_ERROR as string
  return typeof text === 'function' ? text(details) : text
}

// Cart

const UNAVAILABLE: Record<Unavailable, string> = {
  off_shelf: '已下架',
  sold_out: '已售罄',
  not_enough_stock: '库存不足',
  gone: '商品已失效',
}

/** Why a cart line cannot be bought, in a word (the mark on its picture, and the title of a `gone` line). */
export const unavailableText = (reason: Unavailable): string => UNAVAILABLE[reason]

/** The same, under the line's title: when too few are left, how many. */
export const unavailableNote = (reason: Unavailable, stock: number): string =>
  reason === 'not_enough_stock' ? `库存不足，仅剩 ${stock} 件` : UNAVAILABLE[reason]

// People

const ROLE: Record<Role, string> = {
  consumer: '顾客',
  employee: '员工',
  hq_admin: '总部管理员',
}

export const roleText = (role: Role): string => ROLE[role]

// Money

/** A product whose SKUs differ in price shows its lowest price with 起 ("from"). */
export const priceRangeText = (minFen: number, maxFen: number): string =>
  minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)}起`

// The address form

const ADDRESS_FIELD: Record<AddressFieldProblem, string> = {
  ADDRESS_NAME_MISSING: '请填写收货人',
  ADDRESS_NAME_TOO_LONG: '收货人姓名过长',
  ADDRESS_PHONE_INVALID: '请填写正确的手机号',
  ADDRESS_PROVINCE_MISSING: '请选择省份',
  ADDRESS_CITY_MISSING: '请选择城市',
  ADDRESS_REGION_TOO_LONG: '地区名称过长',
  ADDRESS_DETAIL_MISSING: '请填写详细地址',
  ADDRESS_DETAIL_TOO_LONG: '详细地址过长',
}

/** What the form says under a field the address schema refused (the message is the problem's code). */
export function addressFieldText(problem: string): string {
  return (ADDRESS_FIELD as Record<string, string | undefined>)[problem] ?? '请检查填写的内容'
}
