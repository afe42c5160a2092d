import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { AttributionChain } from '../../../components/attribution-chain'
import { LoadStateView } from '../../../components/load-state-view'
import { addressLine } from '../../../core/address'
import { formatFen } from '../../../core/money'
import type { HqOrderDetail } from '../../../contracts/hq-orders'
import type { HqOrderView, OrderView } from '../../../core/order'
import type { CarrierId } from '../../../core/shipping'
import { formatShanghai } from '../../../core/time'
import { buyerStatusText, refundStatusText, shippingReportText } from '../../../i18n/zh-CN'
import { queryText } from '../../../routes'
import type { Outcome } from '../../../stores/load-state'
import { useStores } from '../../../stores'
import type { CloudError } from '../../../services/cloud'
import { CarrierPicker } from '../../components/carrier-picker'
import '../../hq.less'
import './index.less'

/** The server's words for a refused decision: the field it names (INVALID_INPUT), or the code's text. */
const refusal = (error: CloudError): string => {
  const issues = error.details.issues
  if (error.code === 'INVALID_INPUT' && Array.isArray(issues) && issues.length > 0) return String((issues[0] as { message: string }).message)
  return error.message
}

const ShipForm = observer(function ShipForm({ order }: { order: HqOrderView }) {
  const { hq } = useStores()
  const [carrierId, setCarrierId] = useState<CarrierId>('SF')
  const [trackingNo, setTrackingNo] = useState('')
  const [failure, setFailure] = useState('')
  const ship = async () => {
    setFailure('')
    const outcome = await hq.ship({ orderId: order._id, carrierId, trackingNo: trackingNo.trim() })
    if (outcome.ok) void Taro.showToast({ title: '已发货', icon: 'success' })
    else setFailure(refusal(outcome.error))
  }
  return (
    <View className='hq-page__card hq-order__ship'>
      <Text className='hq-page__card-title'>发货</Text>
      <Text className='hq-page__label'>物流公司</Text>
      <CarrierPicker value={carrierId} onChange={setCarrierId} />
      <Text className='hq-page__label'>物流单号</Text>
      <Input className='hq-page__input hq-order__tracking' value={trackingNo} placeholder='请输入物流单号' maxlength={40} onInput={(event) => setTrackingNo(event.detail.value)} />
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-order__ship-button' loading={hq.saving} disabled={!trackingNo.trim()} onClick={() => void ship()}>
          确认发货
        </ActionButton>
      </View>
    </View>
  )
})

const RefundDecision = observer(function RefundDecision({ order }: { order: OrderView }) {
  const { hq } = useStores()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [failure, setFailure] = useState('')
  const decide = async (request: () => Promise<Outcome<OrderView>>, done: string) => {
    setFailure('')
    const outcome = await request()
    if (outcome.ok) void Taro.showToast({ title: done, icon: 'success' })
    else setFailure(refusal(outcome.error))
  }
  const refund = order.refund!
  return (
    <View className='hq-page__card hq-order__refund'>
      <Text className='hq-page__card-title'>{refund.kind === 'return' ? '退货退款申请' : '退款申请'}</Text>
      <View className='hq-page__row'>
        <Text>退款金额</Text>
        <Text className='hq-page__amount'>{formatFen(refund.amountFen)}</Text>
      </View>
      <View className='hq-page__row'>
        <Text>原因</Text>
        <Text className='hq-page__muted'>{refund.reason}</Text>
      </View>
      {rejecting && (
        <>
          <Text className='hq-page__label'>拒绝理由（买家可见）</Text>
          <Input className='hq-page__input hq-order__reject-reason' value={reason} placeholder='例如：商品已拆封' maxlength={200} onInput={(event) => setReason(event.detail.value)} />
        </>
      )}
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        {rejecting ? (
          <>
            <ActionButton className='hq-page__button hq-page__button--plain' onClick={() => setRejecting(false)}>
              取消
            </ActionButton>
            <ActionButton
              className='hq-page__button hq-page__button--danger hq-order__reject-confirm'
              loading={hq.saving}
              disabled={!reason.trim()}
              onClick={() => void decide(() => hq.rejectRefund(order._id, reason), '已拒绝退款')}
            >
              确认拒绝
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton className='hq-page__button hq-page__button--plain hq-order__reject' onClick={() => setRejecting(true)}>
              拒绝
            </ActionButton>
            <ActionButton className='hq-page__button hq-order__approve' loading={hq.saving} onClick={() => void decide(() => hq.approveRefund(order._id), refund.kind === 'return' ? '已同意退货' : '已同意退款')}>
              {refund.kind === 'return' ? '同意退货' : '同意退款'}
            </ActionButton>
          </>
        )}
      </View>
    </View>
  )
})

/** 退货退款 on its way back: how the buyer sent it, and HQ's receipt, which sends the refund. */
const ReturnReceipt = observer(function ReturnReceipt({ order }: { order: OrderView }) {
  const { hq } = useStores()
  const [failure, setFailure] = useState('')
  const shipment = order.refund!.returnShipment
  const receive = async () => {
    setFailure('')
    const outcome = await hq.receiveReturn(order._id)
    if (outcome.ok) void Taro.showToast({ title: '已确认收货并退款', icon: 'success' })
    else setFailure(refusal(outcome.error))
  }
  return (
    <View className='hq-page__card hq-order__return'>
      <Text className='hq-page__card-title'>退货寄回中</Text>
      <View className='hq-page__row'>
        <Text>退款金额</Text>
        <Text className='hq-page__amount'>{formatFen(order.refund!.amountFen)}</Text>
      </View>
      {shipment && (
        <View className='hq-page__row'>
          <Text>退货物流</Text>
          <Text className='hq-page__muted'>{`${shipment.company} ${shipment.trackingNo}`}</Text>
        </View>
      )}
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-order__receive-return' loading={hq.saving} onClick={() => void receive()}>
          确认收到退货并退款
        </ActionButton>
      </View>
    </View>
  )
})

/** Whose the order is: the shop and its owner, or HQ's own. */
const ownerOf = (order: HqOrderDetail): string =>
  order.attribution ? `${order.attribution.shopName ?? '小店'}${order.attribution.ownerName ? `（店主 ${order.attribution.ownerName}）` : ''}` : '总部直营'

function OrderDetail({ order }: { order: HqOrderDetail }) {
  // Shipping waits while a refund is asked for or under way: the order's moves refuse it then too.
  const shippable = order.status === 'paid' && (!order.refund || order.refund.status === 'rejected')
  return (
    <>
      <View className='hq-page__card'>
        <Text className='hq-order__status'>{order.refund ? `${buyerStatusText(order.buyerStatus)} · ${refundStatusText(order.refund.status)}` : buyerStatusText(order.buyerStatus)}</Text>
        <View className='hq-page__row'>
          <Text className='hq-page__muted'>订单号</Text>
          <Text className='hq-order__no'>{order.orderNo}</Text>
        </View>
        <View className='hq-page__row'>
          <Text className='hq-page__muted'>下单时间</Text>
          <Text>{formatShanghai(order.createdAt)}</Text>
        </View>
      </View>
      {order.chain && (
        <View className='hq-page__card hq-order__chain'>
          <Text className='hq-page__card-title'>订单归属</Text>
          <Text className='hq-order__owner'>{ownerOf(order)}</Text>
          <AttributionChain chain={order.chain} orderedAt={order.createdAt} />
        </View>
      )}
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>收货信息</Text>
        <Text className='hq-order__consignee'>{`${order.address.name}  ${order.address.phone}`}</Text>
        <Text className='hq-page__muted hq-order__address'>{addressLine(order.address)}</Text>
        {order.remark && <Text className='hq-page__muted hq-order__address'>{`备注：${order.remark}`}</Text>}
      </View>
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>商品</Text>
        {order.lines.map((line) => (
          <View key={line.skuId} className='hq-order__line'>
            <Text>{`${line.title} ${Object.values(line.specs).join(' ')} × ${line.quantity}`}</Text>
            <Text>{formatFen(line.lineTotalFen)}</Text>
          </View>
        ))}
        <View className='hq-page__row hq-order__shipping-fee'>
          <Text>运费</Text>
          <Text>{order.shippingFen > 0 ? formatFen(order.shippingFen) : '包邮'}</Text>
        </View>
        <View className='hq-page__row'>
          <Text>实付</Text>
          <Text className='hq-page__amount'>{formatFen(order.payableFen)}</Text>
        </View>
      </View>
      {order.shipment && (
        <View className='hq-page__card hq-order__shipment'>
          <Text className='hq-page__card-title'>物流</Text>
          <Text>{`${order.shipment.company} ${order.shipment.trackingNo}`}</Text>
          <Text className='hq-page__muted hq-order__shipped-at'>{`发货时间 ${formatShanghai(order.shipment.shippedAt)}`}</Text>
          {order.shippingReport && <Text className='hq-page__muted hq-order__report'>{shippingReportText(order.shippingReport)}</Text>}
        </View>
      )}
      {order.refund?.status === 'requested' && <RefundDecision order={order} />}
      {order.refund?.status === 'returning' && <ReturnReceipt order={order} />}
      {shippable && <ShipForm order={order} />}
    </>
  )
}

/** One order as HQ works it: who and where to ship, what was bought, and the decision it waits for. */
function HqOrderPage() {
  const { hq } = useStores()
  const orderId = queryText(useRouter().params.id)
  useDidShow(() => void hq.loadOrder(orderId))
  return (
    <View className='hq-page hq-order'>
      <LoadStateView state={hq.order} onRetry={() => void hq.loadOrder(orderId)}>
        {(order) => <OrderDetail order={order} />}
      </LoadStateView>
    </View>
  )
}

export default observer(HqOrderPage)
