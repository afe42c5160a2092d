import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_RULES, type MemberRulesInput } from '../../src/core/member'
import { HQ, addHqAdmin, addHqMember, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const { version: _version, ...DEFAULT_SETTINGS } = DEFAULT_MEMBER_RULES

describe('points and member levels through the order life', () => {
  let t: TestCloud
  const marketing = (action: string, payload: unknown, openid = HQ) => callAs(t.cloud, openid, 'hq-marketing', action, payload)
  const setRules = (change: Partial<MemberRulesInput>) => marketing('setMemberRules', { rules: { ...DEFAULT_SETTINGS, ...change } })
  const card = async (b: ReturnType<typeof buyer>) => (await b.call('member', 'getMemberCard', {})).data.card
  const ledgerOf = async (openid: string) => (await t.db.collection('points_ledger').where({ openid }).orderBy('at', 'asc').limit(100).get()).data
  const refunded = (b: ReturnType<typeof buyer>, orderId: string) => eventually(() => b.order(orderId), (o) => o.refund?.status === 'refunded', 10_000)

  /** The buyer's balance is what their ledger adds up to, and never below zero. */
  async function expectBalanceIsLedger(openid: string) {
    const [account] = (await t.db.collection('member_accounts').where({ _id: openid }).get()).data
    const sum = (await ledgerOf(openid)).reduce((s: number, e: any) => s + e.points, 0)
    expect(account?.balance ?? 0).toBe(sum)
    expect(sum).toBeGreaterThanOrEqual(0)
  }

  async function paid(b: ReturnType<typeof buyer>, lines: Array<{ skuId: string; quantity: number }>, extra: Record<string, unknown> = {}) {
    const placed = await b.place(lines, extra)
    expect(placed).toMatchObject({ ok: true })
    await b.pay(placed.data._id)
    return eventually(() => b.order(placed.data._id), (o) => o.status === 'paid', 20_000)
  }

  async function completed(b: ReturnType<typeof buyer>, lines: Array<{ skuId: string; quantity: number }>, extra: Record<string, unknown> = {}) {
    const order = await paid(b, lines, extra)
    await shipOrder(t.cloud, order._id, 'SF2026113001')
    expect(await b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: true, data: { status: 'completed' } })
    return order
  }

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { refundDelayMs: 100 } })
    await addTestCatalog(t.db, { 'tea-100g': 500, 'tea-250g': 500 })
    await addHqAdmin(t.db)
    await addHqMember(t.db, 'o-ops', 'hq_ops')
  })
  afterAll(() => t.close())

  it('a completed order credits its goods money in points once, however many times completion is asked for at once', async () => {
    const b = buyer(t.cloud, 'o-earn')
    const order = await paid(b, [{ skuId: 'tea-100g', quantity: 1 }])
    await shipOrder(t.cloud, order._id, 'SF2026113002')
    expect(await card(b)).toMatchObject({ level: 'standard', points: 0 })
    await t.db.collection('orders').doc(order._id).update({ data: { 'shipment.shippedAt': new Date(Date.now() - 11 * 86_400_000) } })
    // The buyer confirms while the auto-complete timer runs twice (a retried trigger).
    await Promise.all([b.call('order', 'confirmReceipt', { orderId: order._id }), post(t.cloud, '/triggers/timers/autoCompleteOrders'), post(t.cloud, '/triggers/timers/autoCompleteOrders')])
    expect(await b.order(order._id)).toMatchObject({ status: 'completed' })
    // ¥68.00 of goods (the ¥10.00 shipping earns nothing): 68 points.
    expect(await ledgerOf(b.openid)).toMatchObject([{ kind: 'earn', points: 68, orderNo: order.orderNo }])
    expect(await card(b)).toMatchObject({ level: 'standard', points: 68, completedSpendFen: 6800, next: { level: 'silver', shortfallFen: 100_000 - 6800 } })
    const history = await b.call('member', 'listPoints', {})
    expect(history.data).toMatchObject({ items: [{ kind: 'earn', points: 68, orderNo: order.orderNo }], hasMore: false })
    await expectBalanceIsLedger(b.openid)
  })

  it('points are spent at checkout within the cap, and come back when the unpaid order is cancelled', async () => {
    expect(await setRules({ earnPointsPer100Yuan: 10_000 })).toMatchObject({ ok: true })
    const b = buyer(t.cloud, 'o-spend')
    await completed(b, [{ skuId: 'tea-100g', quantity: 1 }])
    expect(await card(b)).toMatchObject({ points: 6800 })

    // ¥158.00 of goods: points pay at most 20 %, ¥31.60 — 3160 of the 6800 asked for.
    const quote = await b.call('order', 'quoteOrder', { lines: [{ skuId: 'tea-250g', quantity: 1 }], points: 6800 })
    expect(quote.data.quote).toMatchObject({ discountFen: 3160, payableFen: 15_800 - 3160, discounts: [{ source: 'points', amountFen: 3160, points: 3160 }] })
    const placed = await b.place([{ skuId: 'tea-250g', quantity: 1 }], { points: 6800 })
    expect(placed.data).toMatchObject({ payableFen: quote.data.quote.payableFen, discounts: quote.data.quote.discounts })
    expect(await card(b)).toMatchObject({ points: 6800 - 3160 })

    expect(await b.call('order', 'cancelOrder', { orderId: placed.data._id, reason: '不想要了' })).toMatchObject({ ok: true })
    expect(await card(b)).toMatchObject({ points: 6800 })
    expect((await ledgerOf(b.openid)).map((e: any) => [e.kind, e.points])).toEqual([
      ['earn', 6800],
      ['spend', -3160],
      ['unspend', 3160],
    ])
    await expectBalanceIsLedger(b.openid)
    expect(await b.call('order', 'quoteOrder', { lines: [{ skuId: 'tea-250g', quantity: 1 }], points: 6801 })).toMatchObject({ ok: false, error: { code: 'POINTS_INSUFFICIENT', details: { balance: 6800 } } })
  })

  it('orders placed at once spending the same points: only what the balance holds goes through, never below zero', async () => {
    const b = buyer(t.cloud, 'o-race')
    await completed(b, [{ skuId: 'tea-100g', quantity: 1 }])
    // 6800 points; each order asks 3000 (within its ¥31.60 cap): two fit, the others find them gone.
    const answers = await Promise.all(Array.from({ length: 5 }, () => b.place([{ skuId: 'tea-250g', quantity: 1 }], { points: 3000 })))
    expect(answers.filter((a) => a.ok)).toHaveLength(2)
    expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(['POINTS_INSUFFICIENT', 'POINTS_INSUFFICIENT', 'POINTS_INSUFFICIENT'])
    expect(await card(b)).toMatchObject({ points: 800 })
    await expectBalanceIsLedger(b.openid)
  })

  it('a refund before completion means fewer points; one after takes back what its money earned and lowers the spend the level follows', async () => {
    await setRules({ earnPointsPer100Yuan: 100 })
    const b = buyer(t.cloud, 'o-refund')
    const order = await paid(b, [{ skuId: 'tea-100g', quantity: 2 }])
    // One of the two units is refunded before it ships.
    await b.call('order', 'requestRefund', { orderId: order._id, reason: '买多了', lines: [{ lineIndex: 0, quantity: 1 }] })
    await callAs(t.cloud, HQ, 'hq-orders', 'approveRefund', { orderId: order._id })
    await refunded(b, order._id)
    await shipOrder(t.cloud, order._id, 'SF2026113003')
    await b.call('order', 'confirmReceipt', { orderId: order._id })
    expect(await card(b)).toMatchObject({ points: 68, completedSpendFen: 6800 })

    // After completion HQ refunds ¥30.50: the order keeps ¥37.50, which earns 37 points — 31 go back.
    await callAs(t.cloud, HQ, 'hq-orders', 'startRefund', { orderId: order._id, reason: '补偿', amountFen: 3050 })
    await eventually(() => b.order(order._id), (o) => o.refund?.status === 'refunded' && o.previousRefunds?.length === 1, 10_000)
    expect(await card(b)).toMatchObject({ points: 37, completedSpendFen: 3750 })
    expect((await ledgerOf(b.openid)).map((e: any) => [e.kind, e.points])).toEqual([
      ['earn', 68],
      ['refund_takeback', -31],
    ])
    await expectBalanceIsLedger(b.openid)
  })

  it('a refund of an order paid partly with points gives back their share; the level follows completed spend down as well as up', async () => {
    await setRules({ earnPointsPer100Yuan: 10_000, levels: DEFAULT_SETTINGS.levels.map((l, i) => ({ ...l, thresholdFen: [0, 10_000, 50_000][i] })) })
    const b = buyer(t.cloud, 'o-level')
    await completed(b, [{ skuId: 'tea-250g', quantity: 1 }])
    expect(await card(b)).toMatchObject({ level: 'silver', points: 15_800, next: { level: 'gold' } })
    // Silver takes 2 % off: ¥3.16 of ¥158.00; then 2000 points pay ¥20.00.
    const order = await paid(b, [{ skuId: 'tea-250g', quantity: 1 }], { points: 2000 })
    expect(order.discounts).toEqual([
      { source: 'member:silver', label: 'silver', amountFen: 316 },
      { source: 'points', label: 'points', amountFen: 2000, points: 2000 },
    ])
    await callAs(t.cloud, HQ, 'hq-orders', 'startRefund', { orderId: order._id, reason: '整单退款' })
    await refunded(b, order._id)
    expect(await card(b)).toMatchObject({ points: 15_800 })

    // The first order, refunded after completion, takes back its points and the level with them.
    const { data: first } = await t.db.collection('orders').where({ buyerOpenid: b.openid, status: 'completed' }).get()
    await callAs(t.cloud, HQ, 'hq-orders', 'startRefund', { orderId: first[0]._id, reason: '整单退款' })
    await refunded(b, first[0]._id)
    expect(await card(b)).toMatchObject({ level: 'standard', points: 0, completedSpendFen: 0 })
    await expectBalanceIsLedger(b.openid)
  })

  it("HQ's rules: set by staff whose role covers settings, audited, and nonsense refused", async () => {
    expect(await marketing('setMemberRules', { rules: DEFAULT_SETTINGS }, 'o-ops')).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    const refused = await setRules({ redeemCapBps: 12_000 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const notRising = await setRules({ levels: DEFAULT_SETTINGS.levels.map((l) => ({ ...l, thresholdFen: l.level === 'gold' ? 100_000 : l.thresholdFen })) })
    expect(notRising).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const set = await setRules({ pointsPerYuan: 50 })
    expect(set).toMatchObject({ ok: true, data: { pointsPerYuan: 50 } })
    expect(await marketing('getMemberRules', {})).toMatchObject({ ok: true, data: { version: set.data.version, pointsPerYuan: 50 } })
    const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-marketing.setMemberRules', ok: true }).get()
    expect(audit.at(-1).change).toMatchObject({ collection: 'settings', id: 'memberRules', after: { rules: { pointsPerYuan: 50 } } })
  })
})
