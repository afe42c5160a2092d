import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { PagedListView } from '../../../components/paged-list-view'
import type { HqWithdrawalView } from '../../../contracts/commission'
import { formatFen } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { useStores } from '../../../stores'
import '../../hq.less'
import './index.less'

const WithdrawalCard = observer(function WithdrawalCard({ withdrawal }: { withdrawal: HqWithdrawalView }) {
  const { hq } = useStores()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [failure, setFailure] = useState('')
  const approve = async () => {
    setFailure('')
    const outcome = await hq.approveWithdrawal(withdrawal._id)
    if (outcome.ok) void Taro.showToast({ title: '已通过', icon: 'success' })
    else setFailure(outcome.error.message)
  }
  const reject = async () => {
    setFailure('')
    const outcome = await hq.rejectWithdrawal(withdrawal._id, reason)
    if (outcome.ok) void Taro.showToast({ title: '已驳回', icon: 'success' })
    else setFailure(outcome.error.message)
  }
  return (
    <View className='hq-page__card hq-withdrawals__card'>
      <View className='hq-withdrawals__head'>
        <Text className='hq-withdrawals__shop'>{withdrawal.shopName}</Text>
        <Text className='hq-page__amount'>{formatFen(withdrawal.amountFen)}</Text>
      </View>
      <Text className='hq-page__muted'>{`${withdrawal.ownerName} · 申请于 ${formatShanghai(withdrawal.requestedAt)}`}</Text>
      {rejecting && (
        <>
          <Text className='hq-page__label'>驳回理由（员工可见，金额退回可提现余额）</Text>
          <Input className='hq-page__input hq-withdrawals__reason' value={reason} placeholder='例如：请先完成实名认证' maxlength={100} onInput={(event) => setReason(event.detail.value)} />
        </>
      )}
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        {rejecting ? (
          <>
            <ActionButton className='hq-page__button hq-page__button--plain' onClick={() => setRejecting(false)}>
              取消
            </ActionButton>
            <ActionButton className='hq-page__button hq-page__button--danger hq-withdrawals__reject-confirm' loading={hq.saving} disabled={!reason.trim()} onClick={() => void reject()}>
              确认驳回
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton className='hq-page__button hq-page__button--plain hq-withdrawals__reject' onClick={() => setRejecting(true)}>
              驳回
            </ActionButton>
            <ActionButton className='hq-page__button hq-withdrawals__approve' loading={hq.saving} onClick={() => void approve()}>
              通过
            </ActionButton>
          </>
        )}
      </View>
    </View>
  )
})

/** Withdrawals waiting for HQ's review, oldest asks at the bottom; a decision takes one off the list. */
function HqWithdrawalsPage() {
  const { hq } = useStores()
  useDidShow(() => void hq.withdrawals.refresh())
  useReachBottom(() => void hq.withdrawals.loadMore())
  usePullDownRefresh(() => void hq.withdrawals.refresh().finally(() => void Taro.stopPullDownRefresh()))
  return (
    <View className='hq-page hq-withdrawals'>
      <PagedListView list={hq.withdrawals} emptyText='没有待审核的提现'>
        {(items) => items.map((withdrawal) => <WithdrawalCard key={withdrawal._id} withdrawal={withdrawal} />)}
      </PagedListView>
    </View>
  )
}

export default observer(HqWithdrawalsPage)
