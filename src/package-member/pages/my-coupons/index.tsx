import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { PagedListView } from '../../../components/paged-list-view'
import type { CouponState } from '../../../core/coupon'
import { formatShanghai } from '../../../core/time'
import { COUPON_SCOPE_TEXT, COUPON_STATE_TEXT } from '../../../i18n/zh-CN'
import { goShopping, openCouponCentre } from '../../../routes'
import { CouponTicket } from '../../components/coupon-ticket'
import { useCoupons } from '../../coupons-store'
import './index.less'

const TABS: CouponState[] = ['unused', 'used', 'expired']

/** 我的优惠券: 未使用 (soonest to expire first, each with 去使用), 已使用 and 已过期. */
function MyCouponsPage() {
  const coupons = useCoupons()
  const [tab, setTab] = useState<CouponState>('unused')
  const list = coupons.mine(tab)
  useDidShow(() => void list.refresh())
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => void list.refresh().finally(() => void Taro.stopPullDownRefresh()))

  const show = (next: CouponState) => {
    setTab(next)
    void coupons.mine(next).refresh()
  }

  return (
    <View className='my-coupons'>
      <View className='my-coupons__tabs'>
        {TABS.map((t) => (
          <Text key={t} className={`my-coupons__tab${t === tab ? ' my-coupons__tab--on' : ''}`} onClick={() => show(t)}>
            {COUPON_STATE_TEXT[t]}
          </Text>
        ))}
      </View>
      <PagedListView list={list} emptyText={`没有${COUPON_STATE_TEXT[tab]}的优惠券`} emptyActionText={tab === 'unused' ? '去领券' : undefined} onEmptyAction={tab === 'unused' ? () => openCouponCentre() : undefined}>
        {(items) =>
          items.map((c) => (
            <CouponTicket
              key={c._id}
              name={c.name}
              benefit={c.benefit}
              thresholdFen={c.thresholdFen}
              notes={[`${formatShanghai(c.startsAt, 'YYYY.MM.DD')} - ${formatShanghai(c.expiresAt, 'YYYY.MM.DD HH:mm')}`, COUPON_SCOPE_TEXT[c.scope.kind]]}
              dim={c.state !== 'unused'}
            >
              {c.state === 'unused' ? (
                <Text className='my-coupons__use' onClick={goShopping}>
                  去使用
                </Text>
              ) : (
                <Text className='my-coupons__stamp'>{COUPON_STATE_TEXT[c.state]}</Text>
              )}
            </CouponTicket>
          ))
        }
      </PagedListView>
    </View>
  )
}

export default observer(MyCouponsPage)
