import { describe, expect, it } from 'vitest'
import {
  AttributionInput,
  AttributionRules,
  Binding,
  BindingHistoryKind,
  DEFAULT_ATTRIBUTION_RULES,
  OrderAttribution,
  Visit,
  attributeOrder,
  attributionRules,
  attributionRulesInput,
  decideBinding,
  expireBinding,
  extendBinding,
  reassignBinding,
  reviseAttributionRules,
} from '../../src/core/attribution'
import type { ShopRef, ShopStatus } from '../../src/core/shop'
import { addDays } from '../../src/core/time'

const t0 = new Date('2026-11-01T02:00:00Z')
const day = (n: number) => addDays(t0, n)

const firstTouch: AttributionRules = DEFAULT_ATTRIBUTION_RULES
const lastTouch: AttributionRules = { ...DEFAULT_ATTRIBUTION_RULES, version: 2, strategy: 'last_touch' }
const noExtension: AttributionRules = { ...DEFAULT_ATTRIBUTION_RULES, version: 3, paidOrderExtends: false }

const shopRef = (_id: string, ownerOpenid: string, status: ShopStatus = 'active'): ShopRef => ({ _id, ownerOpenid, status })
/** Ann's and Bo's shops; Cy's is suspended, Di's closed. */
const ann = shopRef('shop-ann', 'o-ann')
const bo = shopRef('shop-bo', 'o-bo')
const cy = shopRef('shop-cy', 'o-cy', 'suspended')
const di = shopRef('shop-di', 'o-di', 'closed')
const CUSTOMER = 'o-customer'

/** A visit through a chat share of `shop` by its owner. */
const shareVisit = (shop: ShopRef, at: Date, more: Partial<Visit> = {}): Visit => ({
  visitorOpenid: CUSTOMER,
  visitorIsEmployee: false,
  shop,
  sharerOpenid: shop.ownerOpenid,
  shareCode: `code-${shop._id}`,
  channel: 'chat',
  at,
  ...more,
})

/** The customer, bound to `shop` at `at` through its share, for the default 15 days. */
const boundTo = (shop: ShopRef, at: Date, more: Partial<Binding> = {}): Binding => ({
  _id: CUSTOMER,
  customerOpenid: CUSTOMER,
  shopId: shop._id,
  ownerOpenid: shop.ownerOpenid,
  status: 'active',
  source: { kind: 'share', sharerOpenid: shop.ownerOpenid, shareCode: `code-${shop._id}`, channel: 'chat' },
  boundAt: at,
  expiresAt: addDays(at, 15),
  ruleVersion: 1,
  updatedAt: at,
  ...more,
})

describe('binding a visitor to a shop', () => {
  type Row = [string, AttributionRules, Binding | null, Visit, string, string, string | null, Date | null, BindingHistoryKind[]]
  // [rule, rules, binding before, visit, outcome, reason, shop after, window end after, history written]
  const ROWS: Row[] = [
    ['a first visit through a share binds for 15 days', firstTouch, null, shareVisit(ann, t0), 'bind', 'first_share', 'shop-ann', day(15), ['bind']],
    ['a revisit through the same shop inside the window keeps the window as it is', firstTouch, boundTo(ann, t0), shareVisit(ann, day(5)), 'keep', 'same_shop', 'shop-ann', day(15), []],
    ["another shop's link inside the window does not take the customer", firstTouch, boundTo(ann, t0), shareVisit(bo, day(14)), 'keep', 'protected', 'shop-ann', day(15), []],
    ["another shop's link at the window's end rebinds", firstTouch, boundTo(ann, t0), shareVisit(bo, day(15)), 'rebind', 'protection_over', 'shop-bo', day(30), ['expire', 'rebind']],
    ["another shop's link after the window rebinds", firstTouch, boundTo(ann, t0), shareVisit(bo, day(20)), 'rebind', 'protection_over', 'shop-bo', day(35), ['expire', 'rebind']],
    ['the same shop after the window binds anew, with a new window', firstTouch, boundTo(ann, t0), shareVisit(ann, day(16)), 'rebind', 'protection_over', 'shop-ann', day(31), ['expire', 'rebind']],
    ['an expiry already recorded is not recorded again', firstTouch, boundTo(ann, t0, { status: 'expired' }), shareVisit(bo, day(20)), 'rebind', 'protection_over', 'shop-bo', day(35), ['rebind']],
    ['a customer HQ took back is free for the next share', firstTouch, boundTo(ann, t0, { status: 'released' }), shareVisit(bo, day(2)), 'rebind', 'released', 'shop-bo', day(17), ['rebind']],
    ['an owner visiting their own shop is not bound to it', firstTouch, null, shareVisit(ann, t0, { visitorOpenid: 'o-ann', visitorIsEmployee: true }), 'keep', 'self_visit', null, null, []],
    ['an owner is not bound to their own shop even before the roster marks them an employee', firstTouch, null, shareVisit(ann, t0, { visitorOpenid: 'o-ann' }), 'keep', 'self_visit', null, null, []],
    ["an employee visiting a colleague's shop is not bound to it", firstTouch, null, shareVisit(bo, t0, { visitorOpenid: 'o-ann', visitorIsEmployee: true }), 'keep', 'colleague_shop', null, null, []],
    ["an employee is not bound to a colleague's shop under last touch either", lastTouch, null, shareVisit(bo, t0, { visitorIsEmployee: true }), 'keep', 'colleague_shop', null, null, []],
    ['a suspended shop binds no one', firstTouch, null, shareVisit(cy, t0), 'keep', 'shop_not_active', null, null, []],
    ['a closed shop binds no one', lastTouch, boundTo(ann, t0), shareVisit(di, day(1)), 'keep', 'shop_not_active', 'shop-ann', day(15), []],
    ['a direct visit is counted, not bound', firstTouch, null, shareVisit(ann, t0, { shareCode: null, sharerOpenid: null, channel: 'direct' }), 'keep', 'not_shared', null, null, []],
    ['last touch: a first visit binds', lastTouch, null, shareVisit(ann, t0), 'bind', 'first_share', 'shop-ann', day(15), ['bind']],
    ["last touch: another shop's link inside the window takes the customer", lastTouch, boundTo(ann, t0), shareVisit(bo, day(3)), 'rebind', 'last_touch', 'shop-bo', day(18), ['rebind']],
    ['last touch: the same shop’s newer share restarts the window', lastTouch, boundTo(ann, t0), shareVisit(ann, day(10), { sharerOpenid: 'o-friend', channel: 'moments' }), 'rebind', 'last_touch', 'shop-ann', day(25), ['rebind']],
    ['last touch: after the window, the next share rebinds', lastTouch, boundTo(ann, t0), shareVisit(bo, day(40)), 'rebind', 'protection_over', 'shop-bo', day(55), ['expire', 'rebind']],
  ]

  it.each(ROWS)('%s', (_rule, rules, before, visit, outcome, reason, shopAfter, expiresAfter, kinds) => {
    const decision = decideBinding(before, visit, rules)
    expect(decision.outcome).toBe(outcome)
    expect(decision.reason).toBe(reason)
    const live = decision.binding?.status === 'active' ? decision.binding : null
    expect(live?.shopId ?? null).toBe(shopAfter)
    expect(live?.expiresAt ?? null).toEqual(expiresAfter)
    expect(decision.history.map((e) => e.kind)).toEqual(kinds)
  })

  it('a bind records the share that made it, the rules it was made under, and whose it was before', () => {
    const decision = decideBinding(boundTo(ann, t0), shareVisit(bo, day(3), { sharerOpenid: 'o-friend', shareCode: 'k3m9x2hq7c', channel: 'poster' }), lastTouch)
    const source = { kind: 'share', sharerOpenid: 'o-friend', shareCode: 'k3m9x2hq7c', channel: 'poster' }
    expect(decision.binding).toEqual({
      _id: CUSTOMER,
      customerOpenid: CUSTOMER,
      shopId: 'shop-bo',
      ownerOpenid: 'o-bo',
      status: 'active',
      source,
      boundAt: day(3),
      expiresAt: day(18),
      ruleVersion: 2,
      updatedAt: day(3),
    })
    expect(decision.history).toEqual([
      { customerOpenid: CUSTOMER, kind: 'rebind', shopId: 'shop-bo', fromShopId: 'shop-ann', source, reason: 'last_touch', expiresAt: day(18), ruleVersion: 2, at: day(3) },
    ])
  })

  it('a rebind after the window says the window ended when it did, and that the customer was nobody’s in between', () => {
    const decision = decideBinding(boundTo(ann, t0), shareVisit(bo, day(20)), firstTouch)
    expect(decision.history.map(({ kind, shopId, fromShopId, at, reason }) => ({ kind, shopId, fromShopId, at, reason }))).toEqual([
      { kind: 'expire', shopId: null, fromShopId: 'shop-ann', at: day(15), reason: 'protection_over' },
      { kind: 'rebind', shopId: 'shop-bo', fromShopId: null, at: day(20), reason: 'protection_over' },
    ])
  })

  it('a visit that binds no one still records a window that ran out', () => {
    const decision = decideBinding(boundTo(ann, t0), shareVisit(ann, day(16), { visitorIsEmployee: true }), firstTouch)
    expect(decision).toMatchObject({ outcome: 'keep', reason: 'colleague_shop', binding: { status: 'expired', shopId: 'shop-ann' } })
    expect(decision.history.map((e) => e.kind)).toEqual(['expire'])
  })

  it('a window lasts the configured number of days', () => {
    const decision = decideBinding(null, shareVisit(ann, t0), { ...firstTouch, version: 4, protectionDays: 7 })
    expect(decision.binding?.expiresAt).toEqual(day(7))
    expect(decision.binding?.ruleVersion).toBe(4)
  })

  it('never changes the binding it is given', () => {
    const before = boundTo(ann, t0)
    const copy = structuredClone(before)
    decideBinding(before, shareVisit(bo, day(20)), firstTouch)
    decideBinding(before, shareVisit(bo, day(2)), lastTouch)
    expect(before).toEqual(copy)
  })
})

describe('a paid order extends the window', () => {
  const paid = (paidAt: Date, shopId: string | null = 'shop-ann') => ({ _id: 'order-1', paidAt, attribution: { shopId } })

  it('each paid order of the bound shop restarts the window from the payment', () => {
    const extension = extendBinding(boundTo(ann, t0), paid(day(10)), firstTouch)
    expect(extension.extended).toBe(true)
    expect(extension.binding.expiresAt).toEqual(day(25))
    expect(extension.history).toEqual([
      {
        customerOpenid: CUSTOMER,
        kind: 'extend',
        shopId: 'shop-ann',
        fromShopId: null,
        source: { kind: 'order', orderId: 'order-1' },
        reason: 'paid_order',
        expiresAt: day(25),
        ruleVersion: 1,
        at: day(10),
      },
    ])
  })

  it("so another shop's link on day 20 does not take the customer, and on day 25 it does", () => {
    const { binding } = extendBinding(boundTo(ann, t0), paid(day(10)), firstTouch)
    expect(decideBinding(binding, shareVisit(bo, day(20)), firstTouch)).toMatchObject({ outcome: 'keep', reason: 'protected' })
    expect(decideBinding(binding, shareVisit(bo, day(25)), firstTouch)).toMatchObject({ outcome: 'rebind', binding: { shopId: 'shop-bo' } })
  })

  it.each([
    ['HQ turned extension off', boundTo(ann, t0), paid(day(10)), noExtension, 'rule_off'],
    ['the window had ended when the order was paid', boundTo(ann, t0), paid(day(15)), firstTouch, 'binding_ended'],
    ['the customer had been taken back by HQ', boundTo(ann, t0, { status: 'released' }), paid(day(1)), firstTouch, 'binding_ended'],
    ["the order was another shop's", boundTo(ann, t0), paid(day(10), 'shop-bo'), firstTouch, 'other_shop'],
    ["the order was HQ's", boundTo(ann, t0), paid(day(10), null), firstTouch, 'other_shop'],
    ['a later payment already set a later end', boundTo(ann, t0, { expiresAt: day(30) }), paid(day(10)), firstTouch, 'window_already_longer'],
  ] as const)('no extension when %s', (_when, binding, order, rules, reason) => {
    const extension = extendBinding(binding, order, rules)
    expect(extension.extended).toBe(false)
    expect(extension.reason).toBe(reason)
    expect(extension.binding.expiresAt).toEqual(binding.expiresAt)
  })

  it('a payment notified late still extends a window that was live when it was paid', () => {
    const extension = extendBinding(boundTo(ann, t0), paid(day(14)), firstTouch)
    expect(extension).toMatchObject({ extended: true, binding: { expiresAt: day(29) } })
  })

  it('an order paid after the window records the expiry it found', () => {
    const extension = extendBinding(boundTo(ann, t0), paid(day(16)), firstTouch)
    expect(extension.binding.status).toBe('expired')
    expect(extension.history.map((e) => [e.kind, e.at])).toEqual([['expire', day(15)]])
  })
})

describe('a window runs out', () => {
  it.each([
    ['a moment before its end', day(15).getTime() - 1, 'active', []],
    ['at its end', day(15).getTime(), 'expired', ['expire']],
    ['long after', day(100).getTime(), 'expired', ['expire']],
  ] as const)('%s: %s', (_when, ms, status, kinds) => {
    const { binding, history } = expireBinding(boundTo(ann, t0), new Date(ms))
    expect(binding.status).toBe(status)
    expect(history.map((e) => e.kind)).toEqual(kinds)
    for (const entry of history) expect(entry).toMatchObject({ at: day(15), shopId: null, fromShopId: 'shop-ann', source: { kind: 'clock' } })
  })

  it('once', () => {
    const once = expireBinding(boundTo(ann, t0), day(20))
    expect(expireBinding(once.binding, day(21)).history).toEqual([])
  })
})

describe('moving customers when an owner leaves, or when HQ decides', () => {
  const by = { at: day(3), reason: 'owner_offboarded' as const, byOpenid: 'o-admin' }

  it('to HQ: the customer becomes nobody’s, free for the next share', () => {
    const result = reassignBinding(boundTo(ann, t0), { to: 'hq' }, by, firstTouch)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.binding).toMatchObject({ status: 'released', shopId: 'shop-ann' })
    expect(result.data.history).toEqual([
      { customerOpenid: CUSTOMER, kind: 'reassign', shopId: null, fromShopId: 'shop-ann', source: { kind: 'hq', byOpenid: 'o-admin' }, reason: 'owner_offboarded', expiresAt: null, ruleVersion: 1, at: day(3) },
    ])
    expect(decideBinding(result.data.binding, shareVisit(bo, day(4)), firstTouch)).toMatchObject({ outcome: 'rebind', reason: 'released' })
  })

  it('to a colleague: bound to their shop with a full window from now', () => {
    const result = reassignBinding(boundTo(ann, t0), { to: 'shop', shop: bo }, { ...by, reason: 'hq_decision' }, firstTouch)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.binding).toMatchObject({ status: 'active', shopId: 'shop-bo', ownerOpenid: 'o-bo', boundAt: day(3), expiresAt: day(18), source: { kind: 'hq', byOpenid: 'o-admin' } })
    expect(result.data.history[0]).toMatchObject({ kind: 'reassign', shopId: 'shop-bo', fromShopId: 'shop-ann', reason: 'hq_decision', expiresAt: day(18) })
  })

  it.each([
    ['a binding whose window ended', boundTo(ann, t0), { to: 'hq' }, {}, 'BINDING_NOT_ACTIVE'],
    ['a customer already taken back', boundTo(ann, t0, { status: 'released' }), { to: 'hq' }, {}, 'BINDING_NOT_ACTIVE'],
    ['to a shop that is not active', boundTo(ann, t0), { to: 'shop', shop: cy }, {}, 'SHOP_NOT_ACTIVE'],
    ['to the shop the customer is in', boundTo(ann, t0), { to: 'shop', shop: ann }, {}, 'BINDING_SAME_SHOP'],
    ['to the customer’s own shop', boundTo(ann, t0), { to: 'shop', shop: shopRef('shop-c', CUSTOMER) }, {}, 'BINDING_SELF_REFUSED'],
    ['an employee customer to a colleague', boundTo(ann, t0), { to: 'shop', shop: bo }, { customerIsEmployee: true }, 'BINDING_COLLEAGUE_REFUSED'],
  ] as const)('refuses %s', (_what, binding, target, more, code) => {
    const at = binding.status === 'active' && code === 'BINDING_NOT_ACTIVE' ? day(16) : day(3)
    const result = reassignBinding(binding, target, { ...by, at, ...more }, firstTouch)
    expect(result.ok ? undefined : result.error.code).toBe(code)
  })
})

describe('whose an order is', () => {
  const at = day(2)
  const share = { sharerOpenid: 'o-friend', shareCode: 'k3m9x2hq7c', channel: 'moments' as const }
  const customer = { openid: CUSTOMER, isEmployee: false }
  const annAsBuyer = { openid: 'o-ann', isEmployee: true }
  const order = (more: Partial<AttributionInput>): OrderAttribution => attributeOrder({ buyer: customer, rules: firstTouch, at, ...more })

  type Row = [string, Partial<AttributionInput>, string, string | null, Array<[string, string, string]>]
  // [rule, input, reason, shop, passed over: [shop, as, why]]
  const ROWS: Row[] = [
    ["placed from a shop's page: that shop's, even with the buyer bound elsewhere", { pageShop: { shop: ann, share }, bound: { binding: boundTo(bo, t0), shop: bo } }, 'shop_page', 'shop-ann', []],
    ["placed from a shop's page the buyer came to directly: still that shop's", { pageShop: { shop: ann, share: null } }, 'shop_page', 'shop-ann', []],
    ['placed elsewhere by a bound customer: the bound shop’s', { bound: { binding: boundTo(bo, t0), shop: bo } }, 'bound_customer', 'shop-bo', []],
    ['placed elsewhere by nobody’s customer: HQ’s', {}, 'hq', null, []],
    ["a suspended shop's page: the bound shop's, if active", { pageShop: { shop: cy, share }, bound: { binding: boundTo(bo, t0), shop: bo } }, 'bound_customer', 'shop-bo', [['shop-cy', 'shop_page', 'shop_not_active']]],
    ["a closed shop's page and no binding: HQ's", { pageShop: { shop: di, share } }, 'hq', null, [['shop-di', 'shop_page', 'shop_not_active']]],
    ['bound to a suspended shop: HQ’s', { bound: { binding: boundTo(cy, t0), shop: cy } }, 'hq', null, [['shop-cy', 'bound_customer', 'shop_not_active']]],
    ['a binding whose window ended: HQ’s', { bound: { binding: boundTo(bo, addDays(t0, -20)), shop: bo } }, 'hq', null, [['shop-bo', 'bound_customer', 'binding_ended']]],
    ['an employee in their own shop: theirs, a self-purchase', { buyer: annAsBuyer, pageShop: { shop: ann, share: null }, ownShop: ann }, 'shop_page', 'shop-ann', []],
    ["an employee in a colleague's shop: their own shop's, not the colleague's", { buyer: annAsBuyer, pageShop: { shop: bo, share }, ownShop: ann }, 'own_shop', 'shop-ann', [['shop-bo', 'shop_page', 'colleague_shop']]],
    ['an employee anywhere else: their own shop’s', { buyer: annAsBuyer, ownShop: ann }, 'own_shop', 'shop-ann', []],
    ['an employee bound to a colleague before joining: not the colleague’s', { buyer: annAsBuyer, bound: { binding: boundTo(bo, t0), shop: bo } }, 'hq', null, [['shop-bo', 'bound_customer', 'colleague_shop']]],
    ['an employee whose own shop is suspended: HQ’s', { buyer: annAsBuyer, ownShop: shopRef('shop-ann', 'o-ann', 'suspended') }, 'hq', null, []],
    ['an employee without a shop: HQ’s', { buyer: { openid: 'o-eve', isEmployee: true } }, 'hq', null, []],
  ]

  it.each(ROWS)('%s', (_rule, input, reason, shopId, passedOver) => {
    const attribution = order(input)
    expect(attribution.reason).toBe(reason)
    expect(attribution.shopId).toBe(shopId)
    expect(attribution.passedOver.map((p) => [p.shopId, p.as, p.why])).toEqual(passedOver)
  })

  it("the snapshot of a shop page's order: the shop, its owner, the share that brought the buyer, the rules", () => {
    expect(order({ pageShop: { shop: ann, share } })).toEqual({
      shopId: 'shop-ann',
      ownerOpenid: 'o-ann',
      sharerOpenid: 'o-friend',
      shareCode: 'k3m9x2hq7c',
      channel: 'moments',
      ruleVersion: 1,
      reason: 'shop_page',
      selfPurchase: false,
      passedOver: [],
      decidedAt: at,
    })
  })

  it("the snapshot of a bound customer's order names the share that bound them", () => {
    expect(order({ bound: { binding: boundTo(bo, t0), shop: bo }, rules: lastTouch })).toMatchObject({
      shopId: 'shop-bo',
      ownerOpenid: 'o-bo',
      sharerOpenid: 'o-bo',
      shareCode: 'code-shop-bo',
      channel: 'chat',
      ruleVersion: 2,
    })
  })

  it('a customer HQ moved to a colleague has no share behind the binding', () => {
    const moved = reassignBinding(boundTo(ann, t0), { to: 'shop', shop: bo }, { at: day(1), reason: 'owner_offboarded', byOpenid: null }, firstTouch)
    if (!moved.ok) throw new Error('reassign refused')
    expect(order({ bound: { binding: moved.data.binding, shop: bo } })).toMatchObject({ shopId: 'shop-bo', reason: 'bound_customer', sharerOpenid: null, shareCode: null, channel: 'direct' })
  })

  it("HQ's order names no shop", () => {
    expect(order({})).toEqual({ shopId: null, ownerOpenid: null, sharerOpenid: null, shareCode: null, channel: 'direct', ruleVersion: 1, reason: 'hq', selfPurchase: false, passedOver: [], decidedAt: at })
  })

  it('an employee’s purchase is marked a self-purchase, so commission on it stays HQ’s switch', () => {
    expect(order({ buyer: annAsBuyer, ownShop: ann }).selfPurchase).toBe(true)
    expect(order({ buyer: annAsBuyer, pageShop: { shop: ann, share: null } }).selfPurchase).toBe(true)
    expect(order({ pageShop: { shop: ann, share: null } }).selfPurchase).toBe(false)
  })

  it('the snapshot is a value: rebinding the customer afterwards leaves it as it was', () => {
    const binding = boundTo(bo, t0)
    const snapshot = order({ bound: { binding, shop: bo } })
    const copy = structuredClone(snapshot)
    const rebound = decideBinding(binding, shareVisit(ann, day(3)), lastTouch)
    expect(rebound.binding?.shopId).toBe('shop-ann')
    expect(snapshot).toEqual(copy)
  })
})

describe('the rules HQ configures', () => {
  it('default: 15 days, first touch, a paid order extends', () => {
    expect(attributionRulesInput.parse({})).toEqual({ protectionDays: 15, strategy: 'first_touch', paidOrderExtends: true })
    expect(attributionRules.parse(DEFAULT_ATTRIBUTION_RULES)).toEqual(DEFAULT_ATTRIBUTION_RULES)
  })

  it('each change is a new version', () => {
    const next = reviseAttributionRules(DEFAULT_ATTRIBUTION_RULES, attributionRulesInput.parse({ protectionDays: 30, strategy: 'last_touch' }))
    expect(next).toEqual({ version: 2, protectionDays: 30, strategy: 'last_touch', paidOrderExtends: true })
  })

  // Single level only (WeChat: no 多级分销, no 诱导分享): a setting asking for more is refused by the
  // schema itself, with the reason; any setting the schema does not name is refused.
  it.each([
    ['secondLevelRateBps', 200, 'RULES_MULTI_LEVEL_REFUSED'],
    ['level2RateBps', 100, 'RULES_MULTI_LEVEL_REFUSED'],
    ['teamBonusBps', 50, 'RULES_MULTI_LEVEL_REFUSED'],
    ['downlineCommissionBps', 50, 'RULES_MULTI_LEVEL_REFUSED'],
    ['parentShopRateBps', 50, 'RULES_MULTI_LEVEL_REFUSED'],
    ['indirectRateBps', 50, 'RULES_MULTI_LEVEL_REFUSED'],
    ['recruitRewardFen', 1000, 'RULES_RECRUITING_REWARD_REFUSED'],
    ['inviteShopBonusFen', 1000, 'RULES_RECRUITING_REWARD_REFUSED'],
    ['rewardPerShareFen', 10, 'RULES_SHARING_REWARD_REFUSED'],
    ['momentsPostPoints', 5, 'RULES_SHARING_REWARD_REFUSED'],
    ['openingFeeFen', 9900, 'RULES_SHOP_FEE_REFUSED'],
    ['minimumStockPurchaseFen', 100000, 'RULES_SHOP_FEE_REFUSED'],
    ['colour', 'green', 'RULES_UNKNOWN_SETTING'],
  ])('refuses %s = %j: %s', (setting, value, problem) => {
    const { version: _version, ...settings } = DEFAULT_ATTRIBUTION_RULES
    for (const [schema, rules] of [[attributionRulesInput, settings], [attributionRules, DEFAULT_ATTRIBUTION_RULES]] as const) {
      const parsed = schema.safeParse({ ...rules, [setting]: value })
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[setting, problem]])
    }
  })

  it.each([
    [{ protectionDays: 0 }, 'protectionDays', 'RULES_PROTECTION_DAYS_INVALID'],
    [{ protectionDays: 366 }, 'protectionDays', 'RULES_PROTECTION_DAYS_INVALID'],
    [{ protectionDays: 7.5 }, 'protectionDays', 'RULES_PROTECTION_DAYS_INVALID'],
    [{ protectionDays: '15' }, 'protectionDays', 'RULES_PROTECTION_DAYS_INVALID'],
    [{ strategy: 'random' }, 'strategy', 'RULES_STRATEGY_INVALID'],
  ])('refuses %j', (input, path, problem) => {
    const parsed = attributionRulesInput.safeParse(input)
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, problem]])
  })

  it('HQ does not choose the version; stored rules must carry one', () => {
    expect(attributionRulesInput.safeParse({ version: 9 }).error?.issues[0]).toMatchObject({ path: ['version'], message: 'RULES_UNKNOWN_SETTING' })
    expect(attributionRules.safeParse({ protectionDays: 15 }).success).toBe(false)
  })
})
