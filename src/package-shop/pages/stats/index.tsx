import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { LoadStateView } from '../../../components/load-state-view'
import type { ShopStats } from '../../../contracts/referral'
import { formatFen } from '../../../core/money'
import type { VisitChannel } from '../../../core/share-code'
import { channelText, funnelStepText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import '../../shop.less'
import './index.less'

const CHANNELS: VisitChannel[] = ['chat', 'moments', 'poster', 'direct']

function Stats({ stats }: { stats: ShopStats }) {
  const { funnel } = stats
  const visits = CHANNELS.reduce((sum, c) => sum + funnel.visits[c], 0)
  return (
    <>
      <View className='shop-page__card stats__summary'>
        <View className='stats__figure'>
          <Text className='stats__value'>{formatFen(stats.salesFen)}</Text>
          <Text className='stats__label'>本月销售额</Text>
        </View>
        <View className='stats__figure'>
          <Text className='stats__value'>{stats.customers}</Text>
          <Text className='stats__label'>绑定顾客</Text>
        </View>
      </View>
      <View className='shop-page__card'>
        <Text className='shop-page__card-title'>{stats.month} 转化</Text>
        <View className='shop-page__row'>
          <Text>{funnelStepText('share')}</Text>
          <Text className='stats__count'>{funnel.shares}</Text>
        </View>
        <View className='shop-page__row'>
          <Text>{funnelStepText('visit')}</Text>
          <Text className='stats__count stats__visits'>{visits}</Text>
        </View>
        {CHANNELS.map((channel) => (
          <View key={channel} className='shop-page__row stats__channel'>
            <Text className='shop-page__muted'>· {channelText(channel)}</Text>
            <Text className={`stats__count stats__visits-${channel}`}>{funnel.visits[channel]}</Text>
          </View>
        ))}
        <View className='shop-page__row'>
          <Text>{funnelStepText('bind')}</Text>
          <Text className='stats__count stats__binds'>{funnel.binds}</Text>
        </View>
        <View className='shop-page__row'>
          <Text>{funnelStepText('order')}</Text>
          <Text className='stats__count stats__orders'>{funnel.orders}</Text>
        </View>
      </View>
      <Text className='shop-page__hint'>按北京时间统计本月数据；店主访问自己的小店不计入。</Text>
    </>
  )
}

/** The month's figures: visits by channel, bindings, orders and sales. */
function StatsPage() {
  const { myShop } = useStores()
  useDidShow(() => void myShop.loadStats())
  usePullDownRefresh(() => void myShop.loadStats().finally(() => void Taro.stopPullDownRefresh()))

  return (
    <View className='shop-page stats'>
      <LoadStateView state={myShop.stats} onRetry={() => void myShop.loadStats()}>
        {(stats) => <Stats stats={stats} />}
      </LoadStateView>
    </View>
  )
}

export default observer(StatsPage)
