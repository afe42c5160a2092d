import { hqMarketingContract } from '../../src/contracts/hq-marketing'
import { checkTemplate, type CouponTemplate } from '../../src/core/coupon'
import { fail, ok } from '../../src/core/result'
import { defineFunction } from '../_shared/edge'
import { couponTemplates } from '../_shared/coupons/wallet'
import { MEMBER_RULES } from '../_shared/member/points'
import { currentRules, setRules } from '../_shared/versioned-rules'
import { CAMPAIGNS, endCampaignNow, listCampaigns, readCampaign, saveCampaign } from './campaigns'

/**
 * HQ's marketing: points and member level rules (staff whose role covers `settings`), coupon templates
 * and 限时折扣 campaigns (`marketing`). Its own function because `hq` is near its bundle budget. Every
 * call, whatever its fate, is in the audit log; a change keeps the document before and after.
 */
export const main = defineFunction(
  hqMarketingContract,
  {
    getMemberRules: {
      access: 'hq',
      area: 'settings',
      handle: async () => ok(await currentRules(MEMBER_RULES)),
    },
    setMemberRules: {
      access: 'hq',
      area: 'settings',
      changes: { collection: 'settings', id: () => MEMBER_RULES.name },
      handle: ({ rules }, admin, now) => setRules(MEMBER_RULES, admin.openid, rules, now),
    },
    listCouponTemplates: {
      access: 'hq',
      area: 'marketing',
      async handle({ page, pageSize }) {
        const { data } = await couponTemplates.orderBy('createdAt', 'desc').skip(page * pageSize).limit(pageSize + 1).get()
        return ok({ items: data.slice(0, pageSize), hasMore: data.length > pageSize })
      },
    },

    createCouponTemplate: {
      access: 'hq',
      area: 'marketing',
      async handle(input, _admin, now) {
        const checked = checkTemplate(input)
        if (!checked.ok) return checked
        const template: Omit<CouponTemplate, '_id'> = { ...checked.data, issued: 0, status: 'active', createdAt: now, updatedAt: now }
        const { _id } = await couponTemplates.add({ data: template })
        return ok({ ...template, _id })
      },
    },

    stopCouponTemplate: {
      access: 'hq',
      area: 'marketing',
      changes: { collection: 'coupon_templates', id: ({ templateId }) => templateId },
      async handle({ templateId }, _admin, now) {
        const { data } = await couponTemplates.doc(templateId).get()
        if (!data) return fail('COUPON_TEMPLATE_NOT_FOUND')
        await couponTemplates.doc(templateId).update({ data: { status: 'stopped', updatedAt: now } })
        return ok({ ...data, status: 'stopped', updatedAt: now })
      },
    },
    listCampaigns: { access: 'hq', area: 'marketing', handle: async ({ page, pageSize }) => ok(await listCampaigns(page, pageSize)) },
    getCampaign: { access: 'hq', area: 'marketing', handle: ({ campaignId }) => readCampaign(campaignId) },
    createCampaign: { access: 'hq', area: 'marketing', handle: ({ draft }, _admin, now) => saveCampaign(null, draft, now) },
    updateCampaign: {
      access: 'hq',
      area: 'marketing',
      changes: { collection: CAMPAIGNS, id: ({ campaignId }) => campaignId },
      handle: ({ campaignId, draft }, _admin, now) => saveCampaign(campaignId, draft, now),
    },
    stopCampaign: {
      access: 'hq',
      area: 'marketing',
      changes: { collection: CAMPAIGNS, id: ({ campaignId }) => campaignId },
      handle: ({ campaignId }, _admin, now) => endCampaignNow(campaignId, now),
    },
  },
  { auditEveryCall: true },
)
