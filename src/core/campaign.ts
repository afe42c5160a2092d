import { Result, fail, ok } from './result'

/** What a campaign needs of a SKU (catalog.ts's Sku has it; not imported, as the catalog shows campaigns). */
interface PricedSku {
  _id: string
  productId: string
  priceFen: number
}

/**
 * 限时折扣: HQ sets a lower price on chosen products or SKUs for a window of time. The price is decided
 * at the instant of each read from the window's bounds, never switched by a timer, so it is exact at
 * the edges: a campaign prices a SKU from its start (inclusive) until its end (exclusive).
 */

export const CAMPAIGN_LIMITS = {
  nameLength: 30,
  /** Products or SKUs chosen in one campaign. */
  items: 100,
  /**
   * SKU prices of all campaigns not yet ended together: every catalog read loads them in one small
   * document, so they stay a few tens of kilobytes.
   */
  liveSkus: 300,
} as const

/** How a campaign prices a SKU: a fixed price, or a share off the SKU's list price (both in one campaign is fine, one per item). */
export type CampaignRule = { priceFen: number; offBps?: undefined } | { offBps: number; priceFen?: undefined }

/** A chosen product (all its SKUs, skuId null) or one of its SKUs, and its campaign price. */
export type CampaignItem = { productId: string; skuId: string | null } & CampaignRule

export interface CampaignWindow {
  startAt: Date
  endAt: Date
}

export interface Campaign extends CampaignWindow {
  _id: string
  name: string
  items: CampaignItem[]
  /** Set when HQ stopped it early; endAt is then the instant it stopped. */
  stoppedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/**
 * One SKU's price in a campaign not yet ended, as kept in the one document every catalog read loads
 * (`campaign_prices`, id `live`). `listPriceFen` is the SKU's price when HQ saved the campaign, for
 * the lists' "from" price only: an order prices from the SKU's price of the moment.
 */
export type CampaignPrice = CampaignWindow &
  CampaignRule & {
    campaignId: string
    name: string
    productId: string
    skuId: string
    listPriceFen: number
  }

export type CampaignPhase = 'upcoming' | 'active' | 'ended'

/** Where an instant stands in a window: it starts at startAt and is over at endAt. */
export function phaseAt(window: CampaignWindow, now: Date): CampaignPhase {
  if (now.getTime() < window.startAt.getTime()) return 'upcoming'
  return now.getTime() < window.endAt.getTime() ? 'active' : 'ended'
}

/**
 * A SKU's campaign price: the fixed price, or the list price less the share off, rounded down to the
 * fen (the buyer never pays more than the stated discount). Never above the list price, even when HQ
 * raised nothing and lowered the list price since the campaign was saved.
 */
export function campaignPriceFen(listPriceFen: number, rule: CampaignRule): number {
  return Math.min(listPriceFen, rulePriceFen(listPriceFen, rule))
}

const rulePriceFen = (listPriceFen: number, rule: CampaignRule): number =>
  rule.priceFen ?? Math.floor((listPriceFen * (10000 - rule.offBps)) / 10000)

/**
 * The campaign price of the SKU active at `now` (campaigns on one SKU never overlap), else its list
 * price: pricing's UnitPrice, naming the campaign that set it.
 */
export function unitPriceAt(prices: ReadonlyArray<CampaignPrice>, sku: Pick<PricedSku, '_id' | 'priceFen'>, now: Date): { unitPriceFen: number; campaignId?: string } {
  const active = prices.find((p) => p.skuId === sku._id && phaseAt(p, now) === 'active')
  return active ? { unitPriceFen: campaignPriceFen(sku.priceFen, active), campaignId: active.campaignId } : { unitPriceFen: sku.priceFen }
}

/** What a product's card and page say of its campaign: the one running, else the next to start. */
export interface CampaignBadge extends CampaignWindow {
  campaignId: string
  name: string
  /** The lowest campaign price among the product's SKUs in it. */
  fromFen: number
}

export function badgeFor(prices: ReadonlyArray<CampaignPrice>, productId: string, now: Date): CampaignBadge | null {
  const own = prices.filter((p) => p.productId === productId && phaseAt(p, now) !== 'ended')
  const shown = own.find((p) => phaseAt(p, now) === 'active') ?? [...own].sort((a, b) => a.startAt.getTime() - b.startAt.getTime())[0]
  if (!shown) return null
  const fromFen = Math.min(...own.filter((p) => p.campaignId === shown.campaignId).map((p) => campaignPriceFen(p.listPriceFen, p)))
  return { campaignId: shown.campaignId, name: shown.name, startAt: shown.startAt, endAt: shown.endAt, fromFen }
}

/** A SKU's price in one campaign, from its list price of the moment; undefined when the campaign leaves it out. */
export function priceInCampaign(prices: ReadonlyArray<CampaignPrice>, campaignId: string, sku: Pick<PricedSku, '_id' | 'priceFen'>): number | undefined {
  const entry = prices.find((p) => p.campaignId === campaignId && p.skuId === sku._id)
  return entry && campaignPriceFen(sku.priceFen, entry)
}

/** A campaign as HQ's form sends it. */
export interface CampaignDraft extends CampaignWindow {
  name: string
  items: CampaignItem[]
}

const overlaps = (a: CampaignWindow, b: CampaignWindow): boolean => a.startAt.getTime() < b.endAt.getTime() && b.startAt.getTime() < a.endAt.getTime()

/**
 * Checks a campaign HQ saves and gives its SKU prices: the window must end after it starts and after
 * now; every chosen SKU must exist, and its campaign price be above 0 and not above its list price;
 * no SKU may be chosen twice, nor be in another campaign whose window meets this one's (`others`: the
 * SKU prices of the campaigns not yet ended, this one's excluded).
 */
export function checkCampaign(
  campaignId: string,
  draft: CampaignDraft,
  skusOf: ReadonlyMap<string, ReadonlyArray<PricedSku>>,
  others: ReadonlyArray<CampaignPrice>,
  now: Date,
): Result<CampaignPrice[]> {
  if (draft.endAt.getTime() <= draft.startAt.getTime()) return fail('CAMPAIGN_WINDOW_INVALID', { field: 'endAt' })
  if (draft.endAt.getTime() <= now.getTime()) return fail('CAMPAIGN_WINDOW_INVALID', { field: 'endAt' })
  const prices: CampaignPrice[] = []
  for (const item of draft.items) {
    const productSkus = skusOf.get(item.productId) ?? []
    const chosen = item.skuId === null ? productSkus : productSkus.filter((s) => s._id === item.skuId)
    if (chosen.length === 0) return fail('CAMPAIGN_SKU_NOT_FOUND', { productId: item.productId, skuId: item.skuId })
    const rule: CampaignRule = item.priceFen !== undefined ? { priceFen: item.priceFen } : { offBps: item.offBps }
    for (const sku of chosen) {
      const priceFen = rulePriceFen(sku.priceFen, rule)
      if (priceFen <= 0) return fail('CAMPAIGN_PRICE_NOT_POSITIVE', { skuId: sku._id })
      if (priceFen > sku.priceFen) return fail('CAMPAIGN_PRICE_ABOVE_LIST', { skuId: sku._id, listPriceFen: sku.priceFen })
      const clash = [...prices, ...others].find((p) => p.skuId === sku._id && overlaps(p, draft))
      if (clash) return fail('CAMPAIGN_OVERLAP', { skuId: sku._id, campaignId: clash.campaignId })
      prices.push({ campaignId, name: draft.name, productId: sku.productId, skuId: sku._id, startAt: draft.startAt, endAt: draft.endAt, listPriceFen: sku.priceFen, ...rule })
    }
  }
  const live = others.filter((p) => phaseAt(p, now) !== 'ended').length + prices.length
  if (live > CAMPAIGN_LIMITS.liveSkus) return fail('CAMPAIGN_TOO_LARGE', { max: CAMPAIGN_LIMITS.liveSkus })
  return ok(prices)
}

/**
 * Stopping early: the campaign ends now, and its prices leave the live document. A campaign already
 * over cannot be stopped.
 */
export function stopCampaign(campaign: Campaign, now: Date): Result<Campaign> {
  if (phaseAt(campaign, now) === 'ended') return fail('CAMPAIGN_ENDED', { campaignId: campaign._id })
  // One not yet started becomes an empty window at the instant it was stopped: it never priced anything.
  const startAt = phaseAt(campaign, now) === 'upcoming' ? now : campaign.startAt
  return ok({ ...campaign, startAt, endAt: now, stoppedAt: now, updatedAt: now })
}

/** The live document keeps only prices whose campaign has not ended, so it stays small. */
export const stillLive = (prices: ReadonlyArray<CampaignPrice>, now: Date): CampaignPrice[] => prices.filter((p) => phaseAt(p, now) !== 'ended')
