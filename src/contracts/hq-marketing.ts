import { z } from 'zod'
import { memberRulesInput, type MemberRules } from '../core/member'
import { action, defineContract, returns } from './contract'
import { COUPON_ISSUES, COUPON_LIMITS, type CouponTemplate } from '../core/coupon'
import { Page, paging } from './paging'
import { CAMPAIGN_LIMITS, type Campaign } from '../core/campaign'

const fen = z.number().int().min(0).max(COUPON_LIMITS.maxAmountFen)
const instant = z
  .string()
  .datetime({ offset: true })
  .transform((s) => new Date(s))
const ids = z.array(z.string().min(1).max(64)).max(COUPON_LIMITS.maxScopeIds)

/** A template as HQ writes it; src/core/coupon.ts checkTemplate refuses what WeChat's rules or sense forbid. */
export const couponTemplateInput = z
  .object({
    name: z.string().trim().min(1, '请填写优惠券名称').max(20),
    benefit: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('amount'), amountFen: fen }).strict(),
      z.object({ kind: z.literal('percent'), percentOffBps: z.number().int().min(0).max(10_000), capFen: fen.optional() }).strict(),
    ]),
    thresholdFen: fen,
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }).strict(),
      z.object({ kind: z.literal('categories'), ids }).strict(),
      z.object({ kind: z.literal('products'), ids }).strict(),
    ]),
    validity: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), startAt: instant, endAt: instant }).strict(),
      z.object({ kind: z.literal('days'), days: z.number().int() }).strict(),
    ]),
    perUserLimit: z.number().int(),
    quantity: z.number().int(),
    issue: z.enum(COUPON_ISSUES),
  })
  .strict()


const id = z.string().min(1).max(80)
const campaignId = z.string().min(1).max(64)
/** An instant as JSON carries it (an ISO string); the client sends Dates. */
const campaignInstant = z.coerce.date()
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
    startAt: campaignInstant,
    endAt: campaignInstant,
    items: z.array(campaignItem).min(1).max(CAMPAIGN_LIMITS.items),
  })
  .strict()

const CHECKS = ['CAMPAIGN_WINDOW_INVALID', 'CAMPAIGN_SKU_NOT_FOUND', 'CAMPAIGN_PRICE_NOT_POSITIVE', 'CAMPAIGN_PRICE_ABOVE_LIST', 'CAMPAIGN_OVERLAP', 'CAMPAIGN_TOO_LARGE'] as const

/**
 * HQ's marketing (营销): points and member level rules (staff whose role covers `settings`), coupon
 * templates and 限时折扣 campaigns (`marketing`); every call audited.
 */
export const hqMarketingContract = defineContract('hq-marketing', {
  getMemberRules: action({ input: z.object({}).strict(), output: returns<MemberRules>() }),
  setMemberRules: action({ input: z.object({ rules: memberRulesInput }).strict(), output: returns<MemberRules>() }),
  listCouponTemplates: action({ input: z.object({ ...paging(20) }).strict(), output: returns<Page<CouponTemplate>>() }),
  createCouponTemplate: action({ input: couponTemplateInput, output: returns<CouponTemplate>(), errors: ['COUPON_TEMPLATE_INVALID'] }),
  /** Stops issuing: coupons already issued stay usable until they expire. */
  stopCouponTemplate: action({ input: z.object({ templateId: z.string().min(1).max(64) }).strict(), output: returns<CouponTemplate>(), errors: ['COUPON_TEMPLATE_NOT_FOUND'] }),
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
