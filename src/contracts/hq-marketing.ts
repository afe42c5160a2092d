import { z } from 'zod'
import { memberRulesInput, type MemberRules } from '../core/member'
import { action, defineContract, returns } from './contract'
import { COUPON_ISSUES, COUPON_LIMITS, type CouponTemplate } from '../core/coupon'
import { Page, paging } from './paging'

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

/**
 * HQ's marketing: points and member level rules (staff whose role covers `settings`) and coupon templates
 * (`marketing`); every call audited.
 */
export const hqMarketingContract = defineContract('hq-marketing', {
  getMemberRules: action({ input: z.object({}).strict(), output: returns<MemberRules>() }),
  setMemberRules: action({ input: z.object({ rules: memberRulesInput }).strict(), output: returns<MemberRules>() }),
  listCouponTemplates: action({ input: z.object({ ...paging(20) }).strict(), output: returns<Page<CouponTemplate>>() }),
  createCouponTemplate: action({ input: couponTemplateInput, output: returns<CouponTemplate>(), errors: ['COUPON_TEMPLATE_INVALID'] }),
  /** Stops issuing: coupons already issued stay usable until they expire. */
  stopCouponTemplate: action({ input: z.object({ templateId: z.string().min(1).max(64) }).strict(), output: returns<CouponTemplate>(), errors: ['COUPON_TEMPLATE_NOT_FOUND'] }),
})
