import { describe, expect, it } from 'vitest'
import { CampaignDraft, CampaignPrice, badgeFor, campaignPriceFen, checkCampaign, phaseAt, stillLive, stopCampaign, unitPriceAt } from '../../src/core/campaign'

const at = (iso: string) => new Date(`${iso}+08:00`)
const window = { startAt: at('2026-12-01T10:00:00'), endAt: at('2026-12-03T10:00:00') }
const second = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000)

const price = (over: Partial<CampaignPrice> = {}): CampaignPrice =>
  ({ campaignId: 'c-1', name: '双十二', productId: 'p-tea', skuId: 'tea-100g', listPriceFen: 6800, priceFen: 5800, ...window, ...over }) as CampaignPrice

describe('a campaign window: from its start, until (not at) its end', () => {
  it.each([
    ['one second before the start', second(window.startAt, -1), 'upcoming', 6800],
    ['at the start', window.startAt, 'active', 5800],
    ['one second before the end', second(window.endAt, -1), 'active', 5800],
    ['at the end', window.endAt, 'ended', 6800],
    ['one second after the end', second(window.endAt, 1), 'ended', 6800],
  ])('%s', (_when, now, phase, unitPriceFen) => {
    expect(phaseAt(window, now)).toBe(phase)
    expect(unitPriceAt([price()], { _id: 'tea-100g', priceFen: 6800 }, now).unitPriceFen).toBe(unitPriceFen)
  })

  it('a SKU priced by a campaign names it; another SKU keeps its list price and names none', () => {
    expect(unitPriceAt([price()], { _id: 'tea-100g', priceFen: 6800 }, window.startAt)).toEqual({ unitPriceFen: 5800, campaignId: 'c-1' })
    expect(unitPriceAt([price()], { _id: 'tea-250g', priceFen: 15800 }, window.startAt)).toEqual({ unitPriceFen: 15800 })
  })
})

describe('the campaign price', () => {
  it.each([
    ['a fixed price', 6800, { priceFen: 5800 }, 5800],
    ['20% off', 6800, { offBps: 2000 }, 5440],
    ['a share off rounds down to the fen', 999, { offBps: 1500 }, 849],
    ['a fixed price above a list price lowered since is the list price', 5000, { priceFen: 5800 }, 5000],
  ])('%s', (_rule, listPriceFen, rule, expected) => {
    expect(campaignPriceFen(listPriceFen, rule as never)).toBe(expected)
  })

  it('is taken from the SKU\'s price of the moment, not the one saved with the campaign', () => {
    expect(unitPriceAt([price({ priceFen: undefined, offBps: 5000 } as never)], { _id: 'tea-100g', priceFen: 8000 }, window.startAt).unitPriceFen).toBe(4000)
  })
})

describe('checking a campaign HQ saves', () => {
  const skus = new Map([
    [
      'p-tea',
      [
        { _id: 'tea-100g', productId: 'p-tea', priceFen: 6800 },
        { _id: 'tea-250g', productId: 'p-tea', priceFen: 15800 },
      ],
    ],
  ])
  const now = at('2026-11-30T09:00:00')
  const draft = (over: Partial<CampaignDraft> = {}): CampaignDraft => ({ name: '双十二', ...window, items: [{ productId: 'p-tea', skuId: null, offBps: 1000 }], ...over })
  const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code)

  it('a whole product gives each of its SKUs a price, with its list price then', () => {
    const checked = checkCampaign('c-2', draft(), skus, [], now)
    expect(checked.ok && checked.data.map((p) => [p.skuId, p.listPriceFen, campaignPriceFen(p.listPriceFen, p)])).toEqual([
      ['tea-100g', 6800, 6120],
      ['tea-250g', 15800, 14220],
    ])
  })

  it.each([
    ['an end before the start', draft({ endAt: second(window.startAt, -1) }), 'CAMPAIGN_WINDOW_INVALID'],
    ['an end at the start', draft({ endAt: window.startAt }), 'CAMPAIGN_WINDOW_INVALID'],
    ['a price above the list price', draft({ items: [{ productId: 'p-tea', skuId: 'tea-100g', priceFen: 6801 }] }), 'CAMPAIGN_PRICE_ABOVE_LIST'],
    ['the list price itself', draft({ items: [{ productId: 'p-tea', skuId: 'tea-100g', priceFen: 6800 }] }), 'ok'],
    ['a price of 0', draft({ items: [{ productId: 'p-tea', skuId: 'tea-100g', priceFen: 0 }] }), 'CAMPAIGN_PRICE_NOT_POSITIVE'],
    ['100% off', draft({ items: [{ productId: 'p-tea', skuId: null, offBps: 10000 }] }), 'CAMPAIGN_PRICE_NOT_POSITIVE'],
    ['a SKU of another product', draft({ items: [{ productId: 'p-tea', skuId: 'cup-1', priceFen: 100 }] }), 'CAMPAIGN_SKU_NOT_FOUND'],
    ['an unknown product', draft({ items: [{ productId: 'p-gone', skuId: null, priceFen: 100 }] }), 'CAMPAIGN_SKU_NOT_FOUND'],
    [
      'the same SKU twice',
      draft({ items: [{ productId: 'p-tea', skuId: null, offBps: 1000 }, { productId: 'p-tea', skuId: 'tea-100g', priceFen: 100 }] }),
      'CAMPAIGN_OVERLAP',
    ],
  ])('%s: %s', (_case, d, code) => {
    expect(codeOf(checkCampaign('c-2', d, skus, [], now))).toBe(code)
  })

  it('an end already past is refused', () => {
    expect(codeOf(checkCampaign('c-2', draft(), skus, [], window.endAt))).toBe('CAMPAIGN_WINDOW_INVALID')
  })

  it('another campaign on the same SKU may not meet its window; one that ends as this one starts may', () => {
    const other = price({ campaignId: 'c-1', startAt: at('2026-11-30T10:00:00'), endAt: second(window.startAt, 1) })
    expect(checkCampaign('c-2', draft(), skus, [other], now)).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_OVERLAP', details: { skuId: 'tea-100g', campaignId: 'c-1' } } })
    expect(codeOf(checkCampaign('c-2', draft(), skus, [{ ...other, endAt: window.startAt }], now))).toBe('ok')
    expect(codeOf(checkCampaign('c-2', draft(), skus, [{ ...other, skuId: 'cup-1' }], now))).toBe('ok')
  })
})

describe('stopping a campaign early', () => {
  const campaign = { _id: 'c-1', name: '双十二', ...window, items: [], stoppedAt: null, createdAt: window.startAt, updatedAt: window.startAt }

  it('a running one ends now', () => {
    const now = second(window.startAt, 60)
    const stopped = stopCampaign(campaign, now)
    expect(stopped.ok && stopped.data).toMatchObject({ startAt: window.startAt, endAt: now, stoppedAt: now })
    expect(stopped.ok && phaseAt(stopped.data, now)).toBe('ended')
  })

  it('one not started never prices anything', () => {
    const now = second(window.startAt, -60)
    const stopped = stopCampaign(campaign, now)
    expect(stopped.ok && phaseAt(stopped.data, now)).toBe('ended')
    expect(stopped.ok && phaseAt(stopped.data, window.startAt)).toBe('ended')
  })

  it('one over cannot be stopped', () => {
    expect(stopCampaign(campaign, window.endAt)).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_ENDED' } })
  })
})

describe('what the lists show', () => {
  const later = price({ campaignId: 'c-2', name: '元旦', startAt: at('2027-01-01T00:00:00'), endAt: at('2027-01-02T00:00:00'), priceFen: 4800 })

  it('the campaign running, from its lowest price among the product\'s SKUs', () => {
    const prices = [price(), price({ skuId: 'tea-250g', listPriceFen: 15800, priceFen: 12800 }), later]
    expect(badgeFor(prices, 'p-tea', window.startAt)).toMatchObject({ campaignId: 'c-1', fromFen: 5800 })
  })

  it('before it starts, the next to start; after every one ends, none', () => {
    expect(badgeFor([later, price()], 'p-tea', second(window.startAt, -1))).toMatchObject({ campaignId: 'c-1' })
    expect(badgeFor([later, price()], 'p-tea', window.endAt)).toMatchObject({ campaignId: 'c-2' })
    expect(badgeFor([later, price()], 'p-tea', later.endAt)).toBeNull()
    expect(badgeFor([price()], 'p-cup', window.startAt)).toBeNull()
  })

  it('ended prices leave the live document', () => {
    expect(stillLive([price(), later], window.endAt)).toEqual([later])
  })
})
