import { Image, Text, View } from '@tarojs/components'
import { Countdown } from '../../../components/countdown'
import { formatFen } from '../../../core/money'
import type { OrderSummary } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { buyerStatusText, refundStatusText } from '../../../i18n/zh-CN'
import { OrderActions } from '../../components/order-actions'
import { OrderLines } from '../../components/order-lines'
import { imageSrc } from '../../../services/image-src'

interface OrderCardProps {
  order: OrderSummary
  onOpen: (orderId: string) => void
}

/** One order in 我的订单: one line in full, several as a row of pictures. */
export function OrderCard({ order, onOpen }: OrderCardProps) {
  const count = order.lines.reduce((sum, line) => sum + line.quantity, 0)
  const status = buyerStatusText(order.buyerStatus)
  // Beside the status: a refund in progress, or one that gave back part of the order.
  const refund = order.refundStatus === 'refunded' ? (order.buyerStatus === 'refunded' ? null : '部分退款') : order.refundStatus ? refundStatusText(order.refundStatus) : null
  return (
    <View className='order-card' onClick={() => onOpen(order._id)}>
      <View className='order-card__head'>
        <Text className='order-card__time'>{formatShanghai(order.createdAt)}</Text>
        <Text className={`order-card__status order-card__status--${order.status}`}>
          {refund ? `${status} · ${refund}` : status}
        </Text>
      </View>
      {order.lines.length === 1 ? (
        <OrderLines lines={order.lines} />
      ) : (
        <View className='order-card__images'>
          {order.lines.slice(0, 4).map((line, index) => (
            <Image key={`${line.title}-${index}`} className='order-card__image' src={imageSrc(line.image)} mode='aspectFill' />
          ))}
          {order.lines.length > 4 && <Text className='order-card__more'>…</Text>}
        </View>
      )}
      {order.expiresAt && (
        <View className='order-card__countdown'>
          <Text>待付款 · 剩余 </Text>
          <Countdown until={order.expiresAt} />
        </View>
      )}
      <View className='order-card__total'>
        <Text className='order-card__count'>共 {count} 件</Text>
        <Text>{order.status === 'pending_payment' || order.status === 'cancelled' ? '应付' : '实付'} </Text>
        <Text className='order-card__amount'>{formatFen(order.payableFen)}</Text>
      </View>
      <OrderActions order={order} />
    </View>
  )
}
