import { Text, View } from '@tarojs/components'
import type { TimelineEntry } from '../../../core/order'
import { formatShanghai } from '../../../core/time'

const EVENT_TEXT: Record<TimelineEntry['event'], string> = {
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

/** What happened to the order, newest first; the note says why (reason, tracking number). */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const newestFirst = [...entries].reverse()
  return (
    <View className='timeline'>
      {newestFirst.map((entry, index) => (
        <View key={`${entry.event}-${String(entry.at)}-${index}`} className={`timeline__entry${index === 0 ? ' timeline__entry--latest' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__text'>
              {EVENT_TEXT[entry.event] ?? entry.event}
              {entry.note ? `：${entry.note}` : ''}
            </Text>
            <Text className='timeline__time'>{formatShanghai(entry.at, 'YYYY-MM-DD HH:mm:ss')}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
