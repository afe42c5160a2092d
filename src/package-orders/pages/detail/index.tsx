import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { LoadStateView } from '../../../components/load-state-view'
import { StatusView } from '../../../components/status-view'
import { DeliveryAddress } from '../../components/delivery-address'
import type { OrderView } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { openOrders, openShopHome } from '../../../routes'
import { useStores } from '../../../stores'
import { Amounts } from '../../components/amounts'
import { OrderActions } from '../../components/order-actions'
import { OrderLines } from '../../components/order-lines'
import { Refunds } from './refunds'
import { ReturnAddress } from './return-address'
import { StatusHeader } from './status-header'
import { Timeline } from './timeline'
import './index.less'

function InfoRow({ label, value, onCopy, className = '' }: { label: string; value: string; onCopy?: () => void; className?: string }) {
  return (
    <View className={`order-detail__info-row ${className}`}>
      <Text className='order-detail__info-label'>{label}</Text>
      <Text className='order-detail__info-value'>{value}</Text>
      {onCopy && <Text className='order-detail__copy' onClick={onCopy}>复制</Text>}
    </View>
  )
}

/** The shop the order was decided to be (由 XX 的小店推荐), named as it was then; null for HQ's own. */
function recommendation(order: OrderView): { shopId: string; text: string } | null {
  const shop = order.attribution
  if (!shop?.shopId) return null
  return { shopId: shop.shopId, text: shop.ownerName ? `由 ${shop.ownerName} 的小店推荐` : `由 ${shop.shopName ?? '员工小店'} 推荐` }
}

function OrderDetail({ order }: { order: OrderView }) {
  const paid = order.payment.paidAt
  const recommendedBy = recommendation(order)
  const { refund } = order
  return (
    <View className='order-detail'>
      <StatusHeader order={order} />

      <View className='order-detail__card order-detail__address'>
        <DeliveryAddress address={order.address} phone={order.address.phone} />
      </View>

      {refund?.status === 'awaiting_return' && refund.returnAddress && refund.returnDueAt && (
        <ReturnAddress refund={{ returnAddress: refund.returnAddress, returnDueAt: refund.returnDueAt }} />
      )}

      <View className='order-detail__card'>
        {recommendedBy && (
          <Text className='order-detail__recommended' onClick={() => openShopHome(recommendedBy.shopId)}>
            {recommendedBy.text} ›
          </Text>
        )}
        <OrderLines lines={order.lines} />
        <Amounts quote={order} payableLabel={paid ? '实付款' : '应付款'} />
      </View>

      {order.shipment && (
        <View className='order-detail__card order-detail__shipment'>
          <Text className='order-detail__card-title'>物流信息</Text>
          <InfoRow className='order-detail__carrier' label='物流公司' value={order.shipment.company} />
          <InfoRow
            className='order-detail__tracking'
            label='物流单号'
            value={order.shipment.trackingNo}
            onCopy={() => void Taro.setClipboardData({ data: order.shipment!.trackingNo })}
          />
          <InfoRow label='发货时间' value={formatShanghai(order.shipment.shippedAt, 'YYYY-MM-DD HH:mm:ss')} />
        </View>
      )}

      <View className='order-detail__card'>
        <InfoRow
          label='订单编号'
          value={order.orderNo}
          onCopy={() => void Taro.setClipboardData({ data: order.orderNo })}
        />
        <InfoRow label='下单时间' value={formatShanghai(order.createdAt, 'YYYY-MM-DD HH:mm:ss')} />
        {paid && <InfoRow label='支付时间' value={formatShanghai(paid, 'YYYY-MM-DD HH:mm:ss')} />}
        {order.remark && <InfoRow label='订单备注' value={order.remark} />}
      </View>

      {order.refund && (
        <View className='order-detail__card'>
          <Text className='order-detail__card-title'>退款记录</Text>
          <Refunds order={order} />
        </View>
      )}

      <View className='order-detail__card'>
        <Text className='order-detail__card-title'>订单动态</Text>
        <Timeline entries={order.timeline} />
      </View>

      {order.actions.length > 0 && (
        <View className='order-detail__bar'>
          <OrderActions order={order} onHidden={() => void Taro.navigateBack()} />
        </View>
      )}
    </View>
  )
}

function OrderDetailPage() {
  const { orders } = useStores()
  const orderId = useRouter().params.id ?? ''
  const state = orders.order(orderId)

  // Each show: load it, and when it waits for payment ask WeChat Pay first — the buyer may have paid
  // and come back before the payment notification arrived.
  useDidShow(() => {
    if (!orderId) return
    if (state.status === 'ready' && state.data.status === 'pending_payment') void orders.syncPayment(orderId)
    else void orders.load(orderId)
  })

  if (!orderId || (state.status === 'error' && state.error.code === 'ORDER_NOT_FOUND')) {
    return <StatusView empty emptyText='没有找到这个订单' emptyActionText='查看全部订单' onEmptyAction={() => openOrders('all')} />
  }

  return (
    <LoadStateView state={state} onRetry={() => void orders.load(orderId)}>
      {(order) => <OrderDetail order={order} />}
    </LoadStateView>
  )
}

export default observer(OrderDetailPage)
