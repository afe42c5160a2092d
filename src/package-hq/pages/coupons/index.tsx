import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showError } from '../../../components/display'
import { PagedListView } from '../../../components/paged-list-view'
import type { CouponIssue, CouponTemplate } from '../../../core/coupon'
import { parseHundredths } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { COUPON_SCOPE_TEXT, couponBenefitText, couponValidityText, templateProblemText } from '../../../i18n/zh-CN'
import { useHqCatalog } from '../../hq-catalog-store'
import { useHqMarketing, type CouponTemplatePayload } from '../../hq-marketing-store'
import '../../hq.less'
import './index.less'

/** The ways HQ may issue coupons. A coupon for sharing is not among them: WeChat forbids rewarding a share. */
const ISSUES: Array<[Exclude<CouponIssue, 'share'>, string]> = [
  ['claim', '领券中心领取'],
  ['repurchase', '订单完成后发放（复购券）'],
  ['new_customer', '新客首次通过小店链接进入时发放'],
]
const ISSUE_TEXT = Object.fromEntries(ISSUES) as Record<string, string>

const day = (at: Date) => formatShanghai(at, 'YYYY-MM-DD')
/** A day typed as 2026-12-31, from its start in Shanghai; null when it is not one. */
const dayStart = (text: string) => (/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00:00+08:00` : null)

interface Draft {
  name: string
  kind: 'amount' | 'percent'
  amount: string
  rate: string
  cap: string
  threshold: string
  validity: 'days' | 'fixed'
  days: string
  start: string
  end: string
  perUser: string
  quantity: string
  issue: Exclude<CouponIssue, 'share'>
  categoryIds: string[]
}

const EMPTY: Draft = { name: '', kind: 'amount', amount: '', rate: '', cap: '', threshold: '0', validity: 'days', days: '7', start: '', end: '', perUser: '1', quantity: '100', issue: 'claim', categoryIds: [] }

/** The form as the function's payload; what makes no sense the server refuses with its reason. */
function payloadOf(d: Draft): CouponTemplatePayload {
  const fen = (text: string) => parseHundredths(text || '0')
  // 8.5折 takes 15% off: 10000 − 8.5 × 1000 basis points.
  const offBps = 10_000 - parseHundredths(d.rate) * 10
  const cap = d.cap.trim() ? fen(d.cap) : undefined
  return {
    name: d.name.trim(),
    benefit: d.kind === 'amount' ? { kind: 'amount', amountFen: fen(d.amount) } : { kind: 'percent', percentOffBps: offBps, ...(cap !== undefined ? { capFen: cap } : {}) },
    thresholdFen: fen(d.threshold),
    scope: d.categoryIds.length > 0 ? { kind: 'categories', ids: d.categoryIds } : { kind: 'all' },
    validity: d.validity === 'days' ? { kind: 'days', days: Number(d.days) } : { kind: 'fixed', startAt: dayStart(d.start) ?? '', endAt: dayStart(d.end) ?? '' },
    perUserLimit: Number(d.perUser),
    quantity: Number(d.quantity),
    issue: d.issue,
  }
}

const Choice = ({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) => (
  <Text className={`hq-coupons__choice${on ? ' hq-coupons__choice--on' : ''}`} onClick={onClick}>
    {label}
  </Text>
)

const Field = ({ label, value, placeholder, onInput }: { label: string; value: string; placeholder?: string; onInput: (v: string) => void }) => (
  <View className='hq-coupons__field'>
    <Text className='hq-page__label'>{label}</Text>
    <Input className='hq-page__input' value={value} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
  </View>
)

const TemplateRow = observer(function TemplateRow({ template }: { template: CouponTemplate }) {
  const marketing = useHqMarketing()
  const stop = async () => {
    const { confirm } = await Taro.showModal({ title: `停止发放「${template.name}」？`, content: '已发出的券在有效期内仍可使用' })
    if (!confirm) return
    const outcome = await marketing.stopTemplate(template._id)
    if (!outcome.ok) showError(outcome.error)
  }
  return (
    <View className='hq-page__card hq-coupons__row'>
      <Text className='hq-page__card-title'>{`${template.name}　${couponBenefitText(template.benefit, template.thresholdFen)}`}</Text>
      <Text className='hq-page__muted'>{`${ISSUE_TEXT[template.issue]} · ${COUPON_SCOPE_TEXT[template.scope.kind]} · ${couponValidityText(template.validity, day)}`}</Text>
      <Text className='hq-page__muted'>{`已发 ${template.issued} / ${template.quantity} 张 · 每人限 ${template.perUserLimit} 张 · ${template.status === 'active' ? '发放中' : '已停止'}`}</Text>
      {template.status === 'active' && (
        <ActionButton className='hq-page__button hq-page__button--danger hq-coupons__stop' disabled={marketing.saving} onClick={() => void stop()}>
          停止发放
        </ActionButton>
      )}
    </View>
  )
})

/** 优惠券: HQ's coupon templates, newest first, and a form for a new one. */
function HqCouponsPage() {
  const marketing = useHqMarketing()
  const catalog = useHqCatalog()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [problem, setProblem] = useState('')
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change })
  useDidShow(() => {
    void marketing.templates.refresh()
    void catalog.loadCategories()
  })
  useReachBottom(() => void marketing.templates.loadMore())

  const create = async () => {
    const outcome = await marketing.createTemplate(payloadOf(draft))
    if (outcome.ok) {
      setDraft(EMPTY)
      setProblem('')
      void Taro.showToast({ title: '已创建', icon: 'success' })
    } else setProblem(outcome.error.code === 'COUPON_TEMPLATE_INVALID' ? templateProblemText(outcome.error.details.problem) : outcome.error.message)
  }
  const categories = catalog.categories.status === 'ready' ? catalog.categories.data : []

  return (
    <View className='hq-page hq-coupons'>
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>新建优惠券</Text>
        <Field label='名称' value={draft.name} placeholder='如：满99减10' onInput={(name) => set({ name })} />
        <View className='hq-coupons__choices'>
          <Choice on={draft.kind === 'amount'} label='满减券' onClick={() => set({ kind: 'amount' })} />
          <Choice on={draft.kind === 'percent'} label='折扣券' onClick={() => set({ kind: 'percent' })} />
        </View>
        {draft.kind === 'amount' ? (
          <Field label='减免金额（元）' value={draft.amount} onInput={(amount) => set({ amount })} />
        ) : (
          <>
            <Field label='折扣（如 8.5 折填 8.5）' value={draft.rate} onInput={(rate) => set({ rate })} />
            <Field label='最多优惠（元，选填）' value={draft.cap} onInput={(cap) => set({ cap })} />
          </>
        )}
        <Field label='使用门槛（元，0 为无门槛）' value={draft.threshold} onInput={(threshold) => set({ threshold })} />
        <View className='hq-coupons__choices'>
          <Choice on={draft.validity === 'days'} label='领取后 N 天有效' onClick={() => set({ validity: 'days' })} />
          <Choice on={draft.validity === 'fixed'} label='固定日期' onClick={() => set({ validity: 'fixed' })} />
        </View>
        {draft.validity === 'days' ? (
          <Field label='有效天数' value={draft.days} onInput={(days) => set({ days })} />
        ) : (
          <>
            <Field label='开始日期' value={draft.start} placeholder='2026-12-01' onInput={(start) => set({ start })} />
            <Field label='结束日期（当天 0 点结束）' value={draft.end} placeholder='2026-12-31' onInput={(end) => set({ end })} />
          </>
        )}
        <Field label='每人限领（张）' value={draft.perUser} onInput={(perUser) => set({ perUser })} />
        <Field label='发放总量（张）' value={draft.quantity} onInput={(quantity) => set({ quantity })} />
        <Text className='hq-page__label'>发放方式</Text>
        <View className='hq-coupons__choices'>
          {ISSUES.map(([issue, label]) => (
            <Choice key={issue} on={draft.issue === issue} label={label} onClick={() => set({ issue })} />
          ))}
        </View>
        <Text className='hq-page__label'>适用范围（不选分类为全场通用）</Text>
        <View className='hq-coupons__choices'>
          {categories.map((c) => (
            <Choice
              key={c._id}
              on={draft.categoryIds.includes(c._id)}
              label={c.name}
              onClick={() => set({ categoryIds: draft.categoryIds.includes(c._id) ? draft.categoryIds.filter((id) => id !== c._id) : [...draft.categoryIds, c._id] })}
            />
          ))}
        </View>
        {problem && <Text className='hq-page__error'>{problem}</Text>}
        <ActionButton className='hq-page__button hq-coupons__create' disabled={!draft.name.trim()} loading={marketing.saving} onClick={() => void create()}>
          创建
        </ActionButton>
      </View>
      <PagedListView list={marketing.templates} emptyText='还没有优惠券'>
        {(templates) => templates.map((t) => <TemplateRow key={t._id} template={t} />)}
      </PagedListView>
    </View>
  )
}

export default observer(HqCouponsPage)
