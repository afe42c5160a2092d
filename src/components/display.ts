import Taro from '@tarojs/taro'
import type { CloudError } from '../services/cloud'

// Small display helpers every page shares.

/** 规格/包装 values as the buyer reads them: 100g · 礼盒 */
export const specsText = (specs: Record<string, string>): string => Object.values(specs).join(' · ')

/** The server's Chinese message for a failed change, as a toast. */
export function showError(error: CloudError): void {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
}

export function showDone(title: string): void {
  void Taro.showToast({ title, icon: 'success' })
}
