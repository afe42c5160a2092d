import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import type { CommissionDay, CommissionSummary } from '../../../contracts/commission'
import { formatFen } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { openCommissionLedger, openWithdraw, openWithdrawals } from '../../../routes'
import { useStores } from '../../../stores'
import '../../shop.less'
import './index.less'

function Balances({ summary, onWithdraw }: { summary: CommissionSummary; onWithdraw: () => void }) {
  const { balances, nextReleaseAt } = summary
  return (
    <View className='shop-page__card commission__balances'>
      <Text className='commission__available-label'>可提现</Text>
      <Text className='commission__available'>{formatFen(balances.availableFen)}</Text>
      <ActionButton className='commission__withdraw' onClick={onWithdraw}>提现</ActionButton>
      <View className='commission__figures'>
        <View className='commission__figure'>
          <Text className='commission__figure-value commission__pending'>{formatFen(balances.pendingFen)}</Text>
          <Text className='commission__figure-label'>待结算</Text>
        </View>
        <View className='commission__figure'>
          <Text className='commission__figure-value commission__frozen'>{formatFen(balances.frozenFen)}</Text>
          <Text className='commission__figure-label'>冻结中</Text>
        </View>
        <View className='commission__figure'>
          <Text className='commission__figure-value commission__withdrawn'>{formatFen(balances.withdrawnFen)}</Text>
          <Text className='commission__figure-label'>已提现</Text>
        </View>
      </View>
      {nextReleaseAt && (
        <Text className='commission__next-release'>冻结中的佣金最早于 {formatShanghai(nextReleaseAt, 'MM-DD HH:mm')} 转为可提现</Text>
      )}
      {balances.owedFen > 0 && (
        <View className='commission__owed'>
          <Text className='commission__owed-amount'>欠款 {formatFen(balances.owedFen)}</Text>
          <Text className='commission__owed-note'>已结算订单发生退款，追回的佣金超出了可提现余额，将从以后的佣金中抵扣。</Text>
        </View>
      )}
    </View>
  )
}

/** A day's figures; a column with nothing that day stays empty, so the days that moved stand out. */
const cell = (fen: number, sign = '') => (fen === 0 ? '' : `${sign}${formatFen(fen)}`)

function Days({ days }: { days: CommissionDay[] }) {
  return (
    <View className='shop-page__card commission__days'>
      <Text className='shop-page__card-title'>近 30 天</Text>
      {days.length === 0 ? (
        <Text className='shop-page__muted'>近 30 天还没有佣金变动，分享商品给朋友吧</Text>
      ) : (
        <>
          <View className='commission__day commission__day--head'>
            <Text className='commission__day-date'>日期</Text>
            <Text className='commission__day-cell'>新增</Text>
            <Text className='commission__day-cell'>转可提现</Text>
            <Text className='commission__day-cell'>退款</Text>
            <Text className='commission__day-cell'>提现</Text>
          </View>
          {days.map((day) => (
            <View key={day.day} className='commission__day'>
              <Text className='commission__day-date'>{day.day.slice(5)}</Text>
              <Text className='commission__day-cell commission__day-cell--plus'>{cell(day.accruedFen, '+')}</Text>
              <Text className='commission__day-cell'>{cell(day.releasedFen)}</Text>
              <Text className='commission__day-cell commission__day-cell--minus'>{cell(day.reversedFen, '-')}</Text>
              <Text className='commission__day-cell'>{cell(day.withdrawnFen)}</Text>
            </View>
          ))}
        </>
      )}
    </View>
  )
}

function Rules({ summary }: { summary: CommissionSummary }) {
  const { withdrawal, afterSalesDays } = summary
  return (
    <View className='shop-page__card commission__rules'>
      <Text className='shop-page__card-title'>佣金规则</Text>
      <View className='shop-page__row'>
        <Text>售后期</Text>
        <Text className='commission__rule commission__rule-days'>{afterSalesDays} 天</Text>
      </View>
      <View className='shop-page__row'>
        <Text>最低提现</Text>
        <Text className='commission__rule'>{formatFen(withdrawal.minFen)}</Text>
      </View>
      <View className='shop-page__row'>
        <Text>今日还可提现</Text>
        <Text className='commission__rule commission__left-today'>{formatFen(withdrawal.leftTodayFen)}</Text>
      </View>
      <Text className='commission__rules-note'>
        顾客付款后佣金计入待结算；确认收货后冻结，售后期 {afterSalesDays} 天结束转为可提现。发生退款时，未结算的佣金按比例作废，已结算的从余额中追回。佣金只计入成交的小店，按实付商品金额计算，不含运费。
      </Text>
    </View>
  )
}

/** 佣金: the balances, what moved on each of the last 30 days, and the rules they follow. */
function CommissionPage() {
  const { commission, subscriptions } = useStores()
  useDidShow(() => void commission.loadSummary())
  useEffect(() => void subscriptions.prepare(), [subscriptions])
  // The tap is the one moment WeChat lets the shop ask to tell the employee when frozen commission becomes withdrawable.
  const withdraw = async () => {
    await subscriptions.ask(['commission_available'])
    openWithdraw()
  }
  usePullDownRefresh(() => void commission.loadSummary().finally(() => void Taro.stopPullDownRefresh()))

  return (
    <View className='shop-page commission'>
      <LoadStateView state={commission.summary} onRetry={() => void commission.loadSummary()}>
        {(summary) => (
          <>
            <Balances summary={summary} onWithdraw={() => void withdraw()} />
            <View className='shop-page__card'>
              <View className='shop-page__row commission__ledger-link' onClick={openCommissionLedger}>
                <Text>佣金明细</Text>
                <Text className='shop-page__muted'>›</Text>
              </View>
              <View className='shop-page__row commission__withdrawals-link' onClick={openWithdrawals}>
                <Text>提现记录</Text>
                <Text className='shop-page__muted'>›</Text>
              </View>
            </View>
            <Days days={summary.days} />
            <Rules summary={summary} />
          </>
        )}
      </LoadStateView>
    </View>
  )
}

export default observer(CommissionPage)
