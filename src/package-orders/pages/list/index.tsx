import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { PagedListView } from '../../../components/paged-list-view'
import { ORDER_TABS } from '../../../core/order'
import { orderTabText } from '../../../i18n/zh-CN'
import { goShopping, openOrder } from '../../../routes'
import { useStores } from '../../../stores'
import type { OrderTab } from '../../../core/order'
import { OrderCard } from './order-card'
import './index.less'

const isTab = (value: string | undefined): value is OrderTab => ORDER_TABS.some((t) => t.key === value)

function OrderListPage() {
  const { orders } = useStores()
  const requested = useRouter().params.tab
  const [tab, setTab] = useState<OrderTab>(isTab(requested) ? requested : 'all')
  const list = orders.list(tab)

  // Each show: orders move on their own (paid elsewhere, expired, shipped by HQ).
  useDidShow(() => void list.refresh())
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    void list.refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  const choose = (next: OrderTab) => {
    setTab(next)
    void orders.list(next).refresh()
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return (
    <View className='order-list'>
      <View className='order-list__tabs'>
        {ORDER_TABS.map((t) => (
          <View
            key={t.key}
            className={`order-list__tab${t.key === tab ? ' order-list__tab--current' : ''}`}
            onClick={() => isTab(t.key) && choose(t.key)}
          >
            <Text>{orderTabText(t.key)}</Text>
          </View>
        ))}
      </View>
      <View className='order-list__body'>
        <PagedListView list={list} emptyText='还没有相关订单' emptyActionText='去逛逛' onEmptyAction={goShopping}>
          {(items) => items.map((order) => <OrderCard key={order._id} order={order} onOpen={openOrder} />)}
        </PagedListView>
      </View>
    </View>
  )
}

export default observer(OrderListPage)
