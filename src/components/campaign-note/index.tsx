import { Text, View } from '@tarojs/components'
import { type CampaignBadge, phaseAt } from '../../core/campaign'
import { campaignStartsText } from '../../i18n/zh-CN'
import { Countdown } from '../countdown'
import './index.less'

/**
 * A product's 限时折扣 where it is shown (a card, the product page): while it runs, its name and a
 * countdown to its end; before, 即将开始 with its start. Nothing once it is over.
 */
export function CampaignNote({ campaign, compact = false }: { campaign: CampaignBadge; compact?: boolean }) {
  const phase = phaseAt(campaign, new Date())
  if (phase === 'ended') return null
  return (
    <View className={`campaign-note${compact ? ' campaign-note--compact' : ''}`}>
      <Text className='campaign-note__name'>{compact ? '限时折扣' : campaign.name}</Text>
      {phase === 'active' ? (
        <Text className='campaign-note__when'>
          距结束 <Countdown className='campaign-note__clock' until={campaign.endAt} />
        </Text>
      ) : (
        <Text className='campaign-note__when'>{campaignStartsText(campaign.startAt)}</Text>
      )}
    </View>
  )
}

/** The price a campaign running now sets, with the list price struck through; null when none runs. */
export function campaignRunning(campaign: CampaignBadge | undefined): CampaignBadge | null {
  return campaign && phaseAt(campaign, new Date()) === 'active' ? campaign : null
}
