import Taro from '@tarojs/taro'
import { openOrders, openSignIn } from '../routes'
import type { CloudError } from '../services/cloud'

// Small display helpers every page shares.

/** 规格/包装 values as the buyer reads them: 100g · 礼盒 */
export const specsText = (specs: Record<string, string>): string => Object.values(specs).join(' · ')

/**
 * The server's Chinese message for a failed change, as a toast; 请先登录 leads to the sign-in, and
 * the unpaid-order limit to the unpaid orders, where the buyer pays or cancels one to go on.
 */
export function showError(error: CloudError): void {
  if (error.code === 'AUTH_REQUIRED') {
    void Taro.showModal({ title: error.message, content: '登录后即可加入购物车、下单和查看订单', confirmText: '去登录' }).then(({ confirm }) => {
      if (confirm) openSignIn()
    })
    return
  }
  if (error.code === 'ORDER_UNPAID_LIMIT') {
    void Taro.showModal({ title: '未付款订单较多', content: error.message, confirmText: '查看订单', cancelText: '稍后' }).then(({ confirm }) => {
      if (confirm) openOrders('pending_payment')
    })
    return
  }
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
}

export function showDone(title: string): void {
  void Taro.showToast({ title, icon: 'success' })
}
