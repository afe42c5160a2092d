import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import { ShopIdentity } from '../../../components/shop-identity'
import type { MyShop } from '../../../contracts/shop'
import type { ShopStats } from '../../../contracts/referral'
import { formatFen } from '../../../core/money'
import type { Shop } from '../../../core/shop'
import { picksModeText } from '../../../i18n/zh-CN'
import {
  openCommission,
  openLeaderboard,
  openPicks,
  openShare,
  openShopCustomers,
  openShopForm,
  openShopHome,
  openShopOrders,
  openShopStats,
  openVerify,
} from '../../../routes'
import { useStores } from '../../../stores'
import type { LoadState } from '../../../stores/load-state'
import '../../shop.less'
import './index.less'

const TOOLS: Array<{ label: string; open: () => void }> = [
  { label: '编辑小店', open: openShopForm },
  { label: '选品', open: openPicks },
  { label: '分享与海报', open: () => openShare() },
  { label: '经营数据', open: openShopStats },
  { label: '我的顾客', open: openShopCustomers },
  { label: '小店订单', open: openShopOrders },
  { label: '我的佣金', open: openCommission },
  { label: '月度排行', open: openLeaderboard },
]

/** Before the shop exists: who the roster says the employee is, and the way to open it. */
function NotOpened({ employee }: Pick<MyShop, 'employee'>) {
  return (
    <View className='shop-page__card my-shop__welcome'>
      <Text className='shop-page__card-title'>{employee.name}，开一家自己的小店吧</Text>
      <Text className='shop-page__muted'>工号 {employee.employeeNo} · {employee.department}</Text>
      <Text className='my-shop__promise'>开店免费，无须进货：商品、价格、库存和发货都由总部负责，你只需挑选商品、分享给朋友。</Text>
      <ActionButton className='shop-page__button my-shop__open' onClick={openShopForm}>一分钟开店</ActionButton>
    </View>
  )
}

function Figures({ stats }: { stats: LoadState<ShopStats> }) {
  if (stats.status !== 'ready') return null
  const { funnel, customers, salesFen } = stats.data
  const visits = Object.values(funnel.visits).reduce((sum, n) => sum + n, 0)
  const figures = [
    { label: '本月访问', value: String(visits) },
    { label: '绑定顾客', value: String(customers) },
    { label: '本月订单', value: String(funnel.orders) },
    { label: '本月销售', value: formatFen(salesFen) },
  ]
  return (
    <View className='my-shop__figures' onClick={openShopStats}>
      {figures.map((figure) => (
        <View key={figure.label} className='my-shop__figure'>
          <Text className='my-shop__figure-value'>{figure.value}</Text>
          <Text className='my-shop__figure-label'>{figure.label}</Text>
        </View>
      ))}
    </View>
  )
}

function Opened({ shop, stats }: { shop: Shop; stats: LoadState<ShopStats> }) {
  return (
    <>
      <ShopIdentity
        className='shop-page__card'
        shop={shop}
        line={`${picksModeText(shop.picks.mode)} · 查看小店 ›`}
        status={shop.status}
        onClick={() => openShopHome(shop._id)}
      />
      {shop.status === 'pending' && <Text className='shop-page__hint'>小店正在等待总部审核，审核通过后即可分享。</Text>}
      <Figures stats={stats} />
      <View className='shop-page__card my-shop__tools'>
        {TOOLS.map((tool) => (
          <View key={tool.label} className='shop-page__row my-shop__tool' onClick={tool.open}>
            <Text>{tool.label}</Text>
            <Text className='shop-page__muted'>›</Text>
          </View>
        ))}
      </View>
    </>
  )
}

/** 我的小店: the shop and its tools, or opening it; an unverified caller is sent to 员工认证. */
function MyShopPage() {
  const { myShop } = useStores()

  // Each show: a change made on another page (name, picks, a new order) shows here.
  useDidShow(() => {
    void myShop.load()
    void myShop.loadStats()
  })

  if (myShop.myShop.status === 'error' && myShop.myShop.error.code === 'EMPLOYEE_REQUIRED') {
    return (
      <View className='shop-page'>
        <View className='shop-page__card'>
          <Text className='shop-page__card-title'>请先完成员工认证</Text>
          <ActionButton className='shop-page__button' onClick={openVerify}>去认证</ActionButton>
        </View>
      </View>
    )
  }

  return (
    <View className='shop-page my-shop'>
      <LoadStateView state={myShop.myShop} onRetry={() => void myShop.load()}>
        {(mine) => (mine.shop ? <Opened shop={mine.shop} stats={myShop.stats} /> : <NotOpened employee={mine.employee} />)}
      </LoadStateView>
    </View>
  )
}

export default observer(MyShopPage)
