import type { CampaignPrice } from '../../src/core/campaign'
import { db } from './database'

export const CAMPAIGN_PRICES = 'campaign_prices'
/** The one document of campaign_prices. */
export const LIVE = 'live'

export interface LiveCampaignPrices {
  _id: typeof LIVE
  prices: CampaignPrice[]
  updatedAt: Date
}

/**
 * The SKU prices of every 限时折扣 campaign not yet ended, in one request: what each catalog read
 * prices by, at the instant of the read. None before HQ's first campaign.
 */
export async function readCampaignPrices(): Promise<CampaignPrice[]> {
  const { data } = await db.collection<LiveCampaignPrices>(CAMPAIGN_PRICES).where({ _id: LIVE }).get()
  return data[0]?.prices ?? []
}
