import { z } from 'zod'
import { CAMPAIGN_LIMITS, type Campaign } from '../core/campaign'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

const id = z.string().min(1).max(80)
const campaignId = z.string().min(1).max(64)
/** An instant as JSON carries it (an ISO string); the client sends Dates. */
const instant = z.coerce.date()
/**
 * A product (skuId null: all its SKUs) or one SKU, with a fixed price or a share off. Amounts are only
 * typed here: a price ≤ 0 or above the list price is the core's refusal, with its own code.
 */
const campaignItem = z.union([
  z.object({ productId: id, skuId: id.nullable(), priceFen: z.number().int() }).strict(),
  z.object({ productId: id, skuId: id.nullable(), offBps: z.number().int().min(1).max(10000) }).strict(),
])

export const campaignDraft = z
  .object({
    name: z.string().trim().min(1).max(CAMPAIGN_LIMITS.nameLength),
    startAt: instant,
    endAt: instant,
    items: z.array(campaignItem).min(1).max(CAMPAIGN_LIMITS.items),
  })
  .strict()

const CHECKS = ['CAMPAIGN_WINDOW_INVALID', 'CAMPAIGN_SKU_NOT_FOUND', 'CAMPAIGN_PRICE_NOT_POSITIVE', 'CAMPAIGN_PRICE_ABOVE_LIST', 'CAMPAIGN_OVERLAP', 'CAMPAIGN_TOO_LARGE'] as const

/** HQ's marketing (营销): 限时折扣 campaigns. Staff whose role covers `marketing`; every call audited. */
export const hqMarketingContract = defineContract('hq-marketing', {
  /** Newest first, whatever their state (未开始, 进行中, 已结束). */
  listCampaigns: action({ input: z.object(paging(20)).strict(), output: returns<Page<Campaign>>() }),
  getCampaign: action({ input: z.object({ campaignId }).strict(), output: returns<Campaign>(), errors: ['CAMPAIGN_NOT_FOUND'] }),
  createCampaign: action({ input: z.object({ draft: campaignDraft }).strict(), output: returns<Campaign>(), errors: CHECKS }),
  /** A campaign not yet ended, changed; the shop prices by the new one from the next read. */
  updateCampaign: action({
    input: z.object({ campaignId, draft: campaignDraft }).strict(),
    output: returns<Campaign>(),
    errors: [...CHECKS, 'CAMPAIGN_NOT_FOUND', 'CAMPAIGN_ENDED'],
  }),
  /** 提前结束: it ends now (one not started never starts). */
  stopCampaign: action({ input: z.object({ campaignId }).strict(), output: returns<Campaign>(), errors: ['CAMPAIGN_NOT_FOUND', 'CAMPAIGN_ENDED'] }),
})
