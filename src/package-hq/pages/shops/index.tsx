import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { PagedListView } from '../../../components/paged-list-view'
import type { Shop, ShopStatus } from '../../../core/shop'
import { formatShanghai } from '../../../core/time'
import { shopStatusText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import '../../hq.less'
import './index.less'

/** 待审核 first: those wait for HQ. Closed shops are final and have nothing to decide. */
const STATUSES: ShopStatus[] = ['pending', 'active', 'suspended']

const ShopCard = observer(function ShopCard({ shop }: { shop: Shop }) {
  const { hq } = useStores()
  const [suspending, setSuspending] = useState(false)
  const [note, setNote] = useState('')
  const [failure, setFailure] = useState('')
  const move = async (event: 'approve' | 'suspend' | 'reactivate', done: string) => {
    setFailure('')
    const outcome = await hq.moveShop(shop._id, event, event === 'suspend' ? note : undefined)
    if (outcome.ok) void Taro.showToast({ title: done, icon: 'success' })
    else setFailure(outcome.error.message)
  }
  return (
    <View className='hq-page__card hq-shops__card'>
      <View className='hq-page__row'>
        <Text className='hq-shops__name'>{shop.name}</Text>
        <Text className='hq-page__muted'>{`工号 ${shop.employeeNo}`}</Text>
      </View>
      <Text className='hq-page__muted hq-shops__intro'>{`${formatShanghai(shop.createdAt)} 开店 · ${shop.intro || '还没有简介'}`}</Text>
      {suspending && (
        <>
          <Text className='hq-page__label'>暂停原因（店主可见）</Text>
          <Input className='hq-page__input hq-shops__note' value={note} placeholder='例如：资料待核实' maxlength={200} onInput={(event) => setNote(event.detail.value)} />
        </>
      )}
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        {shop.status === 'pending' && (
          <ActionButton className='hq-page__button hq-shops__approve' loading={hq.saving} onClick={() => void move('approve', '已通过')}>
            通过开店
          </ActionButton>
        )}
        {shop.status === 'active' &&
          (suspending ? (
            <>
              <ActionButton className='hq-page__button hq-page__button--plain' onClick={() => setSuspending(false)}>
                取消
              </ActionButton>
              <ActionButton className='hq-page__button hq-page__button--danger hq-shops__suspend-confirm' loading={hq.saving} onClick={() => void move('suspend', '已暂停')}>
                确认暂停
              </ActionButton>
            </>
          ) : (
            <ActionButton className='hq-page__button hq-page__button--plain hq-shops__suspend' onClick={() => setSuspending(true)}>
              暂停营业
            </ActionButton>
          ))}
        {shop.status === 'suspended' && (
          <ActionButton className='hq-page__button hq-shops__reactivate' loading={hq.saving} onClick={() => void move('reactivate', '已恢复营业')}>
            恢复营业
          </ActionButton>
        )}
      </View>
    </View>
  )
})

/** Employees' shops by status: approve the ones waiting, suspend or reactivate the others. */
function HqShopsPage() {
  const { hq } = useStores()
  useDidShow(() => void hq.shops.refresh())
  useReachBottom(() => void hq.shops.loadMore())
  usePullDownRefresh(() => void hq.shops.refresh().finally(() => void Taro.stopPullDownRefresh()))
  return (
    <View className='hq-page hq-shops'>
      <View className='hq-page__tabs'>
        {STATUSES.map((status) => (
          <Text
            key={status}
            className={`hq-page__tab hq-shops__tab--${status}${hq.shopStatus === status ? ' hq-page__tab--active' : ''}`}
            onClick={() => void hq.showShops(status)}
          >
            {shopStatusText(status)}
          </Text>
        ))}
      </View>
      <PagedListView list={hq.shops} emptyText='这里没有小店'>
        {(items) => items.map((shop) => <ShopCard key={shop._id} shop={shop} />)}
      </PagedListView>
    </View>
  )
}

export default observer(HqShopsPage)
