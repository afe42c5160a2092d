import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { balancesFrom, totalsAfter, type CommissionEntry, type LineEntry } from '../../src/core/commission'
import { addDays } from '../../src/core/time'
import { addHqAdmin, bindCustomer, employeeWithShop, hq, hqOrders, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

/**
 * Commission through the functions on the faithful transactions: booked by the order's own moves,
 * released by the settlement job, reversed by refunds; every balance equal to the ledger's entries.
 */
describe('commission ledger', () => {
  let t: TestCloud
  let wang: { _id: string; ownerOpenid: string }

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, transactionTtlMs: 3_000, pay: { retryDelaysMs: [300], refundDelayMs: 200 } })
    await addTestCatalog(t.db)
    await addHqAdmin(t.db)
    wang = await employeeWithShop(t.cloud, 'E001', 'o-emp-wang', '王芳')
    // 10% on everything, 15% on green tea.
    const set = await hq(t.cloud, 'setCommissionRules', { rules: { defaultRateBps: 1000, categoryRatesBps: { 'cat-green': 1500 } } })
    expect(set).toMatchObject({ ok: true, data: { version: 2, defaultRateBps: 1000 } })
  })
  afterAll(() => t.close())

  const entriesOf = async (where: Record<string, unknown>): Promise<CommissionEntry[]> => {
    const out: CommissionEntry[] = []
    for (let page = 0; ; page++) {
      const { data } = await t.db.collection('commission_entries').where(where).orderBy('_id', 'asc').skip(page * 1000).limit(1000).get()
      out.push(...data)
      if (data.length < 1000) return out
    }
  }
  const accountOf = async (shopId: string) => (await t.db.collection('commission_accounts').doc(shopId).get()).data
  /** The account's totals are the ledger's entries summed, always. */
  const expectAccountMatchesLedger = async (shopId: string) => {
    const [account, entries] = await Promise.all([accountOf(shopId), entriesOf({ shopId })])
    expect(account.totals).toEqual(totalsAfter(entries))
    expect(account.entryCount).toBe(entries.length)
    return balancesFrom(account.totals)
  }
  const aMinuteAfter = (at: Date) => new Date(at.getTime() + 60_000)
  const settle = (at: Date) => post(t.cloud, `/triggers/timers/settleCommissions?time=${at.toISOString()}`)

  async function paidOrderOfWang(openid: string, lines = [{ skuId: 'tea-100g', quantity: 2 }]) {
    await bindCustomer(t.db, openid, wang)
    const b = buyer(t.cloud, openid)
    const placed = await b.place(lines)
    expect(placed.data.attribution.shopId).toBe(wang._id)
    await b.pay(placed.data._id)
    await eventually(() => b.order(placed.data._id), (o) => o.status === 'paid')
    return { b, order: placed.data }
  }

  it('pending when paid, frozen at receipt, available once the after-sales window has ended, each line at its rate', async () => {
    const { b, order } = await paidOrderOfWang('o-zhou')
    // 2 × ¥68 green tea at 15%: ¥20.40.
    expect(await expectAccountMatchesLedger(wang._id)).toMatchObject({ pendingFen: 2040, frozenFen: 0, availableFen: 0 })
    const [accrued] = await entriesOf({ orderId: order._id })
    expect(accrued).toMatchObject({ kind: 'accrue', amountFen: 2040, baseFen: 13600, rateBps: 1500, ruleVersion: 2, shopId: wang._id })

    expect(await shipOrder(t.cloud, order._id, 'SF1000001')).toMatchObject({ ok: true })
    const confirmedAt = new Date()
    expect(await b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: true })
    expect(await expectAccountMatchesLedger(wang._id)).toMatchObject({ pendingFen: 0, frozenFen: 2040 })
    // The employee is told when the frozen commission becomes available: the window's end.
    const summary = async () => (await callAs(t.cloud, wang.ownerOpenid, 'commission', 'getSummary', {})).data
    const nextReleaseAt = new Date((await summary()).nextReleaseAt).getTime()
    expect(nextReleaseAt).toBeGreaterThanOrEqual(addDays(confirmedAt, 7).getTime() - 5_000)
    expect(nextReleaseAt).toBeLessThanOrEqual(addDays(confirmedAt, 7).getTime() + 5_000)

    // A run before the window ends releases nothing; one after it releases all.
    expect(await settle(addDays(confirmedAt, 6))).toMatchObject({ result: { done: 0 } })
    expect(await settle(aMinuteAfter(addDays(confirmedAt, 7)))).toMatchObject({ result: { done: 1 } })
    expect(await expectAccountMatchesLedger(wang._id)).toMatchObject({ frozenFen: 0, availableFen: 2040 })
    expect(await summary()).not.toHaveProperty('nextReleaseAt')
    expect(await settle(addDays(confirmedAt, 8))).toMatchObject({ result: { done: 0 } })
    const { data: progress } = await t.db.collection('job_progress').doc('settleCommissions').get()
    expect(progress).toMatchObject({ releasedOrders: 0, complete: true })
  })

  it('a refund after release claws the commission back; beyond the available balance it is owed, and paid from the next release', async () => {
    const { order } = await paidOrderOfWang('o-qian')
    await shipOrder(t.cloud, order._id, 'SF1000002')
    await callAs(t.cloud, 'o-qian', 'order', 'confirmReceipt', { orderId: order._id })
    await settle(aMinuteAfter(addDays(new Date(), 7)))
    const before = await expectAccountMatchesLedger(wang._id)
    expect(before.availableFen).toBeGreaterThanOrEqual(2040)

    // The shop has already taken all but ¥10 out (a withdrawal, booked straight into the ledger here).
    await bookWithdrawal(wang._id, before.availableFen - 1000)
    await callAs(t.cloud, 'o-qian', 'order', 'requestRefund', { orderId: order._id, reason: '茶叶受潮' })
    await hqOrders(t.cloud, 'approveRefund', { orderId: order._id })
    await eventually(() => callAs(t.cloud, 'o-qian', 'order', 'getOrder', { orderId: order._id }), (o) => o.data.refund?.status === 'refunded')
    const after = await expectAccountMatchesLedger(wang._id)
    expect(after).toMatchObject({ availableFen: 0, owedFen: 1040 })
    expect((await entriesOf({ orderId: order._id })).map((e) => e.kind)).toEqual(['accrue', 'clawback', 'freeze', 'release'])

    // The next order's release pays the debt first: ¥23.70 on ¥158 of green tea, less the ¥10.40 owed.
    const next = await paidOrderOfWang('o-sun', [{ skuId: 'tea-250g', quantity: 1 }])
    await shipOrder(t.cloud, next.order._id, 'SF1000003')
    await next.b.call('order', 'confirmReceipt', { orderId: next.order._id })
    await settle(aMinuteAfter(addDays(new Date(), 7)))
    expect(await expectAccountMatchesLedger(wang._id)).toMatchObject({ availableFen: 2370 - 1040, owedFen: 0 })
  })

  async function bookWithdrawal(shopId: string, amountFen: number) {
    const account = await accountOf(shopId)
    const entry = { key: `withdrawal:test-${amountFen}:withdraw`, kind: 'withdraw', shopId, withdrawalId: `test-${amountFen}`, amountFen, at: new Date() } as CommissionEntry
    await t.db.collection('commission_entries').add({ data: { _id: entry.key, ...entry, day: '2026-11-29' } })
    await t.db.collection('commission_accounts').doc(shopId).update({ data: { totals: totalsAfter([entry], account.totals), entryCount: account.entryCount + 1 } })
  }

  it('a settlement run killed mid-batch, run again, books every release once', async () => {
    // 400 orders of 40 shops whose windows have ended, written as the order moves would have left them.
    const confirmedAt = addDays(new Date(), -10)
    const shops = Array.from({ length: 40 }, (_, i) => `shop-k${i}`)
    for (const [s, shopId] of shops.entries()) {
      const entries: LineEntry[] = []
      const orders = []
      for (let k = 0; k < 10; k++) {
        const orderId = `ko-${s}-${k}`
        const line = { shopId, orderId, lineIndex: 0, ruleVersion: 2, at: confirmedAt }
        const own: LineEntry[] = [
          { ...line, key: `${orderId}:0:accrue`, kind: 'accrue', amountFen: 100 + k, baseFen: 1000 + 10 * k, rateBps: 1000 },
          { ...line, key: `${orderId}:0:freeze`, kind: 'freeze', amountFen: 100 + k, releasableAt: addDays(confirmedAt, 7) },
        ]
        entries.push(...own)
        orders.push({ _id: orderId, shopId, status: 'frozen', releasableAt: addDays(confirmedAt, 7), entries: own, updatedAt: confirmedAt })
      }
      await Promise.all([
        ...orders.map((o) => t.db.collection('commission_orders').add({ data: o })),
        ...entries.map((e) => t.db.collection('commission_entries').add({ data: { _id: e.key, ...e, day: '2026-11-19' } })),
        t.db.collection('commission_accounts').add({ data: { _id: shopId, totals: totalsAfter(entries), entryCount: entries.length, withdrawals: { day: '2026-11-19', requestedFen: 0 }, updatedAt: confirmedAt } }),
      ])
    }

    const run = settle(new Date())
    const releases = () => entriesOf({ kind: 'release', shopId: t.db.command.in(shops) })
    await eventually(releases, (r) => r.length >= 40, 20_000)
    expect(t.cloud.functions.kill('timers')).toBeGreaterThan(0)
    expect(await run).toMatchObject({ errCode: expect.any(Number) })
    const releasedBefore = (await releases()).length
    expect(releasedBefore).toBeLessThan(400)

    // Transactions the killed run left open hold their locks until they expire; then the rerun finishes.
    await new Promise((r) => setTimeout(r, 3_500))
    let left = 400
    for (let i = 0; i < 3 && left > 0; i++) {
      await settle(new Date())
      left = (await t.db.collection('commission_orders').where({ shopId: t.db.command.in(shops), status: 'frozen' }).count()).total
    }
    expect(left).toBe(0)
    const released = await releases()
    expect(released).toHaveLength(400)
    expect(new Set(released.map((e) => (e as LineEntry).orderId)).size).toBe(400)
    for (const shopId of shops) expect((await expectAccountMatchesLedger(shopId)).availableFen).toBe(Array.from({ length: 10 }, (_, k) => 100 + k).reduce((a, b) => a + b))
  })
})
