import { Image, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import completedIcon from '../../assets/order-icons/completed.png'
import paidIcon from '../../assets/order-icons/paid.png'
import pendingPaymentIcon from '../../assets/order-icons/pending-payment.png'
import shippedIcon from '../../assets/order-icons/shipped.png'
import { useBrandName } from '../../components/brand'
import { useCartBadge } from '../../components/cart-badge'
import { ORDER_TABS } from '../../core/order'
import { formatFenShort } from '../../core/money'
import { hqRoleText, memberLevelText, orderTabText, roleText } from '../../i18n/zh-CN'
import { openAddressBook, openCommission, openCouponCentre, openFavorites, openHqHome, openMyCoupons, openMyShop, openOrders, openPoints, openVerify } from '../../routes'
import { useStores } from '../../stores'
import type { OrderTab } from '../../core/order'
import type { MemberCard } from '../../contracts/member'
import { DevSignIn } from './dev-sign-in'
import './index.less'

const ICONS: Partial<Record<OrderTab, string>> = {
  pending_payment: pendingPaymentIcon,
  paid: paidIcon,
  shipped: shippedIcon,
  completed: completedIcon,
}

/** 我的订单's shortcuts: every tab of the order list but 全部 (the heading's link). */
const ORDER_ENTRIES = ORDER_TABS.flatMap((t) => {
  const icon = ICONS[t.key]
  return icon ? [{ tab: t.key, label: orderTabText(t.key), icon }] : []
})

/** 会员卡: the level, the points, and how far the next level is; opens the points page. */
function MemberCardView({ card }: { card: MemberCard }) {
  return (
    <View className='me__member' onClick={() => openPoints()}>
      <View className='me__member-head'>
        <Text className='me__member-level'>{memberLevelText(card.level)}</Text>
        <Text className='me__member-points'>积分 {card.points} ›</Text>
      </View>
      <Text className='me__member-next'>
        {card.next ? `再消费 ${formatFenShort(card.next.shortfallFen)} 升级${memberLevelText(card.next.level)}` : '已是最高等级'}
      </Text>
      {card.next && (
        <View className='me__member-bar'>
          <View className='me__member-progress' style={{ width: `${Math.floor((100 * card.completedSpendFen) / card.next.thresholdFen)}%` }} />
        </View>
      )}
    </View>
  )
}

function MePage() {
  const { profile, session, member } = useStores()
  const personaKey = session?.personaKey ?? null

  // Who you are is the server's answer for this caller; on H5 it changes with the chosen persona.
  useEffect(() => {
    void profile.load()
  }, [profile, personaKey])
  // Points and level change as orders complete elsewhere: read each time the tab shows.
  useDidShow(() => void member.load())
  useEffect(() => {
    if (personaKey) void member.load()
  }, [member, personaKey])
  useCartBadge()

  const brand = useBrandName()
  const state = profile.profile
  const known = state.status === 'ready' ? state.data : null
  // Someone met for the first time has no nickname yet.
  const name = known?.nickname || (state.status === 'loading' ? '…' : '微信用户')
  const note = known
    ? [roleText(known.role), known.employeeNo && `工号 ${known.employeeNo}`].filter(Boolean).join(' · ')
    : session && !personaKey
      ? '在下方选择一个开发者身份'
      : brand ? `欢迎来到${brand}` : ' '

  return (
    <View className='me'>
      <View className='me__profile'>
        <View className='me__avatar'>
          <Text>{known ? known.nickname.slice(0, 1) : '茶'}</Text>
        </View>
        <View className='me__identity'>
          <Text className='me__name'>{name}</Text>
          <Text className='me__note'>{note}</Text>
        </View>
      </View>

      {member.card.status === 'ready' && <MemberCardView card={member.card.data.card} />}

      <View className='me__orders'>
        <View className='me__orders-head' onClick={() => openOrders('all')}>
          <Text className='me__orders-title'>我的订单</Text>
          <Text className='me__orders-all'>全部订单 ›</Text>
        </View>
        <View className='me__order-tabs'>
          {ORDER_ENTRIES.map((entry) => (
            <View key={entry.tab} className='me__order-tab' onClick={() => openOrders(entry.tab)}>
              <Image className='me__order-icon' src={entry.icon} />
              <Text className='me__order-label'>{entry.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='me__menu'>
        {known?.hqRole && (
          <View className='me__menu-item me__hq' onClick={() => openHqHome()}>
            <Text>总部工作台</Text>
            <Text className='me__menu-note'>{hqRoleText(known.hqRole)} ›</Text>
          </View>
        )}
        {known?.role === 'employee' && (
          <View className='me__menu-item me__my-shop' onClick={() => openMyShop()}>
            <Text>我的小店</Text>
            <Text className='me__chevron'>›</Text>
          </View>
        )}
        {known?.role === 'employee' && (
          <View className='me__menu-item me__commission' onClick={() => openCommission()}>
            <Text>我的佣金</Text>
            <Text className='me__menu-note'>提现 ›</Text>
          </View>
        )}
        {/* Anyone not yet an employee may be one on HQ's roster: the roster check decides. */}
        {state.status === 'ready' && known?.role !== 'employee' && known?.role !== 'hq_admin' && (
          <View className='me__menu-item me__verify' onClick={() => openVerify()}>
            <Text>员工认证</Text>
            <Text className='me__menu-note'>开一家自己的小店 ›</Text>
          </View>
        )}
        <View className='me__menu-item' onClick={() => openMyCoupons()}>
          <Text>我的优惠券</Text>
          <Text className='me__chevron'>›</Text>
        </View>
        <View className='me__menu-item' onClick={() => openCouponCentre()}>
          <Text>领券中心</Text>
          <Text className='me__chevron'>›</Text>
        </View>
        <View className='me__menu-item me__favorites' onClick={() => openFavorites()}>
          <Text>我的收藏</Text>
          <Text className='me__chevron'>›</Text>
        </View>
        <View className='me__menu-item' onClick={() => openAddressBook()}>
          <Text>收货地址</Text>
          <Text className='me__chevron'>›</Text>
        </View>
      </View>

      {session && <DevSignIn session={session} />}
    </View>
  )
}

export default observer(MePage)
