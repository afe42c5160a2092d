import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { type ReactNode, useState } from 'react'
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

interface DecisionProps {
  /** Class name of the 拒绝 controls: `hq-order__<name>`, `…-reason`, `…-confirm`. */
  refuseName: string
  refuseText: string
  reasonLabel: string
  reasonExample: string
  /** HQ's refusal with the reason the buyer reads. */
  refuse: (reason: string) => Promise<Outcome<OrderView>>
  /** The decision that moves the refund on: its button's class, words, request and done toast. */
  accept: { className: string; text: string; request: () => Promise<Outcome<OrderView>>; done: string }
  children: ReactNode
}

/**
 * A card waiting for HQ's decision on a refund: what it is (`children`), then the accepting button, or
 * 拒绝 that asks for the reason the buyer reads first. The server's refusal shows under it.
 */
const Decision = observer(function Decision({ refuseName, refuseText, reasonLabel, reasonExample, refuse, accept, children }: DecisionProps) {
  const { hq } = useStores()
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [failure, setFailure] = useState('')
  const decide = async (request: () => Promise<Outcome<OrderView>>, done: string) => {
    setFailure('')
    const outcome = await request()
    if (outcome.ok) void Taro.showToast({ title: done, icon: 'success' })
    else setFailure(refusal(outcome.error))
  }
  return (
    <>
      {children}
      {refusing && (
        <>
          <Text className='hq-page__label'>{reasonLabel}</Text>
          <Input className={`hq-page__input hq-order__${refuseName}-reason`} value={reason} placeholder={reasonExample} maxlength={200} onInput={(event) => setReason(event.detail.value)} />
        </>
      )}
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        {refusing ? (
          <>
            <ActionButton className='hq-page__button hq-page__button--plain' onClick={() => setRefusing(false)}>
              取消
            </ActionButton>
            <ActionButton
              className={`hq-page__button hq-page__button--danger hq-order__${refuseName}-confirm`}
              loading={hq.saving}
              disabled={!reason.trim()}
              onClick={() => void decide(() => refuse(reason), '已拒绝退款')}
            >
              确认拒绝
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton className={`hq-page__button hq-page__button--plain hq-order__${refuseName}`} onClick={() => setRefusing(true)}>
              {refuseText}
            </ActionButton>
            <ActionButton className={`hq-page__button ${accept.className}`} loading={hq.saving} onClick={() => void decide(accept.request, accept.done)}>
              {accept.text}
            </ActionButton>
          </>
        )}
      </View>
    </>
  )
})

/** A refund asked for: HQ agrees (a return waits for the goods, with HQ's return address) or refuses. */
const RefundDecision = observer(function RefundDecision({ order }: { order: OrderView }) {
  const { hq } = useStores()
  const refund = order.refund!
  const isReturn = refund.kind === 'return'
  const accept = isReturn
    ? { text: '同意退货', request: () => hq.approveReturn(order._id), done: '已同意退货' }
    : { text: '同意退款', request: () => hq.approveRefund(order._id), done: '已同意退款' }
  return (
    <View className='hq-page__card hq-order__refund'>
      <Decision
        refuseName='reject'
        refuseText='拒绝'
        reasonLabel='拒绝理由（买家可见）'
        reasonExample='例如：商品已拆封'
        refuse={(reason) => hq.rejectRefund(order._id, reason)}
        accept={{ className: 'hq-order__approve', ...accept }}
      >
        <Text className='hq-page__card-title'>{isReturn ? '退货退款申请' : '退款申请'}</Text>
        <View className='hq-page__row'>
          <Text>退款金额</Text>
          <Text className='hq-page__amount'>{formatFen(refund.amountFen)}</Text>
        </View>
        <View className='hq-page__row'>
          <Text>原因</Text>
          <Text className='hq-page__muted'>{refund.reason}</Text>
        </View>
      </Decision>
    </View>
  )
})

/** 退货退款 agreed: where the buyer was told to send the goods, and by when (the return closes then). */
function ReturnAwaited({ order }: { order: OrderView }) {
  const { returnAddress: to, returnDueAt } = order.refund!
  return (
    <View className='hq-page__card hq-order__awaiting'>
      <Text className='hq-page__card-title'>等待买家寄回</Text>
      {to && <Text className='hq-page__muted hq-order__address'>{`寄回：${to.name} ${to.phone} ${addressLine(to)}`}</Text>}
      {returnDueAt && <Text className='hq-page__muted hq-order__address'>{`${formatShanghai(returnDueAt)} 前未寄回将自动关闭`}</Text>}
    </View>
  )
}

/**
 * 退货退款 on its way back: how the buyer sent it, and HQ's decision as the goods arrive — receipt,
 * which sends the refund, or a refusal with the reason the buyer reads (used, damaged, not the order's).
 */
const ReturnReceipt = observer(function ReturnReceipt({ order }: { order: OrderView }) {
  const { hq } = useStores()
  const shipment = order.refund!.returnShipment
  return (
    <View className='hq-page__card hq-order__return'>
      <Decision
        refuseName='refuse'
        refuseText='拒绝退款'
        reasonLabel='拒绝退款理由（买家可见）'
        reasonExample='例如：商品已拆封使用'
        refuse={(reason) => hq.refuseReturn(order._id, reason)}
        accept={{ className: 'hq-order__receive-return', text: '确认收到退货并退款', request: () => hq.receiveReturn(order._id), done: '已确认收货并退款' }}
      >
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
      </Decision>
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
      {order.refund?.status === 'awaiting_return' && <ReturnAwaited order={order} />}
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
