import { Text, View } from '@tarojs/components'
import { Countdown } from '../../../components/countdown'
import type { OrderView } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { buyerStatusText, refundStatusText } from '../../../i18n/zh-CN'

/** One sentence under the status: what happens next, or what happened. */
function hintFor(order: OrderView): string {
  if (order.buyerStatus === 'refunded') return '退款已原路退回，预计 1–3 个工作日到账'
  if (order.refund?.status === 'awaiting_return') return '商家已同意退货，请寄回商品并填写退货物流'
  if (order.refund?.status === 'returning') return '商品寄回中，商家收货后将原路退款'
  if (order.refund?.status === 'closed') return '未在期限内寄回商品，退货申请已关闭；如需售后可重新申请'
  if (order.refund?.status === 'rejected' && order.refund.returnShipment?.receivedAt) return '商家验收退货后拒绝了退款，如有疑问请联系客服或重新申请'
  switch (order.status) {
    case 'pending_payment':
      return `请在 ${formatShanghai(order.expiresAt, 'HH:mm')} 前完成支付`
    case 'paid':
      return '已付款，茶舍正在为您备货'
    case 'shipped':
      return order.shipment ? `已由${order.shipment.company}发出，请留意收货` : '商品已发出，请留意收货'
    case 'completed':
      return '交易完成，感谢您的惠顾'
    case 'cancelled': {
      const cancel = [...order.timeline].reverse().find((e) => e.event === 'cancel' || e.event === 'expire' || e.event === 'rejectPayment')
      return cancel?.event === 'expire' ? '超时未支付，订单已自动取消' : cancel?.note ? `取消原因：${cancel.note}` : '订单已取消'
    }
    default:
      return ''
  }
}

export function StatusHeader({ order }: { order: OrderView }) {
  return (
    <View className={`status-header status-header--${order.status}`}>
      <Text className='status-header__status'>{buyerStatusText(order.buyerStatus)}</Text>
      {order.status === 'pending_payment' && (
        <View className='status-header__countdown'>
          <Text>剩余 </Text>
          <Countdown className='status-header__clock' until={order.expiresAt} />
          <Text>，超时未支付将自动取消</Text>
        </View>
      )}
      <Text className='status-header__hint'>{hintFor(order)}</Text>
      {order.refund && order.refund.status !== 'refunded' && (
        <View className='status-header__refund'>
          <Text>{refundStatusText(order.refund.status)}</Text>
          {order.refund.status === 'rejected' && order.refund.rejectReason && <Text>：{order.refund.rejectReason}</Text>}
        </View>
      )}
    </View>
  )
}
