import { CloudError } from './cloud'
import type { TransferConfirm, TransferSheet } from './transfer'

/**
 * wx.requestMerchantTransfer arrived in base library 3.3.0 and has no Promise form; Taro does not wrap
 * it, so it is called on `wx` itself (declared here as miniprogram-api-typings has it).
 */
declare const wx: {
  canIUse(schema: string): boolean
  requestMerchantTransfer(option: TransferConfirm & { success?: () => void; fail?: (error: { errMsg: string }) => void }): void
}

// WeChat's own 确认收款 page. A cancel or a failure both just close it: the transfer keeps waiting
// (until WeChat's 24 h run out) and the server, asked right after, has the final word.
export const createTransferSheet = (): TransferSheet => ({
  confirm(transfer) {
    if (!wx.canIUse('requestMerchantTransfer')) return Promise.reject(new CloudError('WECHAT_TOO_OLD'))
    return new Promise((resolve) => {
      wx.requestMerchantTransfer({
        mchId: transfer.mchId,
        appId: transfer.appId,
        package: transfer.package,
        success: () => resolve(),
        // 'requestMerchantTransfer:fail cancel' or a real failure: refreshWithdrawal tells which state it is in.
        fail: () => resolve(),
      })
    })
  },
})
