import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ok } from '../../src/core/result'
import {
  CommissionEntry,
  CommissionOrder,
  CommissionRules,
  WithdrawalEntry,
  DEFAULT_COMMISSION_RULES,
  accrueCommission,
  appendEntries,
  balancesOf,
  commissionLines,
  commissionRules,
  commissionRulesInput,
  freezeCommission,
  refundCommission,
  releaseCommission,
  requestWithdrawal,
  reverseWithdrawal,
} from '../../src/core/commission'
import type { OrderAttributionRecord } from '../../src/core/order'
import type { PricedLine } from '../../src/core/pricing'
import { addDays } from '../../src/core/time'

const SHOP = 'shop-1'
const PAID_AT = new Date('2026-11-01T02:00:00Z')
const CONFIRMED_AT = new Date('2026-11-05T10:30:00Z')

const rules = (change: Partial<CommissionRules> = {}): CommissionRules => ({ ...DEFAULT_COMMISSION_RULES, defaultRateBps: 1000, ...change })

type LineSpec = { productId?: string; categoryId?: string; lineTotalFen: number; discountFen?: number }

const line = ({ productId = 'tea', categoryId = 'green', lineTotalFen, discountFen = 0 }: LineSpec): PricedLine => ({
  skuId: `${productId}-sku`,
  productId,
  categoryId,
  title: productId,
  specs: {},
  image: '',
  unitPriceFen: lineTotalFen,
  quantity: 1,
  lineTotalFen,
  discountFen,
  paidFen: lineTotalFen - discountFen,
})

const attribution = (change: Partial<OrderAttributionRecord> = {}): OrderAttributionRecord => ({
  shopId: SHOP,
  ownerOpenid: 'owner',
  sharerOpenid: 'owner',
  shareCode: 'code',
  channel: 'chat',
  ruleVersion: 1,
  reason: 'shop_page',
  selfPurchase: false,
  passedOver: [],
  decidedAt: PAID_AT,
  shopName: '小店',
  ownerName: '店主',
  ...change,
})

const order = (id: string, lines: LineSpec[], change: Partial<OrderAttributionRecord> | null = {}): CommissionOrder => ({
  _id: id,
  lines: lines.map(line),
  attribution: change === null ? undefined : attribution(change),
})

/** Books moves in order, failing the test on a refusal or a key booked twice. */
function book(ledger: CommissionEntry[], ...batches: Array<CommissionEntry[] | { ok: boolean; data?: CommissionEntry | CommissionEntry[] }>): CommissionEntry[] {
  let out = ledger
  for (const batch of batches) {
    const entries = Array.isArray(batch) ? batch : batch.ok ? [batch.data!].flat() : expect.fail(`refused: ${JSON.stringify(batch)}`)
    const appended = appendEntries(out, entries)
    if (!appended.ok) expect.fail(`duplicate: ${JSON.stringify(appended.error)}`)
    out = appended.data
  }
  return out
}

describe('commission amounts: a rate per product, else per category, else the default, on what was paid, rounded down', () => {
  const r = rules({ defaultRateBps: 500, categoryRatesBps: { green: 800, wine: 1200 }, productRatesBps: { longjing: 1500, free: 0 } })
  it.each([
    ['the product rate wins over its category', { productId: 'longjing', categoryId: 'green', lineTotalFen: 10000 }, 1500, 'product', 1500],
    ['a product rate of 0 is a rate, not a missing one', { productId: 'free', categoryId: 'green', lineTotalFen: 10000 }, 0, 'product', 0],
    ['else the category rate', { productId: 'biluochun', categoryId: 'green', lineTotalFen: 10000 }, 800, 'category', 800],
    ['else the default', { productId: 'cup', categoryId: 'ware', lineTotalFen: 10000 }, 500, 'default', 500],
    ['rounded down to the fen (99 × 5% = 4.95)', { productId: 'cup', categoryId: 'ware', lineTotalFen: 99 }, 500, 'default', 4],
    ['under one fen is nothing (19 × 5%)', { productId: 'cup', categoryId: 'ware', lineTotalFen: 19 }, 500, 'default', 0],
    ['on the amount paid after the line’s discount (12800 − 2800)', { productId: 'wine', categoryId: 'wine', lineTotalFen: 12800, discountFen: 2800 }, 1200, 'category', 1200],
    ['a line discounted to nothing earns nothing', { productId: 'cup', categoryId: 'ware', lineTotalFen: 500, discountFen: 500 }, 500, 'default', 0],
  ] as Array<[string, LineSpec, number, string, number]>)('%s', (_rule, spec, rateBps, rateSource, commissionFen) => {
    const [entry] = commissionLines(order('o1', [spec]), r)
    expect(entry).toMatchObject({ lineIndex: 0, rateBps, rateSource, commissionFen, ruleVersion: r.version, baseFen: spec.lineTotalFen - (spec.discountFen ?? 0) })
  })

  it('each line on its own paid amount; shipping is never part of any line', () => {
    // Quote: goods 10000 + 5000, discount 1500 prorated 1000 / 500, shipping 1000 paid on top.
    const o = order('o1', [
      { productId: 'a', lineTotalFen: 10000, discountFen: 1000 },
      { productId: 'b', lineTotalFen: 5000, discountFen: 500 },
    ])
    expect(commissionLines({ ...o, ...{ shippingFen: 1000 } }, rules()).map((l) => [l.baseFen, l.commissionFen])).toEqual([
      [9000, 900],
      [4500, 450],
    ])
  })

  it.each([
    ['HQ’s order (no shop) earns nothing', { shopId: null }, rules(), 'hq_order', 0],
    ['a self-purchase earns nothing while the switch is off (the default)', { selfPurchase: true }, rules(), 'self_purchase', 0],
    ['a self-purchase earns when HQ turns the switch on', { selfPurchase: true }, rules({ selfPurchaseCommission: true }), 'default', 1000],
    ['an ordinary shop order earns', {}, rules(), 'default', 1000],
  ])('%s', (_rule, change, r, rateSource, commissionFen) => {
    expect(commissionLines(order('o1', [{ lineTotalFen: 10000 }], change), r)[0]).toMatchObject({ rateSource, commissionFen })
  })

  it('an order from before 全员开店 (no attribution) is HQ’s', () => {
    expect(commissionLines(order('o1', [{ lineTotalFen: 10000 }], null), rules())[0]).toMatchObject({ rateSource: 'hq_order', commissionFen: 0 })
  })
})

describe('commission rules: single level, refused by the configuration itself', () => {
  it.each([
    ['secondLevelRateBps', 200, 'RULES_MULTI_LEVEL_REFUSED'],
    ['teamBonusBps', 50, 'RULES_MULTI_LEVEL_REFUSED'],
    ['downlineRatesBps', { a: 100 }, 'RULES_MULTI_LEVEL_REFUSED'],
    ['parentShopRateBps', 50, 'RULES_MULTI_LEVEL_REFUSED'],
    ['recruitRewardFen', 1000, 'RULES_RECRUITING_REWARD_REFUSED'],
    ['inviteShopBonusFen', 1000, 'RULES_RECRUITING_REWARD_REFUSED'],
    ['rewardPerShareFen', 10, 'RULES_SHARING_REWARD_REFUSED'],
    ['colour', 'green', 'RULES_UNKNOWN_SETTING'],
  ])('%s is refused: %s', (key, value, reason) => {
    const parsed = commissionRulesInput.safeParse({ defaultRateBps: 500, [key]: value })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({ path: [key], message: reason })
  })

  it.each([
    [{ defaultRateBps: -1 }, ['defaultRateBps'], 'COMMISSION_RATE_INVALID'],
    [{ defaultRateBps: 10001 }, ['defaultRateBps'], 'COMMISSION_RATE_INVALID'],
    [{ defaultRateBps: 2.5 }, ['defaultRateBps'], 'COMMISSION_RATE_INVALID'],
    [{ categoryRatesBps: { green: 20000 } }, ['categoryRatesBps', 'green'], 'COMMISSION_RATE_INVALID'],
    [{ productRatesBps: { tea: '5%' } }, ['productRatesBps', 'tea'], 'COMMISSION_RATE_INVALID'],
    [{ afterSalesDays: -1 }, ['afterSalesDays'], 'COMMISSION_AFTER_SALES_DAYS_INVALID'],
    [{ withdrawalMinFen: 50 }, ['withdrawalMinFen'], 'COMMISSION_WITHDRAWAL_MINIMUM_INVALID'],
    [{ withdrawalDailyMaxFen: 99 }, ['withdrawalDailyMaxFen'], 'COMMISSION_WITHDRAWAL_DAILY_MAX_INVALID'],
    [{ withdrawalAutoApproveMaxFen: -1 }, ['withdrawalAutoApproveMaxFen'], 'COMMISSION_WITHDRAWAL_AUTO_APPROVE_INVALID'],
  ])('%j is refused at %j', (input, path, reason) => {
    expect(commissionRulesInput.safeParse(input).error?.issues[0]).toMatchObject({ path, message: reason })
  })

  it('the defaults: self-purchase off, a 7-day after-sales window, ¥1 minimum, ¥2,000 a day, HQ approves every withdrawal; rates 0–10000 accepted', () => {
    expect(commissionRulesInput.parse({ defaultRateBps: 10000, productRatesBps: { tea: 0 } })).toEqual({
      defaultRateBps: 10000,
      categoryRatesBps: {},
      productRatesBps: { tea: 0 },
      selfPurchaseCommission: false,
      afterSalesDays: 7,
      withdrawalMinFen: 100,
      withdrawalDailyMaxFen: 200_000,
      withdrawalAutoApproveMaxFen: 0,
    })
    expect(commissionRules.parse(DEFAULT_COMMISSION_RULES)).toEqual(DEFAULT_COMMISSION_RULES)
  })
})

describe('the lifecycle: pending when paid, frozen at receipt, available after the after-sales window', () => {
  const o = order('o1', [{ productId: 'a', lineTotalFen: 10000 }, { productId: 'b', lineTotalFen: 5000 }])
  const paid = () => book([], accrueCommission([], o, rules(), PAID_AT))
  const confirmed = () => {
    const l = paid()
    return book(l, freezeCommission(l, 'o1', rules(), CONFIRMED_AT))
  }

  it('paid: pending, each entry keyed by its order line and carrying the rule version', () => {
    const l = paid()
    expect(balancesOf(l)).toEqual({ pendingFen: 1500, frozenFen: 0, availableFen: 0, withdrawnFen: 0, owedFen: 0 })
    expect(l.map((e) => [e.key, e.kind, e.amountFen, 'ruleVersion' in e && e.ruleVersion])).toEqual([
      ['o1:0:accrue', 'accrue', 1000, 1],
      ['o1:1:accrue', 'accrue', 500, 1],
    ])
  })

  it('a payment notified twice accrues once; booking the same entries again is refused by key', () => {
    const l = paid()
    expect(accrueCommission(l, o, rules(), PAID_AT)).toEqual([])
    expect(appendEntries(l, l.slice(0, 1))).toEqual({ ok: false, error: { code: 'COMMISSION_ENTRY_DUPLICATE', details: { key: 'o1:0:accrue' } } })
  })

  it('receipt confirmed: frozen, with the window fixed at that moment', () => {
    const l = confirmed()
    expect(balancesOf(l)).toMatchObject({ pendingFen: 0, frozenFen: 1500, availableFen: 0 })
    expect(freezeCommission(l, 'o1', rules(), CONFIRMED_AT)).toEqual([])
  })

  it.each([
    ['one millisecond before the window ends: refused', -1, false],
    ['exactly at the window’s end: released', 0, true],
    ['after it: released', 60_000, true],
  ])('%s', (_rule, offsetMs, released) => {
    const l = confirmed()
    const at = new Date(addDays(CONFIRMED_AT, 7).getTime() + offsetMs)
    const result = releaseCommission(l, 'o1', at)
    if (!released) {
      expect(result).toMatchObject({ ok: false, error: { code: 'COMMISSION_RELEASE_NOT_DUE', details: { releasableAt: '2026-11-12T10:30:00.000Z' } } })
      return
    }
    const after = book(l, result)
    expect(balancesOf(after)).toEqual({ pendingFen: 0, frozenFen: 0, availableFen: 1500, withdrawnFen: 0, owedFen: 0 })
    // A settlement run that is repeated books nothing twice.
    expect(releaseCommission(after, 'o1', at)).toEqual({ ok: true, data: [] })
  })

  it('the window HQ set when receipt was confirmed holds, whatever the rules say later', () => {
    const l = paid()
    const frozen = book(l, freezeCommission(l, 'o1', rules({ afterSalesDays: 3 }), CONFIRMED_AT))
    expect(releaseCommission(frozen, 'o1', addDays(CONFIRMED_AT, 3)).ok).toBe(true)
  })

  it('before receipt is confirmed there is nothing frozen, so nothing to release', () => {
    expect(releaseCommission(paid(), 'o1', addDays(CONFIRMED_AT, 30))).toEqual({ ok: true, data: [] })
  })
})

describe('refunds: void what is not yet available, claw back what was, carry a debt forward', () => {
  // Line a: 10000 paid at 10% → 1000; line b: 5000 at 10% → 500.
  const o = order('o1', [{ productId: 'a', lineTotalFen: 10000 }, { productId: 'b', lineTotalFen: 5000 }])
  const paid = () => book([], accrueCommission([], o, rules(), PAID_AT))
  const released = () => {
    let l = paid()
    l = book(l, freezeCommission(l, 'o1', rules(), CONFIRMED_AT))
    return book(l, releaseCommission(l, 'o1', addDays(CONFIRMED_AT, 7)))
  }
  const at = addDays(CONFIRMED_AT, 8)

  it.each([
    ['a full refund while pending voids all of it', 'pending', 15000, { pendingFen: 0, frozenFen: 0, availableFen: 0, owedFen: 0 }, [['void', 1000], ['void', 500]]],
    ['a partial refund while pending voids in proportion (3000 of 15000 → 2000 + 1000)', 'pending', 3000, { pendingFen: 1200 }, [['void', 200], ['void', 100]]],
    ['a partial refund while frozen voids from frozen', 'frozen', 7500, { pendingFen: 0, frozenFen: 750 }, [['void', 500], ['void', 250]]],
    ['a full refund after release claws it all back', 'released', 15000, { availableFen: 0, owedFen: 0 }, [['clawback', 1000], ['clawback', 500]]],
    ['a partial refund after release claws back its share', 'released', 1500, { availableFen: 1350 }, [['clawback', 100], ['clawback', 50]]],
  ])('%s', (_rule, stage, refundedGoodsFen, balances, kinds) => {
    let l = paid()
    if (stage !== 'pending') l = book(l, freezeCommission(l, 'o1', rules(), CONFIRMED_AT))
    if (stage === 'released') l = book(l, releaseCommission(l, 'o1', addDays(CONFIRMED_AT, 7)))
    const result = refundCommission(l, o, { refundId: 'r1', refundedGoodsFen }, at)
    const after = book(l, result)
    expect(balancesOf(after)).toMatchObject(balances)
    expect(result.ok && result.data.map((e) => [e.kind, e.amountFen])).toEqual(kinds)
    // The same refund notified again reverses nothing more.
    expect(refundCommission(after, o, { refundId: 'r1', refundedGoodsFen }, at)).toEqual({ ok: true, data: [] })
  })

  it('a line keeps the commission of what it still has paid, rounded down, and two partial refunds never reverse more than one full one', () => {
    const small = order('o2', [{ lineTotalFen: 999 }])
    let l = book([], accrueCommission([], small, rules(), PAID_AT)) // 99
    l = book(l, refundCommission(l, small, { refundId: 'r1', refundedGoodsFen: 500 }, at)) // keeps floor(499 × 10%) = 49
    expect(balancesOf(l).pendingFen).toBe(49)
    l = book(l, refundCommission(l, small, { refundId: 'r2', refundedGoodsFen: 999 }, at))
    expect(balancesOf(l).pendingFen).toBe(0)
  })

  it('a refund after the money was withdrawn leaves a debt; the next release pays it first', () => {
    let l = released()
    l = book(l, requestWithdrawal(balancesOf(l), { withdrawalId: 'w1', shopId: SHOP, amountFen: 1500, requestedTodayFen: 0 }, rules(), at))
    l = book(l, refundCommission(l, o, { refundId: 'r1', refundedGoodsFen: 15000 }, at))
    expect(balancesOf(l)).toEqual({ pendingFen: 0, frozenFen: 0, availableFen: 0, withdrawnFen: 1500, owedFen: 1500 })
    // The next order: 2000 earned, 1500 of it pays the debt.
    const next = order('o3', [{ lineTotalFen: 20000 }])
    l = book(l, accrueCommission(l, next, rules(), at))
    l = book(l, freezeCommission(l, 'o3', rules(), at))
    expect(balancesOf(l)).toMatchObject({ frozenFen: 2000, availableFen: 0, owedFen: 1500 })
    l = book(l, releaseCommission(l, 'o3', addDays(at, 7)))
    expect(balancesOf(l)).toMatchObject({ frozenFen: 0, availableFen: 500, owedFen: 0 })
    expect(requestWithdrawal(balancesOf(l), { withdrawalId: 'w2', shopId: SHOP, amountFen: 501, requestedTodayFen: 0 }, rules(), at)).toMatchObject({
      ok: false,
      error: { code: 'COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE', details: { availableFen: 500 } },
    })
  })

  it.each([
    ['more than the goods paid', 15001],
    ['a negative amount', -1],
    ['a fraction of a fen', 1.5],
  ])('a refund of %s is refused', (_rule, refundedGoodsFen) => {
    expect(refundCommission(paid(), o, { refundId: 'r1', refundedGoodsFen }, at)).toMatchObject({ ok: false, error: { code: 'COMMISSION_REFUND_AMOUNT_INVALID' } })
  })
})

describe('withdrawals: never above the available balance, never below the minimum, reversed once', () => {
  const o = order('o1', [{ lineTotalFen: 20000 }])
  const available = () => {
    let l = book([], accrueCommission([], o, rules(), PAID_AT))
    l = book(l, freezeCommission(l, 'o1', rules(), CONFIRMED_AT))
    return book(l, releaseCommission(l, 'o1', addDays(CONFIRMED_AT, 7))) // 2000 available
  }
  const at = addDays(CONFIRMED_AT, 8)
  const ask = (l: CommissionEntry[], withdrawalId: string, amountFen: number, requestedTodayFen = 0) =>
    requestWithdrawal(balancesOf(l), { withdrawalId, shopId: SHOP, amountFen, requestedTodayFen }, rules({ withdrawalDailyMaxFen: 3000 }), at)

  it.each([
    [2000, null],
    [100, null],
    [99, 'COMMISSION_WITHDRAW_BELOW_MINIMUM'],
    [0, 'COMMISSION_WITHDRAW_BELOW_MINIMUM'],
    [2001, 'COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE'],
  ])('%i fen: %s', (amountFen, code) => {
    const result = ask(available(), 'w1', amountFen)
    if (code) expect(result).toMatchObject({ ok: false, error: { code } })
    else expect(balancesOf(book(available(), result))).toMatchObject({ availableFen: 2000 - amountFen, withdrawnFen: amountFen })
  })

  it('a second withdrawal sees the balance the first one left', () => {
    const l = book(available(), ask(available(), 'w1', 2000))
    expect(ask(l, 'w2', 2000)).toMatchObject({ ok: false, error: { code: 'COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE' } })
  })

  it.each([
    [0, 2000, null],
    [1000, 2000, null],
    [1001, 2000, 'COMMISSION_WITHDRAW_DAILY_MAX'],
    [3000, 100, 'COMMISSION_WITHDRAW_DAILY_MAX'],
  ])('with %i fen asked today already, %i fen more under a 3000 fen daily maximum: %s', (requestedTodayFen, amountFen, code) => {
    const result = ask(available(), 'w1', amountFen, requestedTodayFen)
    if (code) expect(result).toMatchObject({ ok: false, error: { code, details: { leftTodayFen: Math.max(0, 3000 - requestedTodayFen) } } })
    else expect(result.ok).toBe(true)
  })

  it('a failed or expired withdrawal returns its whole amount to the balance, under a key of its own', () => {
    const asked = ask(available(), 'w1', 1500)
    let l = book(available(), asked)
    const withdraw = l.at(-1) as WithdrawalEntry
    l = book(l, ok(reverseWithdrawal(withdraw, 'expired', at)))
    expect(balancesOf(l)).toMatchObject({ availableFen: 2000, withdrawnFen: 0 })
    expect(appendEntries(l, [reverseWithdrawal(withdraw, 'failed', at)])).toMatchObject({ ok: false, error: { code: 'COMMISSION_ENTRY_DUPLICATE' } })
  })
})

describe('the ledger under any sequence of moves (property)', () => {
  const ORDERS = 4
  const orderOf = (i: number, weights: number[]): CommissionOrder =>
    order(`o${i}`, weights.map((w, j) => ({ productId: `p${j}`, categoryId: `c${j % 2}`, lineTotalFen: w, discountFen: Math.floor(w / 10) })))
  const r = rules({ defaultRateBps: 700, categoryRatesBps: { c1: 1333 }, afterSalesDays: 7 })

  const move = fc.oneof(
    fc.record({ kind: fc.constant('pay' as const), order: fc.nat(ORDERS - 1) }),
    fc.record({ kind: fc.constant('confirm' as const), order: fc.nat(ORDERS - 1) }),
    fc.record({ kind: fc.constant('settle' as const), order: fc.nat(ORDERS - 1) }),
    fc.record({ kind: fc.constant('refund' as const), order: fc.nat(ORDERS - 1), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('withdraw' as const), amountFen: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ kind: fc.constant('fail' as const), pick: fc.nat(20) }),
    fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 8 }) }),
  )

  it('balances equal the sum of entries, nothing is withdrawn beyond what was earned net of refunds, no key twice', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 30000 }), { minLength: 1, maxLength: 4 }), { minLength: ORDERS, maxLength: ORDERS }), fc.array(move, { maxLength: 60 }), (lineWeights, moves) => {
        const orders = lineWeights.map((w, i) => orderOf(i, w))
        const refundedGoods = orders.map(() => 0)
        const withdrawals: WithdrawalEntry[] = []
        // A refund follows a payment: the order side never refunds an unpaid order.
        const paidOrders = new Set<number>()
        let now = PAID_AT
        let ledger: CommissionEntry[] = []
        for (const [step, m] of moves.entries()) {
          let added: CommissionEntry[] = []
          if (m.kind === 'pay') {
            added = accrueCommission(ledger, orders[m.order], r, now)
            paidOrders.add(m.order)
          }
          else if (m.kind === 'confirm') added = freezeCommission(ledger, `o${m.order}`, r, now)
          else if (m.kind === 'wait') now = addDays(now, m.days)
          else if (m.kind === 'settle') {
            const result = releaseCommission(ledger, `o${m.order}`, now)
            if (result.ok) added = result.data
          } else if (m.kind === 'refund' && paidOrders.has(m.order)) {
            const paidGoods = orders[m.order].lines.reduce((sum, l) => sum + l.paidFen, 0)
            refundedGoods[m.order] = Math.min(paidGoods, refundedGoods[m.order] + Math.round(m.share * (paidGoods - refundedGoods[m.order])))
            const result = refundCommission(ledger, orders[m.order], { refundId: `r${step}`, refundedGoodsFen: refundedGoods[m.order] }, now)
            expect(result.ok).toBe(true)
            if (result.ok) added = result.data
          } else if (m.kind === 'withdraw') {
            const before = balancesOf(ledger).availableFen
            const result = requestWithdrawal(balancesOf(ledger), { withdrawalId: `w${step}`, shopId: SHOP, amountFen: m.amountFen, requestedTodayFen: 0 }, r, now)
            expect(result.ok).toBe(m.amountFen >= r.withdrawalMinFen && m.amountFen <= before)
            if (result.ok) {
              added = [result.data]
              withdrawals.push(result.data)
            }
          } else if (m.kind === 'fail' && withdrawals.length > 0) {
            // A withdrawal is reversed at most once (its document's state says so on the server).
            const [failed] = withdrawals.splice(m.pick % withdrawals.length, 1)
            added = [reverseWithdrawal(failed, 'failed', now)]
          }
          const appended = appendEntries(ledger, added)
          expect(appended.ok).toBe(true)
          if (appended.ok) ledger = appended.data

          const sum = (kind: CommissionEntry['kind'], pick: (e: CommissionEntry) => boolean = () => true) =>
            ledger.filter((e) => e.kind === kind && pick(e)).reduce((s, e) => s + e.amountFen, 0)
          const b = balancesOf(ledger)
          const earnedNet = sum('accrue') - sum('void') - sum('clawback')
          const releasedNet = sum('release') - sum('clawback')
          // Balances are the entries summed: every fen earned net of refunds is in exactly one place.
          expect(b.pendingFen + b.frozenFen + b.availableFen - b.owedFen + b.withdrawnFen).toBe(earnedNet)
          expect(b.pendingFen).toBe(sum('accrue') - sum('freeze') - sum('void', (e) => 'from' in e && e.from === 'pending'))
          expect(b.frozenFen).toBe(sum('freeze') - sum('release') - sum('void', (e) => 'from' in e && e.from === 'frozen'))
          expect(b.withdrawnFen).toBe(sum('withdraw') - sum('withdrawal_reversed'))
          expect(b.availableFen - b.owedFen).toBe(releasedNet - b.withdrawnFen)
          // Nothing withdrawn beyond what was earned net of refunds, except what a later refund made owed.
          expect(b.withdrawnFen - b.owedFen).toBeLessThanOrEqual(releasedNet)
          expect(b.owedFen === 0 || b.availableFen === 0).toBe(true)
          for (const v of Object.values(b)) expect(v).toBeGreaterThanOrEqual(0)
          expect(new Set(ledger.map((e) => e.key)).size).toBe(ledger.length)
        }
        // A fully refunded order keeps no commission.
        orders.forEach((o, i) => {
          const paidGoods = o.lines.reduce((s, l) => s + l.paidFen, 0)
          if (refundedGoods[i] !== paidGoods) return
          const net = ledger
            .filter((e) => 'orderId' in e && e.orderId === o._id)
            .reduce((s, e) => s + (e.kind === 'accrue' ? e.amountFen : e.kind === 'void' || e.kind === 'clawback' ? -e.amountFen : 0), 0)
          expect(net).toBe(0)
        })
      }),
      { numRuns: 300 },
    )
  })
})
