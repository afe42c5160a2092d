import Taro, { useDidShow } from '@tarojs/taro'
import { useStores } from '../stores'

const CART_TAB_INDEX = 2

/** The 购物车 tab's badge: how many items are in the cart, nothing when it is empty. */
export function showCartBadge(count: number): void {
  const shown = count > 0
    ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
    : Taro.removeTabBarBadge({ index: CART_TAB_INDEX })
  // WeChat refuses badge changes while a non-tab page is on top; the next tab page shown sets it again.
  void Promise.resolve(shown).catch(() => undefined)
}

/** For tab pages: sets the badge each time the page shows, catching changes made on other pages. */
export function useCartBadge(): void {
  const { cart } = useStores()
  useDidShow(() => showCartBadge(cart.count))
}
