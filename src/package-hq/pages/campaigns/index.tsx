import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { ActionButton } from '../../../components/action-button'
import { showError } from '../../../components/display'
import { PagedListView } from '../../../components/paged-list-view'
import { type Campaign, phaseAt } from '../../../core/campaign'
import { formatShanghai } from '../../../core/time'
import { openHqCampaign } from '../../../routes'
import { useHqMarketing } from '../../hq-marketing-store'
import '../../hq.less'
import './index.less'

const PHASE_TEXT = { upcoming: '未开始', active: '进行中', ended: '已结束' } as const

const CampaignRow = observer(function CampaignRow({ campaign }: { campaign: Campaign }) {
  const marketing = useHqMarketing()
  const phase = phaseAt(campaign, new Date())
  const stop = async () => {
    const { confirm } = await Taro.showModal({ title: `提前结束「${campaign.name}」？`, content: '结束后商品立即恢复原价，不能再开启' })
    if (!confirm) return
    const outcome = await marketing.stop(campaign._id)
    if (!outcome.ok) showError(outcome.error)
  }
  return (
    <View className='hq-page__card hq-campaigns__card' onClick={phase === 'ended' ? undefined : () => openHqCampaign(campaign._id)}>
      <View className='hq-campaigns__head'>
        <Text className='hq-campaigns__name'>{campaign.name}</Text>
        <Text className={`hq-campaigns__phase hq-campaigns__phase--${phase}`}>{campaign.stoppedAt ? '已提前结束' : PHASE_TEXT[phase]}</Text>
      </View>
      <Text className='hq-page__muted'>{`${formatShanghai(campaign.startAt)} 至 ${formatShanghai(campaign.endAt)}`}</Text>
      <Text className='hq-page__muted'>{`${campaign.items.length} 个商品`}</Text>
      {phase !== 'ended' && (
        <View className='hq-campaigns__actions'>
          <ActionButton className='hq-campaigns__stop' loading={marketing.saving} onClick={() => void stop()}>
            提前结束
          </ActionButton>
        </View>
      )}
    </View>
  )
})

/** 限时折扣: HQ's campaigns, newest first; a tap edits one not yet over, 提前结束 ends it now. */
function HqCampaignsPage() {
  const marketing = useHqMarketing()
  useDidShow(() => void marketing.campaigns.refresh())
  useReachBottom(() => void marketing.campaigns.loadMore())
  usePullDownRefresh(() => void marketing.campaigns.refresh().finally(() => void Taro.stopPullDownRefresh()))
  return (
    <View className='hq-page hq-campaigns'>
      <View className='hq-campaigns__bar'>
        <Text className='hq-page__muted'>活动价只在活动时间内生效，到点自动恢复原价。</Text>
        <ActionButton className='hq-campaigns__new' onClick={() => openHqCampaign()}>
          新建活动
        </ActionButton>
      </View>
      <PagedListView list={marketing.campaigns} emptyText='还没有限时折扣活动'>
        {(items) => items.map((campaign) => <CampaignRow key={campaign._id} campaign={campaign} />)}
      </PagedListView>
    </View>
  )
}

export default observer(HqCampaignsPage)
