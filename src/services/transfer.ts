import type { WithdrawalView } from '../contracts/commission'

/** What `wx.requestMerchantTransfer` needs to open WeChat's 确认收款 page for one transfer. */
export type TransferConfirm = Pick<NonNullable<WithdrawalView['confirm']>, 'mchId' | 'appId' | 'package'>

/**
 * The platform's 确认收款 page for a merchant transfer: WeChat's own on weapp, the local cloud's
 * confirm sheet on H5. Resolves once the employee has closed it, whether they confirmed or not; what
 * happened is asked of the server afterwards (refreshWithdrawal), because only WeChat Pay's answer
 * to the server counts. Rejects only when the page could not be opened at all.
 */
export interface TransferSheet {
  confirm(transfer: TransferConfirm): Promise<void>
}
