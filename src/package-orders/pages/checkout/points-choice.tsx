import { Switch, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { formatFen } from '../../../core/money'
import { POINTS_SOURCE, type Quote } from '../../../core/pricing'
import { useStores } from '../../../stores'
import type { Checkout } from '../../../stores/checkout'

/** 积分抵扣: on, the buyer offers every point they hold and the quote says how many HQ's cap lets the order spend. */
function PointsChoiceView({ checkout, quote }: { checkout: Checkout; quote: Quote }) {
  const { member } = useStores()
  const balance = member.card.status === 'ready' ? member.card.data.card.points : 0
  if (balance === 0 && checkout.points === 0) return null
  const spent = quote.discounts.find((d) => d.source === POINTS_SOURCE)
  return (
    <View className='checkout__points'>
      <View className='checkout__points-text'>
        <Text>积分抵扣</Text>
        <Text className='checkout__points-note'>
          {spent ? `使用 ${spent.points} 积分，抵 ${formatFen(spent.amountFen)}` : `共 ${balance} 积分`}
        </Text>
      </View>
      <Switch className='checkout__points-switch' checked={checkout.points > 0} color='#2f6b4f' onChange={(event) => void checkout.setPoints(event.detail.value ? balance : 0)} />
    </View>
  )
}

export const PointsChoice = observer(PointsChoiceView)
