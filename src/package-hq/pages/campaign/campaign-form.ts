import type { Campaign } from '../../../core/campaign'
import { hundredthsText, parseHundredths } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import type { CampaignDraftPayload } from '../../hq-marketing-store'

/** How a chosen product is priced in the form: a fixed price (元) or a share off (%). */
export type PriceMode = 'price' | 'off'

export interface FormItem {
  productId: string
  mode: PriceMode
  /** What HQ typed: yuan, or a percentage off. */
  value: string
}

/** The campaign form as typed: times as Shanghai wall-clock text (2026-12-12 10:00). */
export interface CampaignForm {
  name: string
  start: string
  end: string
  items: FormItem[]
}

const TIME_PATTERN = 'YYYY-MM-DD HH:mm'

/** A new campaign: from now, for a day. */
export function newForm(now: Date): CampaignForm {
  return { name: '', start: formatShanghai(now, TIME_PATTERN), end: formatShanghai(new Date(now.getTime() + 86_400_000), TIME_PATTERN), items: [] }
}

export function formOf(campaign: Campaign): CampaignForm {
  return {
    name: campaign.name,
    start: formatShanghai(campaign.startAt, TIME_PATTERN),
    end: formatShanghai(campaign.endAt, TIME_PATTERN),
    items: campaign.items.map((item) =>
      item.priceFen !== undefined
        ? { productId: item.productId, mode: 'price', value: hundredthsText(item.priceFen) }
        : { productId: item.productId, mode: 'off', value: hundredthsText(item.offBps).replace(/\.00$/, '') },
    ),
  }
}

/** 2026-12-12 10:00 in Shanghai; null when it is not such a time. */
export function parseShanghai(text: string): Date | null {
  const match = /^\s*(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})\s*$/.exec(text)
  const instant = match ? new Date(`${match[1]}T${match[2]}:00+08:00`) : null
  return instant && !Number.isNaN(instant.getTime()) ? instant : null
}

/**
 * The draft the server checks, or the field HQ must fix first. Amounts are only parsed here: whether a
 * price is above 0 and within the list price is the server's rule.
 */
export function draftOf(form: CampaignForm): { ok: true; draft: CampaignDraftPayload } | { ok: false; problem: string } {
  const startAt = parseShanghai(form.start)
  const endAt = parseShanghai(form.end)
  if (!startAt || !endAt) return { ok: false, problem: '请按 2026-12-12 10:00 的格式填写开始和结束时间' }
  if (form.items.length === 0) return { ok: false, problem: '请选择参加活动的商品' }
  const items: CampaignDraftPayload['items'] = []
  for (const item of form.items) {
    const amount = parseHundredths(item.value)
    if (Number.isNaN(amount)) return { ok: false, problem: item.mode === 'price' ? '请填写活动价（元）' : '请填写折扣比例（%）' }
    items.push(item.mode === 'price' ? { productId: item.productId, skuId: null, priceFen: amount } : { productId: item.productId, skuId: null, offBps: amount })
  }
  return { ok: true, draft: { name: form.name.trim(), startAt, endAt, items } }
}
