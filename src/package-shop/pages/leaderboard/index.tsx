import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadStateView } from '../../../components/load-state-view'
import { ShopAvatar } from '../../../components/shop-identity'
import type { LeaderboardRow } from '../../../contracts/referral'
import { formatFen } from '../../../core/money'
import { useStores } from '../../../stores'
import '../../shop.less'
import './index.less'

function Row({ row, mine }: { row: LeaderboardRow; mine: boolean }) {
  return (
    <View className={`shop-page__row leaderboard__row${mine ? ' leaderboard__row--mine' : ''}`}>
      <Text className={`leaderboard__rank${row.rank <= 3 ? ' leaderboard__rank--top' : ''}`}>{row.rank}</Text>
      <ShopAvatar className='leaderboard__avatar' shop={row.shop} />
      <View className='leaderboard__shop'>
        <Text className='leaderboard__name'>{row.shop.name}</Text>
        <Text className='shop-page__muted'>店主 {row.shop.ownerName} · {row.orders} 单</Text>
      </View>
      <Text className='leaderboard__sales'>{formatFen(row.salesFen)}</Text>
    </View>
  )
}

/** Shops by paid sales this month. */
function LeaderboardPage() {
  const { myShop } = useStores()
  const mineId = myShop.shop?._id

  useEffect(() => {
    void myShop.loadLeaderboard()
    if (myShop.myShop.status === 'idle') void myShop.load()
  }, [myShop])
  usePullDownRefresh(() => void myShop.loadLeaderboard().finally(() => void Taro.stopPullDownRefresh()))

  return (
    <View className='shop-page leaderboard'>
      <LoadStateView
        state={myShop.leaderboard}
        onRetry={() => void myShop.loadLeaderboard()}
        isEmpty={(rows) => rows.length === 0}
        emptyText='本月还没有成交'
      >
        {(rows) => (
          <View className='shop-page__card'>
            {rows.map((row) => <Row key={row.shop._id} row={row} mine={row.shop._id === mineId} />)}
          </View>
        )}
      </LoadStateView>
      <Text className='shop-page__hint'>按本月已支付的销售额排名，每月 1 日重新开始。</Text>
    </View>
  )
}

export default observer(LeaderboardPage)
