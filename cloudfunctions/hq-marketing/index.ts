import { hqMarketingContract } from '../../src/contracts/hq-marketing'
import { checkTemplate, type CouponTemplate } from '../../src/core/coupon'
import { fail, ok } from '../../src/core/result'
import { defineFunction } from '../_shared/edge'
import { couponTemplates } from '../_shared/coupons/wallet'

/** HQ's marketing: coupon templates. Only staff whose role covers `marketing`; every call is in the audit log. */
export const main = defineFunction(
  hqMarketingContract,
  {
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
  },
  { auditEveryCall: true },
)
