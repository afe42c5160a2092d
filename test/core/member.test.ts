import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MEMBER_RULES,
  MemberRules,
  levelDiscount,
  memberRulesInput,
  pointsDiscount,
  pointsEarnedOn,
  pointsRedemption,
  pointsSpentOn,
  pointsTakenBack,
  shippingFor,
  spentPointsBack,
  standingOf,
} from '../../src/core/member'
import type { Order, Refund } from '../../src/core/order'
import { CatalogLine, quoteOrder } from '../../src/core/pricing'
import { DEFAULT_SHIPPING_RULES as DEFAULT_SHIPPING } from '../../src/core/shipping-rules'

const rules: MemberRules = DEFAULT_MEMBER_RULES
const [standard, silver, gold] = rules.levels

const line = (skuId: string, priceFen: number, quantity: number): CatalogLine => ({
  sku: { _id: skuId, productId: `p-${skuId}`, specs: {}, priceFen, stock: 100 },
  product: { _id: `p-${skuId}`, title: skuId, images: [], onShelf: true, categoryId: 'cat' },
  quantity,
})

describe('points earned on the goods money a completed order paid', () => {
  it.each([
    ['one point per ¥1, fractions of a yuan dropped', 12_399, 100, 123],
    ['nothing under ¥1', 99, 100, 0],
    ['one point per ¥10', 12_399, 10, 12],
    ['two points per ¥1', 150, 200, 3],
    ['no points when HQ sets the rate to 0', 50_000, 0, 0],
  ])('%s', (_rule, paidGoodsFen, earnPointsPer100Yuan, points) => {
    expect(pointsEarnedOn(paidGoodsFen, earnPointsPer100Yuan)).toBe(points)
  })
})

describe('spending points at checkout', () => {
  it.each([
    ['100 points are ¥1', 500, 500, 10_000, { points: 500, amountFen: 500 }],
    ['at most 20 % of the goods: the rest of the choice is not spent', 5000, 5000, 10_000, { points: 2000, amountFen: 2000 }],
    ['the cap rounds down to whole fen', 5000, 5000, 999, { points: 199, amountFen: 199 }],
    ['nothing chosen spends nothing', 0, 5000, 10_000, { points: 0, amountFen: 0 }],
  ])('%s', (_rule, chosen, balance, goodsLeftFen, spent) => {
    expect(pointsRedemption(chosen, balance, goodsLeftFen, rules)).toEqual({ ok: true, data: spent })
  })

  it('only whole fen are bought, with the fewest points that buy them', () => {
    expect(pointsRedemption(250, 250, 100_000, { pointsPerYuan: 200, redeemCapBps: 10_000 })).toEqual({ ok: true, data: { points: 250, amountFen: 125 } })
    expect(pointsRedemption(251, 251, 100_000, { pointsPerYuan: 200, redeemCapBps: 10_000 })).toEqual({ ok: true, data: { points: 250, amountFen: 125 } })
  })

  it('more than the balance is refused, with the balance', () => {
    expect(pointsRedemption(501, 500, 10_000, rules)).toEqual({ ok: false, error: { code: 'POINTS_INSUFFICIENT', details: { balance: 500 } } })
  })

  it('runs last: the cap is judged on the goods the member discount left', () => {
    const quote = quoteOrder([line('a', 10_000, 1)], { shipping: DEFAULT_SHIPPING, policies: [levelDiscount(gold), pointsDiscount(99_999, 99_999, rules)] })
    // Gold takes 5 % (¥5.00) off ¥100.00; points pay at most 20 % of the ¥95.00 left: ¥19.00.
    expect(quote.ok && quote.data.discounts).toEqual([
      { source: 'member:gold', label: 'gold', amountFen: 500 },
      { source: 'points', label: 'points', amountFen: 1900, points: 1900 },
    ])
    expect(quote.ok && quote.data).toMatchObject({ discountFen: 2400, shippingFen: 1000, payableFen: 8600 })
    expect(quote.ok && pointsSpentOn(quote.data)).toBe(1900)
  })
})

describe('member levels follow completed spend', () => {
  it.each([
    ['nothing yet', 0, 'standard', { level: 'silver', thresholdFen: 100_000, shortfallFen: 100_000 }],
    ['one fen below silver', 99_999, 'standard', { level: 'silver', thresholdFen: 100_000, shortfallFen: 1 }],
    ['exactly at silver', 100_000, 'silver', { level: 'gold', thresholdFen: 500_000, shortfallFen: 400_000 }],
    ['one fen below gold', 499_999, 'silver', { level: 'gold', thresholdFen: 500_000, shortfallFen: 1 }],
    ['gold: no next level', 500_000, 'gold', null],
  ])('%s', (_case, spendFen, level, next) => {
    expect(standingOf(spendFen, rules)).toEqual({ level: rules.levels.find((l) => l.level === level), next })
  })

  it("a level's benefit: a discount on the goods, rounded down, or free shipping", () => {
    const quote = quoteOrder([line('a', 3333, 1)], { shipping: shippingFor(silver, DEFAULT_SHIPPING), policies: [levelDiscount(silver)] })
    expect(quote.ok && quote.data).toMatchObject({ discountFen: 66, shippingFen: 1000, payableFen: 3267 + 1000 })
    const free = quoteOrder([line('a', 3333, 1)], { shipping: shippingFor(gold, DEFAULT_SHIPPING), policies: [levelDiscount(standard)] })
    expect(free.ok && free.data).toMatchObject({ discountFen: 0, shippingFen: 0, payableFen: 3333 })
  })
})

describe("HQ's rules refuse nonsense", () => {
  const levels = (...thresholds: number[]) => rules.levels.map((l, i) => ({ ...l, thresholdFen: thresholds[i] }))
  it.each([
    ['a negative earning rate', { earnPointsPer100Yuan: -1 }],
    ['points worth nothing', { pointsPerYuan: 0 }],
    ['a cap over 100 %', { redeemCapBps: 10_001 }],
    ['thresholds not increasing', { levels: levels(0, 100_000, 100_000) }],
    ['a first level that needs spend', { levels: levels(1, 100_000, 200_000) }],
    ['a level discount over half', { levels: rules.levels.map((l) => ({ ...l, discountBps: 5001 })) }],
    ['levels out of order', { levels: [silver, standard, gold] }],
  ])('%s', (_case, change) => {
    const { version: _version, ...settings } = rules
    expect(memberRulesInput.safeParse({ ...settings, ...change }).success).toBe(false)
  })
  it('and take sensible ones', () => {
    const { version: _version, ...settings } = rules
    expect(memberRulesInput.safeParse({ ...settings, redeemCapBps: 10_000 }).success).toBe(true)
  })
})

describe('refunds and points', () => {
  const refunded = (goodsFen: number, final = false): Refund =>
    ({ status: 'refunded', lines: [{ lineIndex: 0, quantity: final ? 2 : 0, goodsFen }], goodsFen, shippingFen: 0, amountFen: goodsFen, final }) as Refund
  /** Two units for ¥100.00, ¥10.00 of it paid with 1000 points. */
  const order = (...refunds: Refund[]): Pick<Order, 'discounts' | 'goodsFen' | 'discountFen' | 'lines' | 'refund' | 'previousRefunds'> => ({
    discounts: [{ source: 'points', label: 'points', amountFen: 1000, points: 1000 }],
    goodsFen: 10_000,
    discountFen: 1000,
    lines: [{ quantity: 2, paidFen: 9000 } as Order['lines'][number]],
    refund: refunds[refunds.length - 1],
    previousRefunds: refunds.slice(0, -1),
  })

  it('spent points come back in the refunded share of the goods money, rounded down', () => {
    expect(spentPointsBack(order())).toBe(0)
    expect(spentPointsBack(order(refunded(3001)))).toBe(333)
    expect(spentPointsBack(order(refunded(3001), refunded(3000)))).toBe(666)
  })

  it('all of them once the buyer keeps no goods', () => {
    expect(spentPointsBack(order(refunded(3001), refunded(5999, true)))).toBe(1000)
  })

  it('a refund that is not through yet gives nothing back', () => {
    expect(spentPointsBack(order({ ...refunded(9000, true), status: 'approved' }))).toBe(0)
  })

  it('earned points its money no longer earns are taken back, at the rate they were earned at', () => {
    expect(pointsTakenBack(100, 9000, 6000, 500)).toBe(30)
    expect(pointsTakenBack(100, 9050, 9000, 500)).toBe(0)
    expect(pointsTakenBack(10, 9000, 0, 500)).toBe(9)
  })

  it('never more than the balance holds: the rest is forgiven', () => {
    expect(pointsTakenBack(100, 9000, 0, 20)).toBe(20)
  })
})
