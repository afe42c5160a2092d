import { hqMarketingContract } from '../../src/contracts/hq-marketing'
import { ok } from '../../src/core/result'
import { defineFunction } from '../_shared/edge'
import { CAMPAIGNS, endCampaignNow, listCampaigns, readCampaign, saveCampaign } from './campaigns'

/**
 * HQ's marketing: 限时折扣 campaigns (coupon templates and points settings join them here). Staff whose
 * role covers `marketing`; every call, whatever its fate, is in the audit log. Its own function
 * because `hq` is near its bundle budget.
 */
export const main = defineFunction(
  hqMarketingContract,
  {
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
