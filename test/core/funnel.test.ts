import { describe, expect, it } from 'vitest'
import { DEFAULT_ATTRIBUTION_RULES, Visit, attributeOrder, decideBinding } from '../../src/core/attribution'
import { businessDay, orderEvent, shareEvent, tallyFunnel, visitEvents } from '../../src/core/funnel'

const ann = { _id: 'shop-ann', ownerOpenid: 'o-ann', status: 'active' as const }
const at = new Date('2026-11-25T02:00:00Z')
const visit = (more: Partial<Visit> = {}): Visit => ({
  visitorOpenid: 'o-customer',
  visitorIsEmployee: false,
  shop: ann,
  sharerOpenid: 'o-ann',
  shareCode: 'k3m9x2hq7c',
  channel: 'poster',
  at,
  ...more,
})

describe('the business day', () => {
  it.each([
    ['2026-11-25T15:59:59.999Z', '2026-11-25'],
    ['2026-11-25T16:00:00.000Z', '2026-11-26'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
    ['2026-11-25T00:00:00.000Z', '2026-11-25'],
  ])('%s is %s in Shanghai', (instant, day) => {
    expect(businessDay(new Date(instant))).toBe(day)
  })
})

describe('the funnel: share → visit → bind → order', () => {
  it('a share counts for the shop on its business day, with its channel and code', () => {
    expect(shareEvent({ _id: 'k3m9x2hq7c', shopId: 'shop-ann', channel: 'moments' }, at)).toEqual({
      kind: 'share',
      shopId: 'shop-ann',
      day: '2026-11-25',
      channel: 'moments',
      shareCode: 'k3m9x2hq7c',
      at,
    })
  })

  it.each([
    ['a visit that binds is a visit and a bind', visit(), ['visit', 'bind']],
    ['a visit that does not bind is a visit', visit({ visitorIsEmployee: true }), ['visit']],
    ['a direct visit is a visit', visit({ shareCode: null, sharerOpenid: null, channel: 'direct' }), ['visit']],
    ['the owner in their own shop is not counted', visit({ visitorOpenid: 'o-ann' }), []],
  ])('%s', (_rule, v, kinds) => {
    const events = visitEvents(v, decideBinding(null, v, DEFAULT_ATTRIBUTION_RULES))
    expect(events.map((e) => e.kind)).toEqual(kinds)
    for (const e of events) expect(e).toMatchObject({ shopId: 'shop-ann', day: '2026-11-25', channel: v.channel })
  })

  it("an order counts for its shop; HQ's orders are in no shop's funnel", () => {
    const rules = DEFAULT_ATTRIBUTION_RULES
    const shopOrder = attributeOrder({ buyer: { openid: 'o-customer', isEmployee: false }, pageShop: { shop: ann, share: { sharerOpenid: 'o-ann', shareCode: 'k3m9x2hq7c', channel: 'chat' } }, rules, at })
    expect(orderEvent(shopOrder, at)).toMatchObject({ kind: 'order', shopId: 'shop-ann', channel: 'chat', shareCode: 'k3m9x2hq7c', day: '2026-11-25' })
    expect(orderEvent(attributeOrder({ buyer: { openid: 'o-customer', isEmployee: false }, rules, at }), at)).toBeNull()
  })

  it('a day adds up by step, and visits by channel', () => {
    const share = shareEvent({ _id: 'k3m9x2hq7c', shopId: 'shop-ann', channel: 'poster' }, at)
    const events = [
      share,
      share,
      ...visitEvents(visit(), decideBinding(null, visit(), DEFAULT_ATTRIBUTION_RULES)),
      ...visitEvents(visit({ channel: 'chat', visitorIsEmployee: true }), decideBinding(null, visit({ visitorIsEmployee: true }), DEFAULT_ATTRIBUTION_RULES)),
      { ...share, kind: 'order' as const },
    ]
    expect(tallyFunnel(events)).toEqual({ shares: 2, visits: { chat: 1, moments: 0, poster: 1, direct: 0 }, binds: 1, orders: 1 })
  })
})
