import type { AddressFieldProblem } from '../core/address'
import type { Unavailable } from '../core/cart'
import type { ErrorCode } from '../core/errors'
import { formatFen, formatFenShort } from '../core/money'
import { formatShanghai } from '../core/time'
import type { BuyerAction, BuyerStatus, OrderEvent, OrderStatus, OrderTab, RefundStatus, TimelineEntry } from '../core/order'
import type { Role } from '../core/user'
import type { CarrierId, ShippingReport } from '../core/shipping'
import type { HqRole } from '../core/hq'
// Shops, sharing and attribution (issue 8)
import type { AttributionReason, AttributionStrategy, BindingHistoryKind, BindingHistoryReason, KeepReason, PassedOver, RulesProblem } from '../core/attribution'
import type { FunnelEventKind } from '../core/funnel'
import type { VisitChannel } from '../core/share-code'
import type { ShopDefaultWords, ShopEvent, ShopFieldProblem, ShopPicks, ShopStatus } from '../core/shop'
// HQ's files (issue 10)
import type { RosterField, RosterRowIssue, RosterRowProblem } from '../core/roster'
import type { ExportColumn, ExportKind } from '../core/exports'
// Commission (issue 9)
import type { CommissionEntryKind, WithdrawalReversal } from '../core/commission'
import type { WithdrawalStatus } from '../core/withdrawal'
import type { Notification } from '../core/subscribe-message'
// Points and member levels (issue 14)
import type { MemberLevel, PointsEntryKind } from '../core/member'
import { type AppliedDiscount, POINTS_SOURCE } from '../core/pricing'
// Coupons (issue 14)
import type { CouponBenefit, CouponBlocker, CouponScope, CouponState, CouponValidity, TemplateProblem } from '../core/coupon'

/**
 * The words of the shop in Simplified Chinese, in one place. The core and the cloud functions answer
 * with codes and context — a failure, an order's status, why a cart line cannot be bought, a role —
 * and this table is where they become what a person reads. Pages keep only their own fixed text.
 */

type Details = Record<string, unknown>
type Text = string | ((details: Details) => string)

/** Failures the client itself meets, before or instead of an answer from a function. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE' | 'UNEXPECTED_ERROR' | 'CHECKOUT_BUSY' | 'ORDER_BUSY' | 'WECHAT_TOO_OLD' | 'WITHDRAW_AMOUNT_INVALID'

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
  awaiting_return: '待寄回商品',
  returning: '商品寄回中',
  approved: '退款处理中',
  refunded: '已退款',
  rejected: '退款被拒绝',
  failed: '退款异常',
  withdrawn: '退款已撤销',
  closed: '退货已关闭',
}

export const refundStatusText = (status: RefundStatus): string => REFUND_STATUS[status]

/** A tab of 我的订单 is named after the status it lists; 售后 lists orders with a refund. */
export const orderTabText = (tab: OrderTab): string => (tab === 'all' ? '全部' : tab === 'after_sales' ? '售后' : ORDER_STATUS[tab])

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
  requestReturn: '申请退货退款',
  approveReturn: '商家同意退货，请寄回商品',
  shipReturn: '已寄回商品',
  receiveReturn: '商家已收到退货',
  refuseReturn: '商家收到退货后拒绝退款',
  closeReturn: '超时未寄回商品，退货申请已关闭',
  startRefund: '商家发起退款',
  approveRefund: '退款已同意',
  rejectRefund: '退款被拒绝',
  withdrawRefund: '买家撤销退款申请',
  refundSucceeded: '退款成功',
  refundFailed: '退款异常',
  latePaymentRefunded: '支付已原路退回',
  latePaymentRefundFailed: '支付退回异常',
}

/** An entry of the order's timeline; an event this build does not know (a newer server) shows as its name. */
export const orderEventText = (event: TimelineEntry['event']): string => ORDER_EVENT[event] ?? event

/** The carriers by the names on their waybills. */
const CARRIER_NAME: Record<CarrierId, string> = {
  SF: '顺丰速运',
  ZTO: '中通快递',
  YTO: '圆通速递',
  YD: '韵达快递',
  STO: '申通快递',
  JTSD: '极兔速递',
  EMS: '中国邮政 EMS',
  JD: '京东物流',
  DBL: '德邦快递',
}

export const carrierName = (id: CarrierId): string => CARRIER_NAME[id]

/** How an order's report to WeChat's 发货信息管理 stands, for HQ. */
export function shippingReportText(report: Pick<ShippingReport, 'state' | 'attempts' | 'lastError'>): string {
  if (report.state === 'accepted') return '已同步至微信发货信息管理'
  if (!report.lastError) return '待同步至微信发货信息管理'
  const { errcode, errmsg } = report.lastError
  return `同步微信失败 ${report.attempts} 次，将自动重试（${errcode ? `${errcode} ${errmsg}` : '微信无应答'}）`
}

const BUYER_ACTION: Record<BuyerAction, string> = { cancel: '取消订单', requestRefund: '申请退款', confirmReceipt: '确认收货', pay: '去支付', withdrawRefund: '撤销申请', shipReturn: '填写退货物流', buyAgain: '再次购买', hide: '删除订单' }

export const buyerActionText = (action: BuyerAction): string => BUYER_ACTION[action]

// Failures

/** Why an order cannot make a move now, from the state machine's context. */
function illegalTransition({ event, status, refundStatus, refundedAll, kind }: Details): string {
  if (event === 'withdrawRefund') return '退款申请已处理，不能撤销'
  if (refundStatus === 'withdrawn' && (event === 'approveRefund' || event === 'rejectRefund')) return '买家已撤销退款申请'
  if (kind === 'return' && event === 'approveRefund') return '这是退货退款申请，请在订单页同意退货'
  if (refundStatus === 'awaiting_return' || refundStatus === 'returning') return '订单正在退货中'
  if (refundStatus === 'requested' || refundStatus === 'approved') return '订单正在退款中'
  if (refundedAll) return '订单已全部退款'
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
      return `订单${now}，不能申请退款`
    case 'requestReturn':
      return `订单${now}，不能申请退货`
    default:
      return `订单${now}，不能进行此操作`
  }
}

/** Why a shop cannot make a move now (issue 8). */
function shopIllegalTransition({ event, status }: Details): string {
  const now = SHOP_STATUS[status as ShopStatus] ?? ''
  const move = SHOP_EVENT[event as ShopEvent] ?? '进行此操作'
  return `小店${now}，不能${move}`
}

const ERROR_TEXT: Record<ErrorCode | ClientErrorCode, Text> = {
  AUTH_REQUIRED: '请先登录',
  FORBIDDEN_SOURCE: '无权调用',
  INTERNAL_ERROR: '服务开小差了，请稍后重试',
  INVALID_INPUT: '请求参数有误',
  UNKNOWN_ACTION: '不支持的操作',
  HQ_FORBIDDEN: '没有总部权限做这项操作',
  HQ_LAST_ADMIN: '至少要保留一位总部管理员',
  HQ_MEMBER_NOT_FOUND: '总部成员中没有这个人',
  HQ_EMPLOYEE_NOT_VERIFIED: '该员工还没有完成员工认证，认证后才能设为总部成员',

  CATALOG_PRODUCT_NOT_FOUND: '商品不存在或已下架',
  CATALOG_STOREFRONT_NOT_SET: '店铺尚未设置',
  CATALOG_IMAGES_INVALID: ({ max }) => `请上传 1 到 ${max} 张商品图片`,
  CATALOG_SPEC_TOO_MANY_DIMENSIONS: ({ max }) => `规格最多 ${max} 项`,
  CATALOG_SPEC_DUPLICATE: ({ name, value }) => (value === undefined ? `规格「${name}」重复了` : `规格「${name}」的值「${value}」重复了`),
  CATALOG_SPEC_VALUES_INVALID: ({ name, max }) => `规格「${name}」要有 1 到 ${max} 个值`,
  CATALOG_TOO_MANY_SKUS: ({ max }) => `规格组合最多 ${max} 个，请减少规格值`,
  CATALOG_SKU_SPEC_UNKNOWN: ({ specs }) => `SKU「${specs}」不在规格组合里`,
  CATALOG_SKU_DUPLICATE: ({ specs }) => `SKU「${specs}」重复了`,
  CATALOG_SKU_MISSING: ({ specs }) => `请设置「${specs}」的价格`,
  CATALOG_SKU_PRICE_INVALID: ({ specs }) => `「${specs}」的价格要大于 0`,
  CATALOG_SKU_STOCK_INVALID: ({ specs, max }) => `「${specs}」的库存要在 0 到 ${max} 之间`,
  CATALOG_SKU_STOCK_LEFT: ({ specs, stock }) => `「${specs}」还有 ${stock} 件库存，先把库存调为 0 再删除这个规格`,
  CATALOG_SKU_NOT_FOUND: 'SKU 不存在',
  CATALOG_STOCK_NEGATIVE: ({ stock }) => `库存不足：当前只有 ${stock} 件`,
  CATALOG_STOCK_TOO_LARGE: ({ max }) => `库存最多 ${max} 件`,
  CATALOG_CATEGORY_NOT_FOUND: '分类不存在',
  CATALOG_CATEGORY_NOT_EMPTY: ({ products }) => `分类下还有 ${products} 件商品，移走后才能删除`,
  CATALOG_CATEGORY_ORDER_STALE: '分类已被他人修改，请刷新后再排序',

  CAMPAIGN_NOT_FOUND: '活动不存在',
  CAMPAIGN_WINDOW_INVALID: '结束时间须晚于开始时间和当前时间',
  CAMPAIGN_SKU_NOT_FOUND: '所选商品或规格不存在',
  CAMPAIGN_PRICE_NOT_POSITIVE: '活动价须大于 0',
  CAMPAIGN_PRICE_ABOVE_LIST: ({ listPriceFen }) => `活动价不能高于原价${typeof listPriceFen === 'number' ? ` ${formatFen(listPriceFen)}` : ''}`,
  CAMPAIGN_OVERLAP: '同一商品规格在该时段已有其他限时折扣',
  CAMPAIGN_TOO_LARGE: ({ max }) => `进行中和未开始的活动最多包含 ${max} 个规格`,
  CAMPAIGN_ENDED: '活动已结束',
  ORDER_PRICE_CHANGED: '商品价格有变动，请确认后重新提交',

  CART_FULL: ({ max }) => `购物车最多放 ${max} 种商品`,
  CART_LINE_NOT_FOUND: '购物车里没有这件商品',
  CART_OUT_OF_STOCK: '库存不足',
  CART_PRODUCT_UNAVAILABLE: '商品已下架或不存在',
  CART_QUANTITY_TOO_LARGE: ({ max }) => `单件商品最多购买 ${max} 件`,

  FAVORITES_FULL: ({ max }) => `最多收藏 ${max} 件商品，请先取消一些收藏`,

  ADDRESS_BOOK_FULL: ({ max }) => `最多保存 ${max} 个地址`,
  ADDRESS_NOT_FOUND: '地址不存在',

  ORDER_ADDRESS_NOT_FOUND: '请选择收货地址',
  ORDER_ALREADY_PAID: '订单已支付',
  ORDER_EMPTY: '请选择要购买的商品',
  ORDER_ILLEGAL_TRANSITION: illegalTransition,
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_NOT_HIDEABLE: '只能删除已完成或已取消的订单',
  ORDER_NOT_PAYABLE: ({ status }) => (status === 'cancelled' ? '订单已取消，请重新下单' : '订单已支付'),
  ORDER_OUT_OF_STOCK: ({ title }) => `${title ?? '商品'} 库存不足`,
  ORDER_PAYMENT_CLOSED: '订单已关闭，请重新下单',
  ORDER_PAYMENT_EXPIRED: '订单已超时，请重新下单',
  ORDER_PAYMENT_STARTED: '订单正在支付，请稍后再试',
  ORDER_PRODUCT_OFF_SHELF: ({ title }) => `${title ?? '商品'} 已下架`,
  ORDER_QUANTITY_TOO_LARGE: ({ max }) => `单件商品最多购买 ${max} 件`,
  ORDER_SKU_NOT_FOUND: '商品不存在',
  ORDER_TOO_MANY_LINES: ({ max }) => `一次最多购买 ${max} 种商品`,
  ORDER_UNPAID_LIMIT: ({ max }) => `您有 ${max} 笔未付款订单，请先支付或取消`,
  ORDER_MAX_UNPAID_INVALID: '未付款订单上限须为 1 到 50 的整数',
  ORDER_UNPAID_MINUTES_INVALID: '付款时限须为 5 到 1440 分钟的整数',
  SHIPPING_FREE_OVER_INVALID: '包邮门槛须为 0 到 100000 元（0 表示全场包邮）',
  SHIPPING_FEE_INVALID: '运费须为 0 到 500 元',
  MEMBER_LEVELS_INVALID: '会员等级门槛须从 0 起逐级升高',
  POINTS_INSUFFICIENT: ({ balance }) => `积分不足，当前可用 ${balance ?? 0} 积分`,

  LATE_PAYMENT_REFUND_PENDING: '退回款项尚未被微信支付受理',
  PAYMENT_AMOUNT_MISMATCH: '支付金额与订单不符，订单已取消，款项将原路退回',
  PAYMENT_CLOSE_FAILED: '关闭支付失败，请稍后重试',
  PAYMENT_QUERY_FAILED: '支付结果查询失败，请稍后重试',
  PAYMENT_UNAVAILABLE: '支付暂时不可用，请稍后重试',
  REFUND_ALREADY_RECORDED: '退款结果已记录',
  REFUND_AMOUNT_INVALID: ({ maxFen }) => (typeof maxFen === 'number' && maxFen > 0 ? `退款金额须在 ¥0.01 到 ${formatFen(maxFen)} 之间` : '没有可退的金额'),
  RETURN_ADDRESS_MISSING: '还没有设置退货地址，请先在规则设置中填写退货地址',
  RETURN_NOT_DUE: '还没到寄回期限',
  RETURN_OVERDUE: ({ dueAt }) => `已超过寄回期限${dueAt ? `（${formatShanghai(new Date(dueAt as string | Date))}）` : ''}，退货申请将关闭`,
  REFUND_LIMIT_REACHED: ({ max }) => `一笔订单最多退款 ${max} 次`,
  REFUND_LINE_INVALID: ({ maxQuantity }) => (typeof maxQuantity === 'number' && maxQuantity > 0 ? `这件商品最多可退 ${maxQuantity} 件` : '这件商品已无可退数量'),

  // Shops, bindings and share codes (issue 8)
  SHOP_ILLEGAL_TRANSITION: shopIllegalTransition,
  SHOP_MOVE_FORBIDDEN: '仅总部可以审核、暂停或恢复小店',
  SHOP_NOT_ACTIVE: '这家小店暂未营业',
  BINDING_NOT_ACTIVE: '该顾客当前没有绑定小店',
  BINDING_SAME_SHOP: '该顾客已绑定在这家小店',
  BINDING_SELF_REFUSED: '不能把顾客绑定到其本人的小店',
  BINDING_COLLEAGUE_REFUSED: '员工不能绑定到同事的小店',
  SHARE_CODE_INVALID: '分享链接无效或已失效',
  EMPLOYEE_ALREADY_VERIFIED: '你已完成员工认证',
  EMPLOYEE_INACTIVE: '该工号已停用，请联系总部',
  EMPLOYEE_NOT_FOUND: '花名册中没有这个工号',
  EMPLOYEE_REQUIRED: '请先完成员工认证',
  EMPLOYEE_VERIFY_FAILED: '工号或验证码不正确',
  EMPLOYEE_VERIFY_RATE_LIMITED: ({ retryAfterMinutes }) =>
    typeof retryAfterMinutes === 'number' ? `尝试次数过多，请 ${retryAfterMinutes} 分钟后再试` : '尝试次数过多，请稍后再试',
  SHOP_ALREADY_OPEN: '你已经开过小店了',
  SHOP_CLOSED: '小店已关闭',
  SHOP_NOT_FOUND: '小店不存在',
  SHOP_PICKS_UNKNOWN: '选品中有不存在的商品或分类',
  CUSTOMER_NOT_BOUND: '该顾客没有绑定小店',
  PAYOUT_NOT_CONFIGURED: '提现暂未开通，请联系总部',

  // Commission (issue 9)
  COMMISSION_RATE_INVALID: '佣金比例须为 0% 到 100% 之间的整数基点',
  COMMISSION_AFTER_SALES_DAYS_INVALID: '售后期须为 0 到 90 天',
  COMMISSION_WITHDRAWAL_MINIMUM_INVALID: '最低提现金额不能低于 ¥1.00',
  COMMISSION_ENTRY_DUPLICATE: '这笔佣金已经记过账了',
  COMMISSION_RELEASE_NOT_DUE: '售后期尚未结束，佣金暂不可提现',
  COMMISSION_REFUND_AMOUNT_INVALID: '退款金额有误',
  COMMISSION_WITHDRAW_BELOW_MINIMUM: ({ minFen }) => (typeof minFen === 'number' ? `单次提现至少 ${formatFen(minFen)}` : '提现金额低于最低限额'),
  COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE: ({ availableFen }) =>
    typeof availableFen === 'number' ? `提现金额超过可提现余额 ${formatFen(availableFen)}` : '提现金额超过可提现余额',
  COMMISSION_WITHDRAW_DAILY_MAX: ({ leftTodayFen }) =>
    typeof leftTodayFen === 'number' ? `超过今日提现上限，今天还可提现 ${formatFen(leftTodayFen)}` : '超过今日提现上限',
  COMMISSION_WITHDRAWAL_DAILY_MAX_INVALID: '每日提现上限不能低于 ¥1.00',
  COMMISSION_WITHDRAWAL_AUTO_APPROVE_INVALID: '自动审核金额须为不小于 0 的整数（分）',
  COMMISSION_WITHDRAWAL_NOT_FOUND: '提现记录不存在',
  WITHDRAWAL_ILLEGAL_TRANSITION: '这笔提现已处理，请刷新后查看',
  WITHDRAWAL_NOT_AWAITING_CONFIRM: '这笔提现当前无需确认收款',
  // End of commission (issue 9)

  // HQ's files (issue 10)
  ROSTER_FILE_UNREADABLE: '读取不到上传的文件，请重新选择',
  ROSTER_FILE_ENCODING: '文件编码无法识别，请在 Excel 中另存为“CSV UTF-8”后再导入',
  ROSTER_FILE_COLUMNS: ({ missingColumns }) =>
    Array.isArray(missingColumns) ? `表头缺少：${missingColumns.map((f) => rosterFieldText(String(f))).join('、')}` : '表头缺少必填列',
  ROSTER_FILE_EMPTY: '文件里没有员工数据',
  ROSTER_FILE_TOO_LARGE: ({ maxRows }) => (typeof maxRows === 'number' ? `一次最多导入 ${maxRows} 行，请分成几个文件` : '文件行数过多，请分成几个文件'),
  ROSTER_ROWS_INVALID: ({ issueCount }) => (typeof issueCount === 'number' ? `有 ${issueCount} 处问题，整个文件未导入，请改正后重新导入` : '文件有错误，整个文件未导入'),
  EXPORT_TOO_LARGE: ({ maxRows }) => (typeof maxRows === 'number' ? `超过 ${maxRows} 条，请缩短日期范围` : '数据过多，请缩短日期范围'),
  // End of HQ's files

  // Coupons (issue 14)
  // Why exactly is on the page (templateProblemText; checkout's sheet): the hq function bundles this
  // table and is at its size budget.
  COUPON_TEMPLATE_INVALID: '优惠券设置有误',
  COUPON_TEMPLATE_NOT_FOUND: '优惠券不存在',
  COUPON_TEMPLATE_STOPPED: '活动已结束',
  COUPON_SOLD_OUT: '优惠券已领完',
  COUPON_NOT_CLAIMABLE: '该券不可领取',
  COUPON_LIMIT_REACHED: ({ limit }) => (typeof limit === 'number' ? `每人限领 ${limit} 张` : '已达领取上限'),
  COUPON_NOT_FOUND: '优惠券已失效，请重新选择',
  COUPON_NOT_APPLICABLE: '优惠券不满足使用条件',
  COUPON_ALREADY_USED: '优惠券已被使用，请重新选择',
  // End of coupons

  NETWORK_ERROR: '网络异常，请稍后重试',
  INVALID_RESPONSE: '服务暂时不可用，请稍后重试',
  UNEXPECTED_ERROR: '出了点问题，请稍后重试',
  CHECKOUT_BUSY: '正在提交，请稍候',
  ORDER_BUSY: '订单正在处理，请稍候',
  WECHAT_TOO_OLD: '当前微信版本过低，请升级微信后再确认收款',
  WITHDRAW_AMOUNT_INVALID: '请输入正确的金额，最多两位小数',
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

const HQ_ROLE: Record<HqRole, string> = {
  hq_admin: '总部管理员',
  hq_ops: '运营',
  hq_finance: '财务',
}

export const hqRoleText = (role: HqRole): string => HQ_ROLE[role]

// Money

/** A product whose SKUs differ in price shows its lowest price with 起 ("from"). */
export const priceRangeText = (minFen: number, maxFen: number): string =>
  minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)}起`

/** A 限时折扣 not yet started, e.g. 即将开始 12-12 00:00 (Shanghai time). */
export const campaignStartsText = (startAt: Date): string => `即将开始 ${formatShanghai(startAt, 'MM-DD HH:mm')}`

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

/** What the form says under a field the address schema refused (the issue's message is the problem's code). */
export function addressFieldText(problem: string): string {
  return (ADDRESS_FIELD as Record<string, string | undefined>)[problem] ?? '请检查填写的内容'
}

// Shops, sharing and attribution (issue 8)

const SHOP_STATUS: Record<ShopStatus, string> = {
  pending: '待审核',
  active: '营业中',
  suspended: '已暂停',
  closed: '已关闭',
}

export const shopStatusText = (status: ShopStatus): string => SHOP_STATUS[status]

const SHOP_EVENT: Record<ShopEvent | 'open', string> = {
  open: '开店',
  approve: '审核通过',
  suspend: '暂停营业',
  reactivate: '恢复营业',
  close: '关闭小店',
}

/** An entry of a shop's history. */
export const shopEventText = (event: ShopEvent | 'open'): string => SHOP_EVENT[event] ?? event

const SHOP_FIELD: Record<ShopFieldProblem, string> = {
  SHOP_NAME_MISSING: '请填写小店名称',
  SHOP_NAME_TOO_LONG: '小店名称最多 20 个字',
  SHOP_AVATAR_INVALID: '头像无效，请重新上传',
  SHOP_INTRO_TOO_LONG: '小店简介最多 200 个字',
  SHOP_PICKS_EMPTY: '请至少选择一项',
  SHOP_PICKS_TOO_MANY: '选品数量超过上限',
  SHOP_PICKS_DUPLICATE: '选品有重复',
}

/**
 * What the shop form says under a field the shop schema refused. The limits are written out rather
 * than imported, so the shop schema (zod) stays out of the main package; a test keeps them equal.
 */
export function shopFieldText(problem: string): string {
  return (SHOP_FIELD as Record<string, string | undefined>)[problem] ?? '请检查填写的内容'
}

/** The open-shop screen's defaults, from the roster (the core's `shopDefaults` fits them to the form). */
export const SHOP_DEFAULT_WORDS: ShopDefaultWords = {
  name: (employeeName) => `${employeeName}的小店`,
  intro: ({ name, department }) => (department ? `我是${department}的${name}，为你精选好物，总部直接发货。` : `我是${name}，为你精选好物，总部直接发货。`),
}

const CHANNEL: Record<VisitChannel, string> = { chat: '微信聊天', moments: '朋友圈', poster: '海报', direct: '直接访问' }

export const channelText = (channel: VisitChannel): string => CHANNEL[channel] ?? channel

const STRATEGY: Record<AttributionStrategy, string> = {
  first_touch: '首次分享优先：保护期内不会被其他小店抢走',
  last_touch: '最后分享优先：顾客归最近一次分享的小店',
}

export const strategyText = (strategy: AttributionStrategy): string => STRATEGY[strategy]

const RULES_PROBLEM: Record<RulesProblem, string> = {
  RULES_PROTECTION_DAYS_INVALID: '保护期须为 1 到 365 天',
  RULES_STRATEGY_INVALID: '请选择首次分享优先或最后分享优先',
  RULES_MULTI_LEVEL_REFUSED: '佣金只给成交的小店，不支持多级分销、团队或下级提成',
  RULES_RECRUITING_REWARD_REFUSED: '不支持拉人开店奖励（属于多级分销）',
  RULES_SHARING_REWARD_REFUSED: '不支持分享奖励（微信禁止诱导分享）',
  RULES_SHOP_FEE_REFUSED: '开店不收费，员工也无须进货',
  RULES_UNKNOWN_SETTING: '不支持的设置项',
}

/** Why HQ's rules were refused, for the setting the rules schema named. */
export function rulesProblemText(problem: string): string {
  return (RULES_PROBLEM as Record<string, string | undefined>)[problem] ?? '请检查设置'
}

const BINDING_KIND: Record<BindingHistoryKind, string> = {
  bind: '绑定',
  extend: '延长保护期',
  expire: '保护期结束',
  rebind: '重新绑定',
  reassign: '转移',
}

export const bindingKindText = (kind: BindingHistoryKind): string => BINDING_KIND[kind] ?? kind

const BINDING_REASON: Record<BindingHistoryReason | KeepReason, string> = {
  first_share: '首次通过分享访问',
  protection_over: '保护期已过',
  released: '已由总部收回',
  last_touch: '最后分享优先',
  paid_order: '支付了订单',
  owner_offboarded: '原店主离职',
  hq_decision: '总部调整',
  customer_became_employee: '顾客成为员工',
  self_visit: '访问自己的小店，不绑定',
  colleague_shop: '员工访问同事的小店，不绑定',
  shop_not_active: '小店未营业，不绑定',
  not_shared: '不是通过分享访问，不绑定',
  protected: '保护期内，已绑定其他小店',
  same_shop: '已绑定这家小店',
}

/** Why a binding changed, or why a visit left it as it was. */
export const bindingReasonText = (reason: BindingHistoryReason | KeepReason): string => BINDING_REASON[reason] ?? reason

const ATTRIBUTION_REASON: Record<AttributionReason, string> = {
  shop_page: '在小店里下单',
  bound_customer: '绑定顾客下单',
  own_shop: '员工自购',
  hq: '总部订单',
}

/** "Why this order is mine." */
export const attributionReasonText = (reason: AttributionReason): string => ATTRIBUTION_REASON[reason] ?? reason

const PASSED_OVER: Record<PassedOver['why'], string> = {
  shop_not_active: '小店未营业',
  colleague_shop: '同事的小店',
  binding_ended: '绑定已结束',
}

export const passedOverText = (why: PassedOver['why']): string => PASSED_OVER[why] ?? why

const FUNNEL_STEP: Record<FunnelEventKind, string> = { share: '分享', visit: '访问', bind: '绑定', order: '下单' }

export const funnelStepText = (kind: FunnelEventKind): string => FUNNEL_STEP[kind]

// 我的小店's pages (issue 8)

const PICKS_MODE: Record<ShopPicks['mode'], string> = { all: '全部商品', categories: '按分类', products: '逐个挑选' }

/** How a shop picks its products. */
export const picksModeText = (mode: ShopPicks['mode']): string => PICKS_MODE[mode]

// 佣金's pages (issue 9)

const ENTRY_KIND: Record<CommissionEntryKind, string> = {
  accrue: '订单佣金',
  freeze: '确认收货，佣金冻结',
  release: '售后期结束，可提现',
  void: '退款，佣金作废',
  clawback: '退款，追回已结算佣金',
  withdraw: '提现',
  withdrawal_reversed: '提现退回',
}

/** What a ledger entry is, in a few words. */
export const entryKindText = (kind: CommissionEntryKind): string => ENTRY_KIND[kind] ?? kind

const WITHDRAWAL_STATUS: Record<WithdrawalStatus, string> = {
  reviewing: '审核中',
  transferring: '转账中',
  awaiting_confirm: '待确认收款',
  paid: '已到账',
  rejected: '已驳回',
  failed: '失败',
  expired: '已过期',
}

export const withdrawalStatusText = (status: WithdrawalStatus): string => WITHDRAWAL_STATUS[status] ?? status

const WITHDRAWAL_REVERSAL: Record<WithdrawalReversal, string> = {
  rejected: '总部驳回，金额已退回可提现余额',
  failed: '转账失败，金额已退回可提现余额',
  expired: '24 小时内未确认收款，金额已退回可提现余额',
}

/** Why a withdrawal's money came back to the balance. */
export const withdrawalReversalText = (reason: WithdrawalReversal): string => WITHDRAWAL_REVERSAL[reason] ?? reason

// HQ's files: the roster import and the exports (issue 10)

/** The roster's columns as HQ's spreadsheets title them; the first title is the one the template uses. */
export const ROSTER_COLUMN_TITLES: Record<RosterField, readonly string[]> = {
  employeeNo: ['工号', '员工编号', 'employeeNo'],
  name: ['姓名', '员工姓名', 'name'],
  department: ['部门/门店', '部门', '门店', 'department'],
  phoneTail: ['手机尾号', '手机后四位', '手机号后四位', 'phoneTail'],
  inviteCode: ['邀请码', 'inviteCode'],
}

export const rosterFieldText = (field: string): string => ROSTER_COLUMN_TITLES[field as RosterField]?.[0] ?? field

const ROSTER_ROW_PROBLEM: Record<RosterRowProblem, string> = {
  missing: '不能为空',
  too_long: '太长',
  phone_tail_format: '须为 4 位数字（Excel 会去掉开头的 0，请把该列设为文本）',
  invite_code_length: '须为 6–32 个字符',
  code_missing: '手机尾号和邀请码至少填一个',
  duplicate_in_file: '工号重复',
}

/** One line of the import's error report, e.g. 第 7 行 手机尾号：须为 4 位数字… */
export function rosterIssueText(issue: RosterRowIssue): string {
  const what = issue.field ? `${rosterFieldText(issue.field)}：` : ''
  const first = issue.problem === 'duplicate_in_file' && issue.firstRow ? `（与第 ${issue.firstRow} 行相同）` : ''
  return `第 ${issue.row} 行 ${what}${ROSTER_ROW_PROBLEM[issue.problem] ?? issue.problem}${first}`
}

/** Who sold an order no shop is credited with. */
export const HQ_SELLER_TEXT = '总部'

export const EXPORT_KIND_TEXT: Record<ExportKind, string> = { orders: '订单', commissions: '佣金明细', shops: '小店' }

/** The header row of each export. */
export const EXPORT_COLUMN_TITLES: { [K in ExportKind]: Record<ExportColumn<K>, string> } = {
  orders: {
    orderNo: '订单号',
    createdAt: '下单时间',
    status: '状态',
    items: '商品',
    quantity: '件数',
    goods: '商品金额(元)',
    discount: '优惠(元)',
    shipping: '运费(元)',
    payable: '实付(元)',
    refunded: '已退款(元)',
    paidAt: '支付时间',
    shop: '归属小店',
    shopOwner: '店主',
    receiver: '收货人',
    receiverPhone: '联系电话',
    receiverAddress: '收货地址',
    carrier: '物流公司',
    trackingNo: '物流单号',
    shippedAt: '发货时间',
  },
  commissions: {
    at: '时间',
    kind: '类型',
    amount: '金额(元)',
    shop: '小店',
    shopOwner: '店主',
    employeeNo: '工号',
    orderNo: '订单号',
    lineIndex: '订单行',
    base: '计佣金额(元)',
    rate: '佣金比例',
    ruleVersion: '规则版本',
  },
  shops: {
    createdAt: '开店时间',
    shop: '小店名称',
    shopOwner: '店主',
    employeeNo: '工号',
    status: '状态',
    picks: '选品方式',
  },
}

/** A subscription message's fields in words; WeChat's date fields read `2026年11月29日 15:01`. */
export function notificationTexts(notification: Notification): Record<string, string> {
  const when = (at: Date) => formatShanghai(at, 'YYYY年M月D日 HH:mm')
  switch (notification.kind) {
    case 'order_shipped': {
      const { orderNo, goods, units, carrier, trackingNo, shippedAt } = notification.facts
      return { orderNo, goods: units > 1 ? `${goods} 等${units}件` : goods, carrier, trackingNo, shippedAt: when(shippedAt) }
    }
    case 'refund_result': {
      const { orderNo, outcome, amountFen, reason, at } = notification.facts
      return { orderNo, amount: formatFen(amountFen), outcome: outcome === 'refunded' ? '退款成功' : '退款被拒', reason: reason || (outcome === 'refunded' ? '款项已原路退回' : '详情请查看订单'), at: when(at) }
    }
    case 'commission_available': {
      const { amountFen, orders, at } = notification.facts
      return { amount: formatFen(amountFen), orders: String(orders), at: when(at), note: '佣金已可提现，点击查看' }
    }
  }
}

// Points and member levels (issue 14)
const MEMBER_LEVEL: Record<MemberLevel, string> = { standard: '普通会员', silver: '银卡会员', gold: '金卡会员' }
export const memberLevelText = (level: MemberLevel): string => MEMBER_LEVEL[level]

const POINTS_ENTRY: Record<PointsEntryKind, string> = {
  earn: '订单完成获得',
  spend: '下单抵扣',
  unspend: '订单取消退回',
  refund_back: '退款退回抵扣积分',
  refund_takeback: '退款扣回',
}
export const pointsEntryText = (kind: PointsEntryKind): string => POINTS_ENTRY[kind] ?? kind

/** A discount as the buyer reads it: the member level's and points' by their source, others by their own label. */
export function discountText(discount: Pick<AppliedDiscount, 'source' | 'label'>): string {
  if (discount.source === POINTS_SOURCE) return '积分抵扣'
  const level = discount.source.startsWith('member:') ? MEMBER_LEVEL[discount.source.slice('member:'.length) as MemberLevel] : undefined
  return level ? `${level}折扣` : discount.label
}
// Coupons (issue 14)

const TEMPLATE_PROBLEM: Record<TemplateProblem, string> = {
  share_reward_forbidden: '微信规则禁止以分享为条件发放奖励（诱导分享），不能设置分享领券',
  amount_not_below_threshold: '减免金额须大于 0 且小于使用门槛',
  percent_out_of_range: '折扣须在 1 折到 9.9 折之间',
  cap_invalid: '最多优惠金额须大于 0',
  dates_invalid: '结束时间须晚于开始时间',
  days_invalid: '有效天数须为 1–365 天',
  scope_empty: '请选择适用的分类或商品',
  limit_invalid: '每人限领 1–10 张，发放总量须大于 0',
}

/** Why HQ's coupon template was refused (COUPON_TEMPLATE_INVALID's `problem`). */
export const templateProblemText = (problem: unknown): string => TEMPLATE_PROBLEM[problem as TemplateProblem] ?? (ERROR_TEXT.COUPON_TEMPLATE_INVALID as string)

/** 满99减10, 无门槛减5, 8.5折 最多减¥20. */
export function couponBenefitText(benefit: CouponBenefit, thresholdFen: number): string {
  if (benefit.kind === 'amount') return thresholdFen > 0 ? `满${formatFenShort(thresholdFen).slice(1)}减${formatFenShort(benefit.amountFen).slice(1)}` : `无门槛减${formatFenShort(benefit.amountFen).slice(1)}`
  const rate = (10_000 - benefit.percentOffBps) / 1000
  const cap = benefit.capFen !== undefined ? ` 最多减${formatFenShort(benefit.capFen)}` : ''
  return `${thresholdFen > 0 ? `满${formatFenShort(thresholdFen).slice(1)}打` : ''}${rate}折${cap}`
}

/** The coupon's face: ¥10 or 8.5折. */
export const couponFaceText = (benefit: CouponBenefit): string =>
  benefit.kind === 'amount' ? formatFenShort(benefit.amountFen) : `${(10_000 - benefit.percentOffBps) / 1000}折`

/** Why a held coupon cannot apply to this order. */
export function couponBlockerText(blocker: CouponBlocker): string {
  switch (blocker.kind) {
    case 'below_threshold':
      return `还差${formatFen(blocker.shortFen)}可用`
    case 'out_of_scope':
      return '订单中没有适用商品'
    case 'not_started':
      return '未到可用时间'
    case 'expired':
      return '已过期'
    case 'used':
      return '已使用'
    default:
      return '不可用'
  }
}

export const COUPON_SCOPE_TEXT: Record<CouponScope['kind'], string> = { all: '全场通用', categories: '指定分类可用', products: '指定商品可用' }

export const COUPON_STATE_TEXT: Record<CouponState, string> = { unused: '未使用', used: '已使用', expired: '已过期' }

/** 有效期: fixed dates, or N days from the moment it is received. */
export const couponValidityText = (validity: CouponValidity, formatDay: (at: Date) => string): string =>
  validity.kind === 'fixed' ? `${formatDay(validity.startAt)} 至 ${formatDay(validity.endAt)}` : `领取后 ${validity.days} 天内有效`
