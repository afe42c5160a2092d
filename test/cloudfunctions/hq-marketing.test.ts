import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HQ, addHqAdmin, addHqMember } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const MINUTE = 60_000
const fromNow = (ms: number) => new Date(Date.now() + ms)
const sleepUntil = (instant: Date) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant.getTime() - Date.now() + 50)))

describe('hq-marketing: 限时折扣 campaigns', () => {
  let t: TestCloud
  const staff = (action: string, payload: unknown = {}, openid = HQ) => callAs(t.cloud, openid, 'hq-marketing', action, payload)
  const draft = (over: Record<string, unknown> = {}) => ({
    name: '双十二限时折扣',
    startAt: fromNow(-MINUTE),
    endAt: fromNow(60 * MINUTE),
    items: [{ productId: 'p-tea', skuId: 'tea-100g', priceFen: 5800 }],
    ...over,
  })
  const live = async () => (await t.db.collection('campaign_prices').where({ _id: 'live' }).get()).data[0]?.prices ?? []

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 3 })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  describe('HQ saves campaigns', () => {
    it('only staff whose role covers marketing; every call is audited', async () => {
      await addHqMember(t.db, 'o-finance', 'hq_finance')
      expect(await staff('createCampaign', { draft: draft() }, 'o-finance')).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      expect(await staff('listCampaigns', {}, 'o-shopper')).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-finance', action: 'hq-marketing.createCampaign' }).get()
      expect(audit).toHaveLength(1)
    })

    it.each([
      ['a price above the list price', { items: [{ productId: 'p-tea', skuId: 'tea-100g', priceFen: 6900 }] }, 'CAMPAIGN_PRICE_ABOVE_LIST'],
      ['a price of 0', { items: [{ productId: 'p-tea', skuId: 'tea-100g', priceFen: 0 }] }, 'CAMPAIGN_PRICE_NOT_POSITIVE'],
      ['an end before the start', { startAt: fromNow(2 * MINUTE), endAt: fromNow(MINUTE) }, 'CAMPAIGN_WINDOW_INVALID'],
      ['an unknown SKU', { items: [{ productId: 'p-tea', skuId: 'tea-9kg', priceFen: 100 }] }, 'CAMPAIGN_SKU_NOT_FOUND'],
    ])('refuses %s', async (_case, over, code) => {
      expect(await staff('createCampaign', { draft: draft(over) })).toMatchObject({ ok: false, error: { code } })
    })

    it('creates a campaign and its live prices; another on the same SKU in a window that meets it is refused', async () => {
      const created = await staff('createCampaign', { draft: draft({ startAt: fromNow(24 * 60 * MINUTE), endAt: fromNow(48 * 60 * MINUTE), items: [{ productId: 'p-tea', skuId: null, offBps: 2000 }] }) })
      expect(created).toMatchObject({ ok: true, data: { name: '双十二限时折扣', stoppedAt: null } })
      expect((await live()).map((p: any) => [p.campaignId, p.skuId, p.offBps])).toEqual([
        [created.data._id, 'tea-100g', 2000],
        [created.data._id, 'tea-250g', 2000],
      ])
      const clash = await staff('createCampaign', { draft: draft({ startAt: fromNow(30 * 60 * MINUTE), endAt: fromNow(50 * 60 * MINUTE) }) })
      expect(clash).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_OVERLAP', details: { skuId: 'tea-100g', campaignId: created.data._id } } })
      // Stopped early, it frees the SKUs: the same window is HQ's again.
      expect(await staff('stopCampaign', { campaignId: created.data._id })).toMatchObject({ ok: true })
      expect(await live()).toEqual([])
      expect(await staff('stopCampaign', { campaignId: created.data._id })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_ENDED' } })
      const { data: listed } = await staff('listCampaigns')
      expect(listed.items[0]).toMatchObject({ _id: created.data._id })
      expect(listed.items[0].stoppedAt).not.toBeNull()
    })

    it('two campaigns on one SKU saved at the same instant: exactly one is kept', async () => {
      const window = { startAt: fromNow(100 * 60 * MINUTE), endAt: fromNow(101 * 60 * MINUTE) }
      const both = await Promise.all([staff('createCampaign', { draft: draft(window) }), staff('createCampaign', { draft: draft({ ...window, name: '另一个' }) })])
      expect(both.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CAMPAIGN_OVERLAP', 'ok'])
      const kept = both.find((r) => r.ok)!
      expect(await staff('stopCampaign', { campaignId: kept.data._id })).toMatchObject({ ok: true })
    })
  })

  describe('what the shopper pays', () => {
    it('inside the window the campaign price, shown on the list and the product page; the quote and the order agree and the line names its campaign', async () => {
      const created = await staff('createCampaign', { draft: draft() })
      expect(created).toMatchObject({ ok: true })
      const campaignId = created.data._id
      const shopper = buyer(t.cloud, 'o-campaign-in')
      const list = await shopper.call('catalog', 'listProducts', {})
      expect(list.data.items.find((p: any) => p._id === 'p-tea')).toMatchObject({ minPriceFen: 6800, campaign: { campaignId, fromFen: 5800 } })
      const page = await shopper.call('catalog', 'getProduct', { productId: 'p-tea' })
      expect(page.data.campaign).toMatchObject({ campaignId, name: '双十二限时折扣' })
      expect(page.data.skus.map((s: any) => [s._id, s.priceFen, s.campaignPriceFen])).toEqual([
        ['tea-100g', 6800, 5800],
        ['tea-250g', 15800, undefined],
      ])

      const cart = await shopper.call('cart', 'addToCart', { skuId: 'tea-100g', quantity: 1 })
      expect(cart.data.items[0]).toMatchObject({ skuId: 'tea-100g', unitPriceFen: 5800 })
      expect(cart.data.items[0].priceWhenAddedFen).toBeUndefined()

      const lines = [{ skuId: 'tea-100g', quantity: 2 }, { skuId: 'tea-250g', quantity: 1 }]
      const quote = (await shopper.call('order', 'quoteOrder', { lines })).data.quote
      expect(quote).toMatchObject({ goodsFen: 5800 * 2 + 15800, payableFen: 5800 * 2 + 15800 })
      const placed = await shopper.place(lines, { quotedPayableFen: quote.payableFen })
      expect(placed).toMatchObject({ ok: true, data: { payableFen: quote.payableFen } })
      const { data: order } = await t.db.collection('orders').doc(placed.data._id).get()
      expect(order.lines.map((l: any) => [l.skuId, l.unitPriceFen, l.campaignId, l.paidFen])).toEqual([
        ['tea-100g', 5800, campaignId, 11600],
        ['tea-250g', 15800, undefined, 15800],
      ])
      expect(await staff('stopCampaign', { campaignId })).toMatchObject({ ok: true })
    })

    it('after the window the list price: a checkout left open past the end is told the price changed, and the order pays the list price', async () => {
      // A campaign that ends a few seconds from now: priced inside, then past its end.
      const endAt = fromNow(6000)
      const created = await staff('createCampaign', { draft: draft({ endAt, items: [{ productId: 'p-tea', skuId: 'tea-250g', offBps: 5000 }] }) })
      expect(created).toMatchObject({ ok: true })
      const shopper = buyer(t.cloud, 'o-campaign-after')
      await shopper.addressId()
      const lines = [{ skuId: 'tea-250g', quantity: 1 }]
      const inside = (await shopper.call('order', 'quoteOrder', { lines })).data.quote
      expect(inside).toMatchObject({ goodsFen: 7900, shippingFen: 1000, payableFen: 8900 })

      await sleepUntil(endAt)
      const late = await shopper.place(lines, { quotedPayableFen: inside.payableFen })
      expect(late).toMatchObject({ ok: false, error: { code: 'ORDER_PRICE_CHANGED', details: { quotedPayableFen: 8900, payableFen: 15800 } } })
      const after = (await shopper.call('order', 'quoteOrder', { lines })).data
      expect(after.lines[0]).toMatchObject({ unitPriceFen: 15800 })
      expect(after.lines[0].campaignId).toBeUndefined()
      const placed = await shopper.place(lines, { quotedPayableFen: after.quote.payableFen })
      expect(placed).toMatchObject({ ok: true, data: { goodsFen: 15800, payableFen: 15800 } })
      expect((await t.db.collection('orders').doc(placed.data._id).get()).data.lines[0].campaignId).toBeUndefined()
      // The list and the page show it no more.
      expect((await shopper.call('catalog', 'getProduct', { productId: 'p-tea' })).data.campaign).toBeUndefined()
    })
  })
})
