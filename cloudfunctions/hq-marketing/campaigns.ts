import { randomBytes } from 'node:crypto'
import type { Page } from '../../src/contracts/paging'
import { Campaign, CampaignDraft, checkCampaign, phaseAt, stillLive, stopCampaign } from '../../src/core/campaign'
import type { Sku } from '../../src/core/catalog'
import { Result, fail, ok } from '../../src/core/result'
import { CAMPAIGN_PRICES, LIVE, LiveCampaignPrices } from '../_shared/campaign-prices'
import { Transaction, _, db, inTransaction } from '../_shared/database'

export const CAMPAIGNS = 'campaigns'
const campaigns = db.collection<Campaign>(CAMPAIGNS)

export async function listCampaigns(page: number, pageSize: number): Promise<Page<Campaign>> {
  const { data } = await campaigns.orderBy('createdAt', 'desc').skip(page * pageSize).limit(pageSize + 1).get()
  return { items: data.slice(0, pageSize), hasMore: data.length > pageSize }
}

export async function readCampaign(campaignId: string): Promise<Result<Campaign>> {
  const { data } = await campaigns.where({ _id: campaignId }).get()
  return data[0] ? ok(data[0]) : fail('CAMPAIGN_NOT_FOUND', { campaignId })
}

/** The live prices as the transaction's snapshot has them: two saves at once conflict on this document. */
async function livePricesIn(tx: Transaction) {
  const { data } = await tx.collection<LiveCampaignPrices>(CAMPAIGN_PRICES).doc(LIVE).get()
  return data?.prices ?? []
}

/** Rewrites the live prices: the campaigns' not yet ended, so the document every catalog read loads stays small. */
function writeLivePrices(tx: Transaction, prices: LiveCampaignPrices['prices'], now: Date) {
  return tx.collection<LiveCampaignPrices>(CAMPAIGN_PRICES).doc(LIVE).set({ data: { prices: stillLive(prices, now), updatedAt: now } })
}

/**
 * Creates (campaignId null) or changes a campaign not yet ended: checked against the SKUs' prices and
 * every other live campaign, then the campaign and the live prices written in one transaction, so
 * two campaigns saved at once on one SKU cannot both pass the overlap check (they conflict on the live
 * document and the second is checked again).
 */
export async function saveCampaign(campaignId: string | null, draft: CampaignDraft, now: Date): Promise<Result<Campaign>> {
  const id = campaignId ?? `c-${randomBytes(6).toString('hex')}`
  const skusOf = await readSkusOf([...new Set(draft.items.map((i) => i.productId))])
  return inTransaction(async (tx) => {
    const [{ data: current }, live] = await Promise.all([tx.collection<Campaign>(CAMPAIGNS).doc(id).get(), livePricesIn(tx)])
    if (campaignId && !current) return fail('CAMPAIGN_NOT_FOUND', { campaignId })
    if (current && phaseAt(current, now) === 'ended') return fail('CAMPAIGN_ENDED', { campaignId })
    const others = stillLive(live.filter((p) => p.campaignId !== id), now)
    const checked = checkCampaign(id, draft, skusOf, others, now)
    if (!checked.ok) return checked
    const campaign: Campaign = { _id: id, ...draft, stoppedAt: null, createdAt: current?.createdAt ?? now, updatedAt: now }
    const { _id, ...fields } = campaign
    await tx.collection<Campaign>(CAMPAIGNS).doc(id).set({ data: fields })
    await writeLivePrices(tx, [...others, ...checked.data], now)
    return ok(campaign)
  })
}

/** 提前结束: the campaign ends now and its prices leave the live document in the same transaction. */
export function endCampaignNow(campaignId: string, now: Date): Promise<Result<Campaign>> {
  return inTransaction(async (tx) => {
    const [{ data: current }, live] = await Promise.all([tx.collection<Campaign>(CAMPAIGNS).doc(campaignId).get(), livePricesIn(tx)])
    if (!current) return fail('CAMPAIGN_NOT_FOUND', { campaignId })
    const stopped = stopCampaign(current, now)
    if (!stopped.ok) return stopped
    const { _id, ...fields } = stopped.data
    await tx.collection<Campaign>(CAMPAIGNS).doc(campaignId).set({ data: fields })
    await writeLivePrices(tx, live.filter((p) => p.campaignId !== campaignId), now)
    return stopped
  })
}

/** The chosen products' SKUs with their prices, by product: at most 100 products of at most 50 SKUs each. */
async function readSkusOf(productIds: string[]): Promise<Map<string, Array<Pick<Sku, '_id' | 'productId' | 'priceFen'>>>> {
  const { data } = await db
    .collection<Sku>('skus')
    .where({ productId: _.in(productIds) })
    .field({ _id: true, productId: true, priceFen: true })
    .limit(1000)
    .get()
  const byProduct = new Map<string, Array<Pick<Sku, '_id' | 'productId' | 'priceFen'>>>()
  for (const sku of data) byProduct.set(sku.productId, [...(byProduct.get(sku.productId) ?? []), sku])
  return byProduct
}
