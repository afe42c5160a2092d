import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PagedListView } from '../../../components/paged-list-view'
import { openWithdraw } from '../../../routes'
import { useStores } from '../../../stores'
import { WithdrawalCard } from '../../components/withdrawal-card'
import { useListPage } from '../../use-list-page'
import '../../shop.less'

/** 提现记录: every withdrawal, newest first, with where it stands and why; 确认收款 where WeChat waits. */
function WithdrawalsPage() {
  const { commission } = useStores()
  useListPage(commission.withdrawals)

  return (
    <View className='shop-page withdrawals'>
      <PagedListView list={commission.withdrawals} emptyText='还没有提现记录' emptyActionText='去提现' onEmptyAction={openWithdraw}>
        {(items) => items.map((withdrawal) => <WithdrawalCard key={withdrawal._id} withdrawal={withdrawal} />)}
      </PagedListView>
    </View>
  )
}

export default observer(WithdrawalsPage)
