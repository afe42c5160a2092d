import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PagedListView } from '../../../components/paged-list-view'
import { formatFen } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { buyerStatusText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import type { ShopOrderRow } from '../../../stores/my-shop-store'
import { WhyThisOrder } from '../../../components/attribution-chain'
import { useListPage } from '../../use-list-page'
import '../../shop.less'
import './index.less'

function ShopOrderCard({ order }: { order: ShopOrderRow }) {
  return (
    <View className='shop-page__card shop-order'>
      <View className='shop-order__head'>
        <Text className='shop-order__no'>{order.orderNo}</Text>
        <Text className='shop-order__status'>{buyerStatusText(order.status)}</Text>
      </View>
      <Text className='shop-order__title'>{order.title}</Text>
      <View className='shop-order__meta'>
        <Text className='shop-page__muted'>{order.buyer} · {formatShanghai(order.createdAt, 'YYYY-MM-DD HH:mm')}</Text>
        <Text className='shop-order__amount'>{formatFen(order.payableFen)}</Text>
      </View>
      <WhyThisOrder chain={order.chain} orderedAt={order.createdAt} />
    </View>
  )
}

/** The shop's orders, newest first; each says why it is the shop's. */
function ShopOrdersPage() {
  const { myShop } = useStores()
  useListPage(myShop.orders)

  return (
    <View className='shop-page shop-orders'>
      <PagedListView list={myShop.orders} emptyText='还没有订单，分享商品给朋友吧'>
        {(items) => items.map((order) => <ShopOrderCard key={order._id} order={order} />)}
      </PagedListView>
    </View>
  )
}

export default observer(ShopOrdersPage)
