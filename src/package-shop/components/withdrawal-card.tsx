import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { ActionButton } from '../../components/action-button'
import type { WithdrawalView } from '../../contracts/commission'
import { formatFen } from '../../core/money'
import { formatShanghai } from '../../core/time'
import { withdrawalReversalText, withdrawalStatusText } from '../../i18n/zh-CN'
import { useStores } from '../../stores'
import './withdrawal-card.less'

const time = (at: Date) => formatShanghai(at, 'YYYY-MM-DD HH:mm')

/** What the employee should know about where the withdrawal stands, beyond its status. */
function explanation(w: WithdrawalView): string {
  switch (w.status) {
    case 'reviewing':
      return '等待总部审核'
    case 'transferring':
      return '总部已同意，微信支付正在转账'
    case 'awaiting_confirm':
      return w.confirm ? `请在 ${time(w.confirm.until)} 前确认收款，逾期金额退回可提现余额` : '请确认收款'
    case 'paid':
      return `已转入微信零钱${w.endedAt ? ` · ${time(w.endedAt)}` : ''}`
    case 'rejected':
      return `${w.rejectReason ? `驳回原因：${w.rejectReason}。` : ''}${withdrawalReversalText('rejected')}`
    case 'failed':
      return `${w.failReason ? `失败原因：${w.failReason}。` : ''}${withdrawalReversalText('failed')}`
    case 'expired':
      return withdrawalReversalText('expired')
    default: {
      const never: never = w.status
      return never
    }
  }
}

/** One withdrawal: amount, status in words and why; while WeChat waits for the employee, 确认收款. */
export const WithdrawalCard = observer(function WithdrawalCard({ withdrawal }: { withdrawal: WithdrawalView }) {
  const { commission } = useStores()
  const confirm = async () => {
    const outcome = await commission.confirmReceipt(withdrawal)
    if (!outcome.ok) void Taro.showToast({ title: outcome.error.message, icon: 'none' })
  }
  return (
    <View className={`shop-page__card withdrawal withdrawal--${withdrawal.status}`}>
      <View className='withdrawal__head'>
        <Text className='withdrawal__amount'>{formatFen(withdrawal.amountFen)}</Text>
        <Text className='withdrawal__status'>{withdrawalStatusText(withdrawal.status)}</Text>
      </View>
      <Text className='withdrawal__when'>申请于 {time(withdrawal.requestedAt)}</Text>
      <Text className='withdrawal__why'>{explanation(withdrawal)}</Text>
      {withdrawal.status === 'awaiting_confirm' && withdrawal.confirm && (
        // Disabled, not spinning, while WeChat's page (or the H5 sheet) is over it: one confirm at a time.
        <ActionButton className='withdrawal__confirm' disabled={commission.confirming !== null} onClick={() => void confirm()}>
          确认收款
        </ActionButton>
      )}
    </View>
  )
})
