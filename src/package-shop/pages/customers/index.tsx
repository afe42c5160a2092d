import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PagedListView } from '../../../components/paged-list-view'
import { formatShanghai } from '../../../core/time'
import { channelText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import type { CustomerRow } from '../../../stores/my-shop-store'
import { useListPage } from '../../use-list-page'
import '../../shop.less'
import './index.less'

function Customer({ customer }: { customer: CustomerRow }) {
  return (
    <View className='shop-page__card customer'>
      <View className='customer__head'>
        <Text className='customer__name'>{customer.maskedName}</Text>
        {customer.maskedPhone && <Text className='customer__phone'>{customer.maskedPhone}</Text>}
        <Text className='customer__orders'>{customer.orders} 单</Text>
      </View>
      <Text className='shop-page__muted'>
        {formatShanghai(customer.boundAt, 'YYYY-MM-DD HH:mm')} 通过{channelText(customer.channel)}绑定 · 保护期至 {formatShanghai(customer.expiresAt, 'YYYY-MM-DD')}
      </Text>
    </View>
  )
}

/** The customers bound to the shop now; names and phones masked, as the server sends them. */
function CustomersPage() {
  const { myShop } = useStores()
  useListPage(myShop.customers)

  return (
    <View className='shop-page customers'>
      <Text className='shop-page__hint'>顾客通过你的分享进店后与小店绑定，保护期内在本店的订单都算你的。</Text>
      <PagedListView list={myShop.customers} emptyText='还没有绑定的顾客，分享小店给朋友吧'>
        {(items) => items.map((customer) => <Customer key={customer._id} customer={customer} />)}
      </PagedListView>
    </View>
  )
}

export default observer(CustomersPage)
