import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { AttributionChain as Chain } from '../../contracts/referral'
import { formatShanghai } from '../../core/time'
import { attributionReasonText, bindingKindText, bindingReasonText, channelText, funnelStepText, passedOverText } from '../../i18n/zh-CN'
import './index.less'

const time = (at: Date) => formatShanghai(at, 'MM-DD HH:mm')

interface Step {
  kind: 'share' | 'visit' | 'bind' | 'order'
  at: Date
  text: string
}

/** The steps that happened, in order; a direct visit has no share, an unbound buyer no binding. */
function stepsOf(chain: Chain, orderedAt: Date): Step[] {
  const { share, visit, binding, attribution } = chain
  const steps: Step[] = []
  if (share) steps.push({ kind: 'share', at: share.sharedAt, text: `分享${share.productTitle ? `“${share.productTitle}”` : '小店'}到${channelText(share.channel)}（分享码 ${share.shareCode}）` })
  if (visit) steps.push({ kind: 'visit', at: visit.at, text: `顾客通过${channelText(visit.channel)}进店` })
  if (binding) {
    const until = binding.expiresAt ? `，保护期至 ${formatShanghai(binding.expiresAt, 'YYYY-MM-DD')}` : ''
    steps.push({ kind: 'bind', at: binding.at, text: `${bindingKindText(binding.kind)}：${bindingReasonText(binding.reason)}${until}` })
  }
  steps.push({ kind: 'order', at: orderedAt, text: `${attributionReasonText(attribution.reason)} · 归属规则第 ${attribution.ruleVersion} 版` })
  return steps
}

/**
 * "Why this order is mine": share → visit → bind → order, with times and the rule it was decided by.
 * A shop unfolds it under 为什么这单是我的; HQ's order page shows it open.
 */
export function AttributionChain({ chain, orderedAt }: { chain: Chain; orderedAt: Date }) {
  return (
    <View className='chain'>
      {stepsOf(chain, orderedAt).map((step) => (
        <View key={step.kind} className={`chain__step chain__step--${step.kind}`}>
          <View className='chain__dot' />
          <Text className='chain__kind'>{funnelStepText(step.kind)}</Text>
          <View className='chain__body'>
            <Text className='chain__text'>{step.text}</Text>
            <Text className='chain__time'>{time(step.at)}</Text>
          </View>
        </View>
      ))}
      {chain.attribution.passedOver.map((passed) => (
        <Text key={`${passed.as}:${passed.shopId}`} className='chain__passed'>
          未归属 {passed.shopId}：{passedOverText(passed.why)}
        </Text>
      ))}
    </View>
  )
}

/** 为什么这单是我的, folded: a tap unfolds the order's chain (the shop's order list, the commission ledger). */
export function WhyThisOrder({ chain, orderedAt }: { chain: Chain; orderedAt: Date }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Text className='why-mine' onClick={() => setOpen(!open)}>
        为什么这单是我的 {open ? '▴' : '▾'}
      </Text>
      {open && <AttributionChain chain={chain} orderedAt={orderedAt} />}
    </>
  )
}
