import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { LoadStateView } from '../../../components/load-state-view'
import { HqArea, mayAct } from '../../../core/hq'
import { hqRoleText } from '../../../i18n/zh-CN'
import { openHqCampaigns, openHqCoupons, openHqDashboard, openHqExports, openHqOrders, openHqProducts, openHqRoster, openHqMemberRules, openHqRules, openHqShops, openHqWithdrawals } from '../../../routes'
import { useStores } from '../../../stores'
import '../../hq.less'
import './index.less'

interface CountProps {
  label: string
  value: number
  className: string
  onClick?: () => void
}

function Count({ label, value, className, onClick }: CountProps) {
  return (
    <View className={`hq-home__count ${className}`} onClick={onClick}>
      <Text className={`hq-home__figure${value > 0 ? ' hq-home__figure--waiting' : ''}`}>{value}</Text>
      <Text className='hq-home__count-label'>{label}</Text>
    </View>
  )
}

/** The tools of HQ's pages, each shown to the roles whose area it is. */
const TOOLS: Array<{ label: string; area: HqArea; className: string; open: () => void }> = [
  { label: '数据看板', area: 'reports', className: 'hq-home__dashboard', open: () => openHqDashboard() },
  { label: '订单管理', area: 'orders', className: 'hq-home__orders', open: () => openHqOrders() },
  { label: '商品、库存与分类', area: 'catalog', className: 'hq-home__products', open: openHqProducts },
  { label: '限时折扣', area: 'marketing', className: 'hq-home__campaigns', open: openHqCampaigns },
  { label: '提现审核', area: 'withdrawals', className: 'hq-home__withdrawals', open: () => openHqWithdrawals() },
  { label: '小店审核与管理', area: 'shops', className: 'hq-home__shop-list', open: () => openHqShops() },
  { label: '花名册与员工离职', area: 'roster', className: 'hq-home__roster', open: () => openHqRoster() },
  { label: '规则设置', area: 'overview', className: 'hq-home__rules', open: () => openHqRules() },
  { label: '积分与会员', area: 'settings', className: 'hq-home__member-rules', open: () => openHqMemberRules() },
  { label: '导出 CSV', area: 'exports', className: 'hq-home__exports', open: () => openHqExports() },
  { label: '优惠券', area: 'marketing', className: 'hq-home__coupons', open: () => openHqCoupons() },
]

/** 总部工作台: what waits for HQ now, and the way to each queue the caller's role may work. */
function HqHomePage() {
  const { hq, profile } = useStores()
  const role = profile.profile.status === 'ready' ? profile.profile.data?.hqRole : undefined
  useDidShow(() => {
    void hq.loadWorkbench()
    if (profile.profile.status !== 'ready') void profile.load()
  })
  usePullDownRefresh(() => void hq.loadWorkbench().finally(() => void Taro.stopPullDownRefresh()))
  const may = (area: HqArea) => role !== undefined && mayAct(role, area)

  return (
    <View className='hq-page hq-home'>
      {role && <Text className='hq-page__muted hq-home__role'>{`当前角色：${hqRoleText(role)}`}</Text>}
      <LoadStateView state={hq.workbench} onRetry={() => void hq.loadWorkbench()}>
        {(counts) => (
          <View className='hq-page__card'>
            <Text className='hq-page__card-title'>待处理</Text>
            <View className='hq-home__counts'>
              <Count label='待发货' className='hq-home__to-ship' value={counts.toShip} onClick={may('orders') ? () => openHqOrders('paid') : undefined} />
              <Count
                label='退款待处理'
                className='hq-home__refunds'
                value={counts.refundsRequested}
                onClick={may('orders') ? () => openHqOrders('refund_requested') : undefined}
              />
              <Count label='提现待审核' className='hq-home__to-review' value={counts.withdrawalsReviewing} onClick={may('withdrawals') ? openHqWithdrawals : undefined} />
              <Count label='店铺待审核' className='hq-home__shops' value={counts.shopsPending} onClick={may('shops') ? openHqShops : undefined} />
            </View>
          </View>
        )}
      </LoadStateView>
      <View className='hq-page__card'>
        {TOOLS.filter((tool) => may(tool.area)).map((tool) => (
          <View key={tool.label} className={`hq-page__row ${tool.className}`} onClick={tool.open}>
            <Text>{tool.label}</Text>
            <Text className='hq-page__muted'>›</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default observer(HqHomePage)
