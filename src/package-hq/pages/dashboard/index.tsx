import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { LoadStateView } from '../../../components/load-state-view'
import type { Dashboard } from '../../../contracts/hq-reports'
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../../../core/dashboard'
import { formatFen } from '../../../core/money'
import { useStores } from '../../../stores'
import { ColumnChart, FunnelBars } from './charts'
import '../../hq.less'
import './index.less'

const PERIOD_TEXT: Record<DashboardPeriod, string> = { today: '今日', '7d': '近7天', '30d': '近30天' }
const rateText = (bps: number | null) => (bps === null ? '—' : `${(bps / 100).toFixed(1)}%`)

function Kpi({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`dashboard__kpi ${className}`}>
      <Text className='dashboard__kpi-value'>{value}</Text>
      <Text className='dashboard__kpi-label'>{label}</Text>
    </View>
  )
}

function Figures({ data }: { data: Dashboard }) {
  const { kpis, funnel } = data
  return (
    <>
      <View className='hq-page__card dashboard__kpis'>
        <Kpi label='成交额 (GMV)' value={formatFen(kpis.gmvFen)} className='dashboard__gmv' />
        <Kpi label='支付订单' value={String(kpis.paidOrders)} className='dashboard__orders' />
        <Kpi label='客单价' value={formatFen(kpis.averageOrderFen)} className='dashboard__aov' />
        <Kpi label='新客户' value={String(kpis.newCustomers)} className='dashboard__new-customers' />
        <Kpi label={`退款 ${kpis.refunds} 笔`} value={formatFen(kpis.refundFen)} className='dashboard__refunds' />
        <Kpi label='总部直营' value={formatFen(data.hqSales.gmvFen)} className='dashboard__hq-sales' />
      </View>
      {data.daily.length > 1 && (
        <View className='hq-page__card'>
          <Text className='hq-page__card-title'>每日成交额</Text>
          <ColumnChart columns={data.daily.map((d) => ({ label: d.day.slice(5), value: d.gmvFen, caption: `${d.day} ${formatFen(d.gmvFen)}，${d.paidOrders} 单` }))} />
        </View>
      )}
      <View className='hq-page__card dashboard__funnel'>
        <Text className='hq-page__card-title'>推广转化漏斗</Text>
        <FunnelBars
          steps={[
            { label: '分享', value: funnel.shares },
            { label: '访问', value: funnel.visits, rate: rateText(funnel.visitBps) },
            { label: '绑定', value: funnel.binds, rate: rateText(funnel.bindBps) },
            { label: '下单', value: funnel.orders, rate: rateText(funnel.orderBps) },
          ]}
        />
      </View>
      <View className='hq-page__card dashboard__products'>
        <Text className='hq-page__card-title'>热销商品</Text>
        {data.topProducts.length === 0 && <Text className='hq-page__muted'>暂无成交</Text>}
        {data.topProducts.map((p, i) => (
          <View key={p.productId} className='hq-page__row'>
            <Text className='dashboard__name'>{`${i + 1}. ${p.title}`}</Text>
            <Text className='hq-page__muted'>{`${p.units} 件 · ${formatFen(p.salesFen)}`}</Text>
          </View>
        ))}
      </View>
      <View className='hq-page__card dashboard__shops'>
        <Text className='hq-page__card-title'>小店排行</Text>
        {data.topShops.length === 0 && <Text className='hq-page__muted'>暂无小店成交</Text>}
        {data.topShops.map((s, i) => (
          <View key={s.shopId} className='hq-page__row'>
            <Text className='dashboard__name'>{`${i + 1}. ${s.shopName}${s.ownerName ? `（${s.ownerName}）` : ''}`}</Text>
            <Text className='hq-page__muted'>{`${s.paidOrders} 单 · ${formatFen(s.gmvFen)}`}</Text>
          </View>
        ))}
      </View>
      <View className='hq-page__card dashboard__departments'>
        <Text className='hq-page__card-title'>部门与员工业绩</Text>
        {data.departments.length === 0 && <Text className='hq-page__muted'>暂无员工小店成交</Text>}
        {data.departments.map((d) => (
          <View key={d.department} className='dashboard__department'>
            <View className='hq-page__row'>
              <Text className='dashboard__name dashboard__department-name'>{d.department || '未分部门'}</Text>
              <Text className='hq-page__amount'>{formatFen(d.gmvFen)}</Text>
            </View>
            {d.employees.map((e) => (
              <View key={e.employeeNo} className='hq-page__row dashboard__employee'>
                <Text className='dashboard__name'>{`${e.name}（${e.employeeNo}）`}</Text>
                <Text className='hq-page__muted'>{`${e.paidOrders} 单 · ${formatFen(e.gmvFen)}`}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </>
  )
}

/** 数据看板: today, 7 or 30 days of sales, refunds, customers, the referral funnel and who sold. */
function HqDashboardPage() {
  const { hq } = useStores()
  useDidShow(() => void hq.loadDashboard())
  usePullDownRefresh(() => void hq.loadDashboard().finally(() => void Taro.stopPullDownRefresh()))
  return (
    <View className='hq-page dashboard'>
      <View className='hq-page__tabs'>
        {DASHBOARD_PERIODS.map((period) => (
          <Text
            key={period}
            className={`hq-page__tab dashboard__period-${period}${hq.dashboardPeriod === period ? ' hq-page__tab--active' : ''}`}
            onClick={() => void hq.loadDashboard(period)}
          >
            {PERIOD_TEXT[period]}
          </Text>
        ))}
      </View>
      <LoadStateView state={hq.dashboard} onRetry={() => void hq.loadDashboard()}>
        {(data) => <Figures data={data} />}
      </LoadStateView>
    </View>
  )
}

export default observer(HqDashboardPage)
