import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { PagedListView } from '../../../components/paged-list-view'
import { formatFen } from '../../../core/money'
import type { HqOrderView } from '../../../core/order'
import { HQ_ORDER_STATUSES, type HqOrderStatus } from '../../../core/order-filter'
import { formatShanghai } from '../../../core/time'
import { buyerStatusText, refundStatusText } from '../../../i18n/zh-CN'
import { openHqOrder } from '../../../routes'
import { useStores } from '../../../stores'
import { BatchShip } from './batch-ship'
import '../../hq.less'
import './index.less'

/** 待发货 first: shipping is most of HQ's day. */
const STATUS_TABS: Array<{ key: HqOrderStatus; label: string }> = [
  { key: 'paid', label: '待发货' },
  { key: 'refund_requested', label: '退款待处理' },
  { key: 'shipped', label: '已发货' },
  { key: 'completed', label: '已完成' },
  { key: 'pending_payment', label: '待付款' },
  { key: 'cancelled', label: '已取消' },
  { key: 'all', label: '全部' },
]

const isStatus = (value: string | undefined): value is HqOrderStatus => HQ_ORDER_STATUSES.some((s) => s === value)

function OrderCard({ order, selected, onSelect }: { order: HqOrderView; selected?: boolean; onSelect?: () => void }) {
  const first = order.lines[0]
  const more = order.lines.length > 1 ? ` 等 ${order.lines.length} 件` : ''
  return (
    <View className={`hq-page__card hq-orders__card${selected ? ' hq-orders__card--selected' : ''}`} onClick={() => openHqOrder(order._id)}>
      <View className='hq-orders__head'>
        {onSelect && (
          <Text
            className={`hq-orders__check${selected ? ' hq-orders__check--on' : ''}`}
            onClick={(event) => {
              event.stopPropagation()
              onSelect()
            }}
          >
            {selected ? '✓' : ''}
          </Text>
        )}
        <Text className='hq-page__muted hq-orders__no'>{order.orderNo}</Text>
        <Text className='hq-orders__status'>{order.refund ? refundStatusText(order.refund.status) : buyerStatusText(order.buyerStatus)}</Text>
      </View>
      <Text className='hq-orders__title'>{`${first?.title ?? ''}${more}`}</Text>
      <View className='hq-orders__meta'>
        <Text className='hq-page__muted'>{`${order.address.name} · ${formatShanghai(order.createdAt)}`}</Text>
        <Text className='hq-page__amount'>{formatFen(order.payableFen)}</Text>
      </View>
      {order.attribution?.shopName && <Text className='hq-page__muted hq-orders__shop'>{order.attribution.shopName}</Text>}
    </View>
  )
}

/**
 * HQ's orders: by status (待发货 first), shop and days placed, or found by order number or the
 * receiver's phone; in 待发货, orders are picked and shipped together.
 */
function HqOrdersPage() {
  const { hq } = useStores()
  const { params } = useRouter()
  const [search, setSearch] = useState('')
  const [entered, setEntered] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const [shipping, setShipping] = useState(false)
  const filter = hq.filter
  const shops = hq.activeShops.status === 'ready' ? hq.activeShops.data : []
  const shopIndex = shops.findIndex((shop) => shop._id === filter.shopId)

  const show = (patch: Partial<typeof filter>) => {
    setSelected([])
    void hq.showOrders({ ...filter, ...patch })
  }
  useDidShow(() => {
    // The first time, the status the 工作台 asked for; afterwards the list HQ chose, refreshed.
    if (!entered && isStatus(params.status)) void hq.showOrders({ status: params.status })
    else void hq.orders.refresh()
    void hq.loadActiveShops()
    setEntered(true)
  })
  useReachBottom(() => void hq.orders.loadMore())
  usePullDownRefresh(() => void hq.orders.refresh().finally(() => void Taro.stopPullDownRefresh()))

  const toShip = filter.status === 'paid'
  const items = hq.orders.state.status === 'ready' ? hq.orders.state.data : []
  const chosen = items.filter((order) => selected.includes(order._id))
  const toggle = (orderId: string) => setSelected(selected.includes(orderId) ? selected.filter((id) => id !== orderId) : [...selected, orderId])

  return (
    <View className='hq-page hq-orders'>
      <View className='hq-page__tabs hq-orders__tabs'>
        {STATUS_TABS.map((tab) => (
          <Text key={tab.key} className={`hq-page__tab hq-orders__tab--${tab.key}${filter.status === tab.key ? ' hq-page__tab--active' : ''}`} onClick={() => show({ status: tab.key })}>
            {tab.label}
          </Text>
        ))}
      </View>
      <View className='hq-orders__search'>
        <Input
          className='hq-page__input hq-orders__search-input'
          type='number'
          value={search}
          placeholder='订单号或收货手机号'
          maxlength={32}
          onInput={(event) => setSearch(event.detail.value)}
          onConfirm={() => show({ search: search.trim() || undefined })}
        />
        <ActionButton className='hq-orders__search-button' onClick={() => show({ search: search.trim() || undefined })}>
          查找
        </ActionButton>
      </View>
      <View className='hq-orders__filters'>
        <Picker mode='date' value={filter.fromDay ?? ''} onChange={(event) => show({ fromDay: event.detail.value })}>
          <Text className='hq-orders__filter hq-orders__from'>{filter.fromDay ?? '开始日期'}</Text>
        </Picker>
        <Text className='hq-page__muted'>至</Text>
        <Picker mode='date' value={filter.toDay ?? ''} onChange={(event) => show({ toDay: event.detail.value })}>
          <Text className='hq-orders__filter hq-orders__to'>{filter.toDay ?? '结束日期'}</Text>
        </Picker>
        <Picker mode='selector' range={['全部小店', ...shops.map((shop) => shop.name)]} value={shopIndex + 1} onChange={(event) => show({ shopId: shops[Number(event.detail.value) - 1]?._id })}>
          <Text className='hq-orders__filter hq-orders__shop-filter'>{shopIndex >= 0 ? shops[shopIndex].name : '全部小店'}</Text>
        </Picker>
        {(filter.fromDay || filter.toDay || filter.shopId || filter.search) && (
          <Text
            className='hq-orders__clear'
            onClick={() => {
              setSearch('')
              show({ fromDay: undefined, toDay: undefined, shopId: undefined, search: undefined })
            }}
          >
            清除筛选
          </Text>
        )}
      </View>
      <PagedListView list={hq.orders} emptyText={filter.search ? '没有找到这个订单号或手机号的订单' : '这里没有订单'}>
        {(orders) => orders.map((order) => <OrderCard key={order._id} order={order} selected={selected.includes(order._id)} onSelect={toShip ? () => toggle(order._id) : undefined} />)}
      </PagedListView>
      {toShip && chosen.length > 0 && !shipping && (
        <View className='hq-orders__bar'>
          <Text>{`已选 ${chosen.length} 单`}</Text>
          <ActionButton className='hq-page__button hq-orders__ship-selected' onClick={() => setShipping(true)}>
            批量发货
          </ActionButton>
        </View>
      )}
      {shipping && (
        <BatchShip
          orders={chosen}
          onClose={(shippedIds) => {
            setShipping(false)
            setSelected(selected.filter((id) => !shippedIds.includes(id)))
          }}
        />
      )}
    </View>
  )
}

export default observer(HqOrdersPage)
