import { describe, expect, it } from 'vitest'
import {
  Coupon,
  CouponOffer,
  CouponTemplate,
  CouponTemplateInput,
  bestOffer,
  checkClaim,
  checkTemplate,
  couponPolicy,
  couponState,
  fitCoupon,
  issueCoupon,
} from '../../src/core/coupon'
import { quoteOrder, type CatalogLine, type DiscountPolicy, type ShippingRule } from '../../src/core/pricing'
import { ok } from '../../src/core/result'

const NOW = new Date('2026-11-29T10:00:00Z')
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000)
const DAY = 24 * 60 * 60
/** 满 ¥99 包邮, else ¥10. */
const SHIPPING: ShippingRule = { freeOverFen: 9900, feeFen: 1000 }

const coupon = (overrides: Partial<Coupon> = {}): Coupon => ({
  _id: 'c-1',
  templateId: 't-1',
  ownerOpenid: 'o-a',
  name: '满100减10',
  benefit: { kind: 'amount', amountFen: 1000 },
  thresholdFen: 10000,
  scope: { kind: 'all' },
  startsAt: at(-DAY),
  expiresAt: at(DAY),
  status: 'unused',
  orderNo: null,
  origin: 'claim',
  issuedAt: at(-DAY),
  updatedAt: at(-DAY),
  ...overrides,
})

/** Lines of products `p-<x>` in category `cat-<y>`. */
const lines = (...spec: Array<[product: string, category: string, totalFen: number]>) =>
  spec.map(([p, c, lineTotalFen]) => ({ productId: `p-${p}`, categoryId: `cat-${c}`, lineTotalFen }))

const input = (overrides: Partial<CouponTemplateInput> = {}): CouponTemplateInput => ({
  name: '满100减10',
  benefit: { kind: 'amount', amountFen: 1000 },
  thresholdFen: 10000,
  scope: { kind: 'all' },
  validity: { kind: 'days', days: 7 },
  perUserLimit: 1,
  quantity: 100,
  issue: 'claim',
  ...overrides,
})

const template = (overrides: Partial<CouponTemplate> = {}): CouponTemplate => ({ ...input(), _id: 't-1', issued: 0, status: 'active', createdAt: NOW, updatedAt: NOW, ...overrides })

describe('a template HQ writes', () => {
  it('is accepted when it makes sense', () => {
    expect(checkTemplate(input()).ok).toBe(true)
    expect(checkTemplate(input({ benefit: { kind: 'percent', percentOffBps: 2000, capFen: 3000 }, thresholdFen: 0 })).ok).toBe(true)
  })

  it.each<[string, Partial<CouponTemplateInput>, string]>([
    ['a coupon for sharing (诱导分享 is against WeChat\'s rules)', { issue: 'share' }, 'share_reward_forbidden'],
    ['满100减100: as much off as the threshold', { benefit: { kind: 'amount', amountFen: 10000 } }, 'amount_not_below_threshold'],
    ['减0', { benefit: { kind: 'amount', amountFen: 0 } }, 'amount_not_below_threshold'],
    ['0.5折', { benefit: { kind: 'percent', percentOffBps: 9500 } }, 'percent_out_of_range'],
    ['9.95折', { benefit: { kind: 'percent', percentOffBps: 50 } }, 'percent_out_of_range'],
    ['a cap of 0', { benefit: { kind: 'percent', percentOffBps: 2000, capFen: 0 } }, 'cap_invalid'],
    ['an end before the start', { validity: { kind: 'fixed', startAt: NOW, endAt: NOW } }, 'dates_invalid'],
    ['0 days', { validity: { kind: 'days', days: 0 } }, 'days_invalid'],
    ['366 days', { validity: { kind: 'days', days: 366 } }, 'days_invalid'],
    ['a category scope with no category', { scope: { kind: 'categories', ids: [] } }, 'scope_empty'],
    ['11 per buyer', { perUserLimit: 11 }, 'limit_invalid'],
    ['no coupons at all', { quantity: 0 }, 'limit_invalid'],
  ])('refuses %s', (_name, overrides, problem) => {
    expect(checkTemplate(input(overrides))).toEqual({ ok: false, error: { code: 'COUPON_TEMPLATE_INVALID', details: { problem } } })
  })

  it('无门槛: any amount off with no threshold', () => {
    expect(checkTemplate(input({ thresholdFen: 0, benefit: { kind: 'amount', amountFen: 500 } })).ok).toBe(true)
  })
})

describe('claiming', () => {
  it('is allowed while the template is active, not sold out, and the buyer under the limit', () => {
    expect(checkClaim(template(), null, NOW).ok).toBe(true)
    expect(checkClaim(template({ perUserLimit: 2 }), { _id: 'h', count: 1, updatedAt: NOW }, NOW).ok).toBe(true)
  })

  it.each<[string, Partial<CouponTemplate>, number, string]>([
    ['a stopped template', { status: 'stopped' }, 0, 'COUPON_TEMPLATE_STOPPED'],
    ['a template whose dates ended', { validity: { kind: 'fixed', startAt: at(-2 * DAY), endAt: NOW } }, 0, 'COUPON_TEMPLATE_STOPPED'],
    ['the last coupon gone', { issued: 100 }, 0, 'COUPON_SOLD_OUT'],
    ['a buyer at the per-user limit', { perUserLimit: 2 }, 2, 'COUPON_LIMIT_REACHED'],
    ['a repurchase coupon (given, never claimed)', { issue: 'repurchase' }, 0, 'COUPON_NOT_CLAIMABLE'],
  ])('refuses %s', (_name, overrides, held, code) => {
    const claim = checkClaim(template(overrides), held ? { _id: 'h', count: held, updatedAt: NOW } : null, NOW)
    expect(!claim.ok && claim.error.code).toBe(code)
  })

  it('a template with fixed dates can be claimed up to one second before its end', () => {
    const fixed = template({ validity: { kind: 'fixed', startAt: at(-DAY), endAt: at(1) } })
    expect(checkClaim(fixed, null, NOW).ok).toBe(true)
    expect(checkClaim(fixed, null, at(1)).ok).toBe(false)
  })

  it('issues a copy of the terms: fixed dates as the template\'s, N days from the claim otherwise', () => {
    const byDays = issueCoupon(template(), 'o-a', 'claim', NOW)
    expect(byDays).toMatchObject({ ownerOpenid: 'o-a', thresholdFen: 10000, benefit: { amountFen: 1000 }, startsAt: NOW, expiresAt: at(7 * DAY), status: 'unused', orderNo: null })
    const fixed = issueCoupon(template({ validity: { kind: 'fixed', startAt: at(DAY), endAt: at(3 * DAY) } }), 'o-a', 'claim', NOW)
    expect(fixed).toMatchObject({ startsAt: at(DAY), expiresAt: at(3 * DAY) })
  })
})

describe('a coupon against an order', () => {
  it('满100减10 applies at the threshold and not one fen below', () => {
    expect(fitCoupon(coupon(), lines(['a', 'x', 10000]), 0, NOW)).toEqual({ applies: true, savingFen: 1000 })
    expect(fitCoupon(coupon(), lines(['a', 'x', 9999]), 0, NOW)).toEqual({ applies: false, blocker: { kind: 'below_threshold', shortFen: 1 } })
  })

  it('the threshold is judged after the discounts before coupons (a member discount)', () => {
    expect(fitCoupon(coupon(), lines(['a', 'x', 10500]), 500, NOW).applies).toBe(true)
    expect(fitCoupon(coupon(), lines(['a', 'x', 10500]), 501, NOW)).toEqual({ applies: false, blocker: { kind: 'below_threshold', shortFen: 1 } })
  })

  it('a percentage takes its share, rounded down to the fen, at most the cap', () => {
    const eightyFive = coupon({ benefit: { kind: 'percent', percentOffBps: 1500 }, thresholdFen: 0 })
    expect(fitCoupon(eightyFive, lines(['a', 'x', 9999]), 0, NOW)).toEqual({ applies: true, savingFen: 1499 })
    const capped = coupon({ benefit: { kind: 'percent', percentOffBps: 2000, capFen: 3000 }, thresholdFen: 0 })
    expect(fitCoupon(capped, lines(['a', 'x', 14900]), 0, NOW)).toEqual({ applies: true, savingFen: 2980 })
    expect(fitCoupon(capped, lines(['a', 'x', 15100]), 0, NOW)).toEqual({ applies: true, savingFen: 3000 })
  })

  it('counts only the lines in scope, for the threshold and the percentage', () => {
    const teaOnly = coupon({ scope: { kind: 'categories', ids: ['cat-tea'] } })
    expect(fitCoupon(teaOnly, lines(['a', 'tea', 6000], ['b', 'cup', 8000]), 0, NOW)).toEqual({ applies: false, blocker: { kind: 'below_threshold', shortFen: 4000 } })
    expect(fitCoupon(teaOnly, lines(['a', 'tea', 6000], ['c', 'tea', 4000]), 0, NOW).applies).toBe(true)
    expect(fitCoupon(teaOnly, lines(['b', 'cup', 20000]), 0, NOW)).toEqual({ applies: false, blocker: { kind: 'out_of_scope' } })
    const oneProduct = coupon({ scope: { kind: 'products', ids: ['p-b'] }, benefit: { kind: 'percent', percentOffBps: 1000 }, thresholdFen: 0 })
    expect(fitCoupon(oneProduct, lines(['a', 'tea', 6000], ['b', 'tea', 8000]), 0, NOW)).toEqual({ applies: true, savingFen: 800 })
  })

  it('never takes off more than the goods it counts', () => {
    const big = coupon({ benefit: { kind: 'amount', amountFen: 5000 }, thresholdFen: 0 })
    expect(fitCoupon(big, lines(['a', 'x', 3000]), 0, NOW)).toEqual({ applies: true, savingFen: 3000 })
  })

  it('is valid from its start to one second before its expiry', () => {
    const c = coupon({ startsAt: at(0), expiresAt: at(DAY) })
    const order = lines(['a', 'x', 10000])
    expect(fitCoupon(c, order, 0, at(-1))).toEqual({ applies: false, blocker: { kind: 'not_started', startsAt: at(0) } })
    expect(fitCoupon(c, order, 0, at(0)).applies).toBe(true)
    expect(fitCoupon(c, order, 0, at(DAY - 1)).applies).toBe(true)
    expect(fitCoupon(c, order, 0, at(DAY))).toEqual({ applies: false, blocker: { kind: 'expired' } })
    expect(couponState(c, at(DAY - 1))).toBe('unused')
    expect(couponState(c, at(DAY))).toBe('expired')
  })

  it('a used coupon applies to nothing', () => {
    expect(fitCoupon(coupon({ status: 'used', orderNo: 'N1' }), lines(['a', 'x', 50000]), 0, NOW)).toEqual({ applies: false, blocker: { kind: 'used' } })
    expect(couponState(coupon({ status: 'used' }), at(10 * DAY))).toBe('used')
  })
})

describe('the best coupon', () => {
  const offer = (couponId: string, savingFen: number | null, expiresInDays: number): CouponOffer => ({
    couponId,
    name: couponId,
    benefit: { kind: 'amount', amountFen: 1 },
    thresholdFen: 0,
    expiresAt: at(expiresInDays * DAY),
    fit: savingFen === null ? { applies: false, blocker: { kind: 'out_of_scope' } } : { applies: true, savingFen },
  })

  it('is the largest saving among those that apply', () => {
    expect(bestOffer([offer('a', 500, 1), offer('b', 1500, 9), offer('c', null, 1)])?.couponId).toBe('b')
  })

  it('on a tie, the one that expires first, so the longer-lived one is kept', () => {
    expect(bestOffer([offer('a', 1000, 5), offer('b', 1000, 2)])?.couponId).toBe('b')
  })

  it('on a tie in both, the smaller id, the same on every call', () => {
    expect(bestOffer([offer('b', 1000, 2), offer('a', 1000, 2)])?.couponId).toBe('a')
    expect(bestOffer([offer('a', 1000, 2), offer('b', 1000, 2)])?.couponId).toBe('a')
  })

  it('is none when none applies', () => {
    expect(bestOffer([offer('a', null, 1)])).toBeNull()
  })
})

describe('the coupon step of pricing', () => {
  const catalogLine = (priceFen: number, quantity = 1): CatalogLine => ({
    sku: { _id: 's', productId: 'p-a', specs: {}, priceFen, stock: 100 },
    product: { _id: 'p-a', title: '茶', images: [], onShelf: true, categoryId: 'cat-x' },
    quantity,
  })
  const held = [coupon({ _id: 'c-10' }), coupon({ _id: 'c-20', name: '满200减20', benefit: { kind: 'amount', amountFen: 2000 }, thresholdFen: 20000 })]
  const member: DiscountPolicy = { discountsFor: () => ok([{ source: 'member:gold', label: '金卡', amountFen: 500 }]) }
  const price = (priceFen: number, choice: string | null | undefined, before: DiscountPolicy[] = []) =>
    quoteOrder([catalogLine(priceFen)], { shipping: SHIPPING, policies: [...before, couponPolicy(held, choice, NOW)] })

  it('applies the best coupon when the buyer has not chosen', () => {
    expect(price(25000, undefined)).toMatchObject({ ok: true, data: { discountFen: 2000, discounts: [{ source: 'coupon:c-20', amountFen: 2000 }] } })
    expect(price(15000, undefined)).toMatchObject({ ok: true, data: { discountFen: 1000, discounts: [{ source: 'coupon:c-10' }] } })
  })

  it('applies the coupon chosen, none when the buyer chose none', () => {
    expect(price(25000, 'c-10')).toMatchObject({ ok: true, data: { discountFen: 1000 } })
    expect(price(25000, null)).toMatchObject({ ok: true, data: { discountFen: 0, discounts: [] } })
  })

  it('refuses a chosen coupon that does not apply, or that the buyer does not hold', () => {
    expect(price(15000, 'c-20')).toEqual({ ok: false, error: { code: 'COUPON_NOT_APPLICABLE', details: { couponId: 'c-20', kind: 'below_threshold', shortFen: 5000 } } })
    expect(price(15000, 'c-99')).toEqual({ ok: false, error: { code: 'COUPON_NOT_FOUND', details: { couponId: 'c-99' } } })
  })

  it('comes after the member discount, whose amount it does not count toward its threshold', () => {
    expect(price(20400, undefined, [member])).toMatchObject({ ok: true, data: { discountFen: 1500, discounts: [{ source: 'member:gold' }, { source: 'coupon:c-10' }] } })
  })

  it('lists every held coupon for the sheet: applicable first by saving, the others with why', () => {
    const offers = couponPolicy(held, undefined, NOW).offersFor(
      [{ skuId: 's', productId: 'p-a', categoryId: 'cat-x', title: '', specs: {}, image: '', unitPriceFen: 15000, quantity: 1, lineTotalFen: 15000 }],
      [],
    )
    expect(offers.map((o) => [o.couponId, o.fit])).toEqual([
      ['c-10', { applies: true, savingFen: 1000 }],
      ['c-20', { applies: false, blocker: { kind: 'below_threshold', shortFen: 5000 } }],
    ])
  })
})
