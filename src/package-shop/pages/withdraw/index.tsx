import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import type { CommissionSummary } from '../../../contracts/commission'
import { formatFen } from '../../../core/money'
import { openWithdrawals } from '../../../routes'
import { useStores } from '../../../stores'
import type { WithdrawalForm } from '../../../stores/commission-store'
import { TextField } from '../../components/text-field'
import { WithdrawalCard } from '../../components/withdrawal-card'
import '../../shop.less'
import './index.less'

const Form = observer(function Form({ form, summary }: { form: WithdrawalForm; summary: CommissionSummary }) {
  const { balances, withdrawal } = summary
  return (
    <>
      <View className='shop-page__card withdraw__limits'>
        <View className='shop-page__row'>
          <Text>可提现</Text>
          <Text className='withdraw__available'>{formatFen(balances.availableFen)}</Text>
        </View>
        <View className='shop-page__row'>
          <Text>今日还可提现</Text>
          <Text className='withdraw__left-today'>{formatFen(withdrawal.leftTodayFen)}</Text>
        </View>
      </View>
      <View className='shop-page__card'>
        <TextField
          label='提现金额（元）'
          className='withdraw__amount'
          type='digit'
          value={form.amountText}
          maxlength={12}
          placeholder={`最低 ${formatFen(withdrawal.minFen)}`}
          error={form.error?.message}
          onInput={(text) => form.setAmount(text)}
        />
        <Text className='withdraw__all' onClick={() => form.fillAll(summary)}>全部提现</Text>
      </View>
      <Text className='shop-page__hint'>提现经总部审核后，由微信支付转入你的微信零钱；到账前需要你在微信里确认收款，24 小时内未确认将退回可提现余额。</Text>
      <ActionButton className='shop-page__button withdraw__submit' loading={form.submitting} onClick={() => void form.submit(summary)}>
        提现
      </ActionButton>
    </>
  )
})

/** 提现: how much, checked against the balance and HQ's limits; then the withdrawal it made, followed to its end. */
function WithdrawPage() {
  const { commission } = useStores()
  // One visit, one request id: a double tap, or a retry after a lost answer, makes one withdrawal.
  const [form] = useState(() => commission.withdrawalForm())
  useDidShow(() => {
    void commission.loadSummary()
    if (form.made) void commission.refreshWithdrawal(form.made._id)
  })

  if (form.made) {
    const made = commission.withdrawals.items.find((w) => w._id === form.made!._id) ?? form.made
    return (
      <View className='shop-page withdraw'>
        <Text className='withdraw__done'>提现申请已提交</Text>
        <WithdrawalCard withdrawal={made} />
        <View className='shop-page__card'>
          <View className='shop-page__row withdraw__records' onClick={openWithdrawals}>
            <Text>提现记录</Text>
            <Text className='shop-page__muted'>›</Text>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='shop-page withdraw'>
      <LoadStateView state={commission.summary} onRetry={() => void commission.loadSummary()}>
        {(summary) => <Form form={form} summary={summary} />}
      </LoadStateView>
    </View>
  )
}

export default observer(WithdrawPage)
