import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { PagedListView } from '../../../components/paged-list-view'
import type { PointsHistoryEntry } from '../../../contracts/member'
import type { MemberRules } from '../../../core/member'
import { formatFenShort } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { goShopping } from '../../../routes'
import { memberLevelText, pointsEntryText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import './index.less'

function EntryRow({ entry }: { entry: PointsHistoryEntry }) {
  return (
    <View className='points-entry'>
      <View className='points-entry__body'>
        <Text className='points-entry__kind'>{pointsEntryText(entry.kind)}</Text>
        <Text className='points-entry__order'>订单 {entry.orderNo}</Text>
        <Text className='points-entry__at'>{formatShanghai(entry.at)}</Text>
      </View>
      <Text className={`points-entry__points${entry.points < 0 ? ' points-entry__points--minus' : ''}`}>
        {entry.points > 0 ? `+${entry.points}` : entry.points}
      </Text>
    </View>
  )
}

/** The rules as HQ set them, in the buyer's words. */
function RulesView({ rules }: { rules: MemberRules }) {
  return (
    <View className='points-rules'>
      <Text className='points-rules__title'>积分规则</Text>
      <Text className='points-rules__line'>· 订单完成后，每实付 ¥100 商品金额得 {rules.earnPointsPer100Yuan} 积分（不含运费，不足 1 积分不计）</Text>
      <Text className='points-rules__line'>· 下单时 {rules.pointsPerYuan} 积分抵 ¥1，最多抵扣商品金额的 {rules.redeemCapBps / 100}%</Text>
      <Text className='points-rules__line'>· 未付款订单取消后，抵扣的积分退回；退款时按退款比例退回抵扣积分，并扣回该部分获得的积分</Text>
      <Text className='points-rules__title'>会员等级</Text>
      {rules.levels.map((l) => (
        <Text key={l.level} className='points-rules__line'>
          · {memberLevelText(l.level)}：累计消费满 {formatFenShort(l.thresholdFen)}
          {l.discountBps > 0 ? `，商品 ${(10 - l.discountBps / 1000).toFixed(1).replace(/\.0$/, '')} 折` : ''}
          {l.freeShipping ? '，全场包邮' : ''}
        </Text>
      ))}
    </View>
  )
}

/** 我的积分: the balance, every change with the order it came from, and the rules. */
function PointsPage() {
  const { member } = useStores()
  const list = member.points()
  useDidShow(() => {
    void member.load()
    void list.refresh()
  })
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => void Promise.all([member.load(), list.refresh()]).finally(() => void Taro.stopPullDownRefresh()))
  const card = member.card.status === 'ready' ? member.card.data : null

  return (
    <View className='points'>
      <View className='points__head'>
        <Text className='points__label'>可用积分</Text>
        <Text className='points__balance'>{card ? card.card.points : '—'}</Text>
        {card && <Text className='points__level'>{memberLevelText(card.card.level)}</Text>}
      </View>
      <Text className='points__section'>积分明细</Text>
      <PagedListView list={list} emptyText='还没有积分记录，完成订单即可获得积分' emptyActionText='去逛逛' onEmptyAction={goShopping}>
        {(items) => items.map((entry) => <EntryRow key={entry._id} entry={entry} />)}
      </PagedListView>
      {card && <RulesView rules={card.rules} />}
    </View>
  )
}

export default observer(PointsPage)
