import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { PagedListView } from '../../../components/paged-list-view'
import type { HqOrderQueue } from '../../../contracts/hq'
import { formatFen } from '../../../core/money'
import type { OrderView } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { buyerStatusText, refundStatusText } from '../../../i18n/zh-CN'
import { openHqOrder } from '../../../routes'
import { useStores } from '../../../stores'
import '../../hq.less'
import './index.less'

/** 待发货 first: shipping is most of HQ's day. */
const QUEUES: Array<{ key: HqOrderQueue; label: string }> = [
  { key: 'to_ship', label: '待发货' },
  { key: 'refund_requested', label: '退款待处理' },
  { key: 'shipped', label: '已发货' },
  { key: 'all', label: '全部' },
]

const isQueue = (value: string | undefined): value is HqOrderQueue => QUEUES.some((q) => q.key === value)

function OrderCard({ order }: { order: OrderView }) {
  const first = order.lines[0]
  const more = order.lines.length > 1 ? ` 等 ${order.lines.length} 件` : ''
  return (
    <View className='hq-page__card hq-orders__card' onClick={() => openHqOrder(order._id)}>
      <View className='hq-orders__head'>
        <Text className='hq-page__muted hq-orders__no'>{order.orderNo}</Text>
        <Text className='hq-orders__status'>{order.refund ? refundStatusText(order.refund.status) : buyerStatusText(order.buyerStatus)}</Text>
      </View>
      <Text className='hq-orders__title'>{`${first?.title ?? ''}${more}`}</Text>
      <View className='hq-orders__meta'>
        <Text className='hq-page__muted'>{`${order.address.name} · ${formatShanghai(order.createdAt)}`}</Text>
        <Text className='hq-page__amount'>{formatFen(order.payableFen)}</Text>
      </View>
    </View>
  )
}

/** HQ's orders by queue, or one found by its number; a tap opens it to ship or decide a refund. */
function HqOrdersPage() {
  const { hq } = useStores()
  const { params } = useRouter()
  const [orderNo, setOrderNo] = useState('')
  const [entered, setEntered] = useState(false)

  useDidShow(() => {
    // The first time, the queue the 工作台 asked for; afterwards the one HQ chose, refreshed.
    if (!entered && isQueue(params.queue)) void hq.showQueue(params.queue)
    else void hq.orders.refresh()
    setEntered(true)
  })
  useReachBottom(() => void hq.orders.loadMore())
  usePullDownRefresh(() => void hq.orders.refresh().finally(() => void Taro.stopPullDownRefresh()))

  return (
    <View className='hq-page hq-orders'>
      <View className='hq-page__tabs'>
        {QUEUES.map((q) => (
          <Text
            key={q.key}
            className={`hq-page__tab hq-orders__tab--${q.key}${hq.queue === q.key && !hq.orderNo ? ' hq-page__tab--active' : ''}`}
            onClick={() => {
              setOrderNo('')
              void hq.showQueue(q.key)
            }}
          >
            {q.label}
          </Text>
        ))}
      </View>
      <View className='hq-orders__search'>
        <Input
          className='hq-page__input hq-orders__search-input'
          type='number'
          value={orderNo}
          placeholder='输入订单号查找'
          maxlength={32}
          onInput={(event) => setOrderNo(event.detail.value)}
          onConfirm={() => void hq.search(orderNo)}
        />
        <ActionButton className='hq-orders__search-button' onClick={() => void hq.search(orderNo)}>
          查找
        </ActionButton>
      </View>
      <PagedListView list={hq.orders} emptyText={hq.orderNo ? '没有这个订单号的订单' : '这里没有订单'}>
        {(items) => items.map((order) => <OrderCard key={order._id} order={order} />)}
      </PagedListView>
    </View>
  )
}

export default observer(HqOrdersPage)
