import Taro from '@tarojs/taro'
import type { LineRequest } from './core/pricing'
import type { OrderTab } from './core/order'
import type { HqOrderStatus } from './core/order-filter'

// Every page's address in one place, so a page moving to another package is one edit.

/** A product; opened from a shop home, with the shop, so that buying it there is the shop's order. */
export function openProduct(productId: string, shopId?: string): void {
  const shop = shopId ? `&shop=${encodeURIComponent(shopId)}` : ''
  void Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(productId)}${shop}` })
}

/** An employee's shop home (in the main package: shares land there). */
export function openShopHome(shopId: string): void {
  void Taro.navigateTo({ url: `/pages/shop/index?id=${encodeURIComponent(shopId)}` })
}

/** 分类 is a tab page, which takes no URL parameters: choose the category in the catalog store first. */
export function openCategory(): void {
  void Taro.switchTab({ url: '/pages/category/index' })
}

export function openSearch(keyword = ''): void {
  void Taro.navigateTo({ url: `/pages/search/index${keyword ? `?keyword=${encodeURIComponent(keyword)}` : ''}` })
}

/** The shop a checkout buys from, and the share code that brought the buyer there (placeOrder's fromShop). */
export interface ShopVisit {
  shopId: string
  shareCode?: string
}

/** Lines travel in the URL (skuId*quantity,…) so the checkout page is whole after a reload, too; so does the shop it is bought from. */
export function openCheckout(lines: LineRequest[], fromCart: boolean, fromShop: ShopVisit | null = null): void {
  const encoded = lines.map((l) => `${l.skuId}*${l.quantity}`).join(',')
  const shop = fromShop ? `&shop=${encodeURIComponent(fromShop.shopId)}${fromShop.shareCode ? `&sc=${fromShop.shareCode}` : ''}` : ''
  void Taro.navigateTo({ url: `/package-orders/pages/checkout/index?lines=${encodeURIComponent(encoded)}${fromCart ? '&fromCart=1' : ''}${shop}` })
}

export function fromShopOf(params: Record<string, string | undefined>): ShopVisit | null {
  const shopId = queryText(params.shop)
  if (!shopId) return null
  return params.sc ? { shopId, shareCode: queryText(params.sc) } : { shopId }
}

/**
 * A query parameter as text. WeChat hands page options over still URL-encoded, Taro's H5 router
 * decoded; decoding twice is harmless for what these URLs carry, and a stray % is kept as it is.
 */
export function queryText(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '')
  } catch {
    return value ?? ''
  }
}

export function checkoutLinesFrom(param: string | undefined): LineRequest[] {
  return queryText(param)
    .split(',')
    .map((part) => part.split('*'))
    .filter(([skuId, quantity]) => skuId && Number(quantity) > 0)
    .map(([skuId, quantity]) => ({ skuId, quantity: Math.floor(Number(quantity)) }))
}

export function openCart(): void {
  void Taro.switchTab({ url: '/pages/cart/index' })
}

export function openOrders(tab: OrderTab = 'all'): void {
  void Taro.navigateTo({ url: `/package-orders/pages/list/index?tab=${tab}` })
}

export const orderDetailUrl = (orderId: string) => `/package-orders/pages/detail/index?id=${encodeURIComponent(orderId)}`

export function openOrder(orderId: string): void {
  void Taro.navigateTo({ url: orderDetailUrl(orderId) })
}

/** The address book; with `choosing`, tapping an address picks it for the checkout and goes back. */
export function openAddressBook(choosing = false): void {
  void Taro.navigateTo({ url: `/package-address/pages/list/index${choosing ? '?choose=1' : ''}` })
}

/** The address form: a new address without an id; `choosing` picks the saved one for the checkout. */
export function openAddressForm(options: { addressId?: string; choosing?: boolean } = {}): void {
  const query = [options.addressId && `id=${encodeURIComponent(options.addressId)}`, options.choosing && 'choose=1'].filter(Boolean).join('&')
  void Taro.navigateTo({ url: `/package-address/pages/edit/index${query ? `?${query}` : ''}` })
}

/** 我的收藏 (package-me). */
/** 我的积分 (package-member). */
export function openPoints(): void {
  void Taro.navigateTo({ url: '/package-member/pages/points/index' })
}

export function openFavorites(): void {
  void Taro.navigateTo({ url: '/package-me/pages/favorites/index' })
}

/** 领券中心 (package-member); from a product page, the coupons that count that product. */
export function openCouponCentre(productId?: string): void {
  void Taro.navigateTo({ url: `/package-member/pages/coupons/index${productId ? `?productId=${encodeURIComponent(productId)}` : ''}` })
}

/** 我的优惠券 (package-member). */
export function openMyCoupons(): void {
  void Taro.navigateTo({ url: '/package-member/pages/my-coupons/index' })
}

// 我的小店 (package-shop)

function shopTool(page: string, query = ''): void {
  void Taro.navigateTo({ url: `/package-shop/pages/${page}/index${query}` })
}

/** 员工认证: the roster check that makes the caller an employee. */
export const openVerify = () => shopTool('verify')
/** 我的小店: the shop's status and tools, or the open-shop screen's entry before it exists. */
export const openMyShop = () => shopTool('home')

/** 我的小店 in place of the page showing (after verifying, after opening the shop): going back skips the form. */
export function replaceWithMyShop(): void {
  void Taro.redirectTo({ url: '/package-shop/pages/home/index' })
}
/** The shop's name, avatar and intro: opens the shop when there is none yet. */
export const openShopForm = () => shopTool('edit')
export const openPicks = () => shopTool('picks')
/** Sharing the shop home, or one product of it, to a chat, Moments or a poster. */
export const openShare = (productId?: string) => shopTool('share', productId ? `?productId=${encodeURIComponent(productId)}` : '')
export const openShopStats = () => shopTool('stats')
export const openShopCustomers = () => shopTool('customers')
export const openShopOrders = () => shopTool('orders')
export const openLeaderboard = () => shopTool('leaderboard')
/** 佣金: balances, days and rules; 明细 (the ledger); 提现; 提现记录. */
export const openCommission = () => shopTool('commission')
export const openCommissionLedger = () => shopTool('commission-ledger')
export const openWithdraw = () => shopTool('withdraw')
export const openWithdrawals = () => shopTool('withdrawals')

// 总部工作台 (package-hq)

function hqPage(page: string, query = ''): void {
  void Taro.navigateTo({ url: `/package-hq/pages/${page}/index${query}` })
}

export const openHqHome = () => hqPage('home')
/** HQ's coupon templates. */
export const openHqCoupons = () => hqPage('coupons')
/** HQ's order queues, on one queue (待发货 unless told). */
export const openHqOrders = (status?: HqOrderStatus) => hqPage('orders', status ? `?status=${status}` : '')
export const openHqOrder = (orderId: string) => hqPage('order', `?id=${encodeURIComponent(orderId)}`)
export const openHqWithdrawals = () => hqPage('withdrawals')
export const openHqShops = () => hqPage('shops')
export const openHqRules = () => hqPage('rules')
export const openHqMemberRules = () => hqPage('member-rules')
export const openHqRoster = () => hqPage('roster')
export const openHqProducts = () => hqPage('products')
/** A product to edit, or (no id) a new one. */
export const openHqProduct = (productId?: string) => hqPage('product', productId ? `?id=${encodeURIComponent(productId)}` : '')
export const openHqStock = (productId: string) => hqPage('stock', `?id=${encodeURIComponent(productId)}`)
export const openHqCategories = () => hqPage('categories')
export const openHqDashboard = () => hqPage('dashboard')
export const openHqCampaigns = () => hqPage('campaigns')
/** A 限时折扣 campaign to edit, or (no id) a new one. */
export const openHqCampaign = (campaignId?: string) => hqPage('campaign', campaignId ? `?id=${encodeURIComponent(campaignId)}` : '')

/**
 * Where signing in happens: 我的. On weapp the session is WeChat's own, so a buyer rarely meets this;
 * on H5 我的 holds the development persona picker.
 */
export function openSignIn(): void {
  void Taro.switchTab({ url: '/pages/me/index' })
}

export function showPageNotFound(): void {
  void Taro.redirectTo({ url: '/pages/not-found/index' })
}
export const openHqExports = () => hqPage('exports')

export function goShopping(): void {
  void Taro.switchTab({ url: '/pages/index/index' })
}
