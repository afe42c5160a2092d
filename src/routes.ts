import Taro from '@tarojs/taro'
import type { LineRequest } from './core/pricing'
import type { OrderTab } from './core/order'

// Every page's address in one place, so a page moving to another package is one edit.

export function openProduct(productId: string): void {
  void Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(productId)}` })
}

/** 分类 is a tab page, which takes no URL parameters: choose the category in the catalog store first. */
export function openCategory(): void {
  void Taro.switchTab({ url: '/pages/category/index' })
}

export function openSearch(keyword = ''): void {
  void Taro.navigateTo({ url: `/pages/search/index${keyword ? `?keyword=${encodeURIComponent(keyword)}` : ''}` })
}

/** Lines travel in the URL (skuId*quantity,…) so the checkout page is whole after a reload, too. */
export function openCheckout(lines: LineRequest[], fromCart: boolean): void {
  const encoded = lines.map((l) => `${l.skuId}*${l.quantity}`).join(',')
  void Taro.navigateTo({ url: `/package-orders/pages/checkout/index?lines=${encodeURIComponent(encoded)}${fromCart ? '&fromCart=1' : ''}` })
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

export function goShopping(): void {
  void Taro.switchTab({ url: '/pages/index/index' })
}
