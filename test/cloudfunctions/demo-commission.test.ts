import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoWithdrawalFen } from '../../demo/commission'
import { seedDemoCommission } from '../../scripts/seed-demo-commission'
import { balancesOf, totalsAfter, type CommissionEntry } from '../../src/core/commission'
import { startDemoShop, type DemoShop } from '../support/demo-shop'
import { callAs } from '../support/local-cloud'

/** 王芳's commission as `npm start` makes it: every balance there is, and her account equal to her ledger. */
describe('demo commission', () => {
  // The demo as `npm start` runs it: its HQ admin is the first one (HQ_BOOTSTRAP_OPENID).
  let t: DemoShop

  beforeAll(async () => {
    t = await startDemoShop()
    await seedDemoCommission(t.cloud.url)
  })
  afterAll(() => t.close())

  it('HQ’s rules pay 10%, and 15% on 茶器礼盒, as version 2', async () => {
    const { data } = await t.db.collection('settings').doc('commissionRules').get()
    expect(data.rules).toMatchObject({ version: 2, defaultRateBps: 1000, categoryRatesBps: { 'cat-teaware': 1500 } })
  })

  it('王芳 has money pending, frozen, available and withdrawn, and her account equals her ledger', async () => {
    const { data: entries } = await t.db.collection('commission_entries').where({ shopId: 'shop-wangfang' }).limit(1000).get()
    const { data: account } = await t.db.collection('commission_accounts').doc('shop-wangfang').get()
    expect(account.totals).toEqual(totalsAfter(entries as CommissionEntry[]))
    expect(account.entryCount).toBe(entries.length)
    // ¥348 of 龙井 and ¥398 of 四季礼盒 released (10% and 15%), less the ¥50 withdrawn; 2 × ¥138 of
    // 白茶 received; ¥238 of 碧螺春 paid.
    expect(balancesOf(entries as CommissionEntry[])).toEqual({
      pendingFen: 2380,
      frozenFen: 2760,
      availableFen: 3480 + 5970 - demoWithdrawalFen,
      withdrawnFen: demoWithdrawalFen,
      owedFen: 0,
    })
    const { data: summary } = await callAs(t.cloud, 'o-demo-employee-wang', 'commission', 'getSummary', {})
    expect(summary.balances).toEqual(balancesOf(entries as CommissionEntry[]))
  })

  it('her one withdrawal was paid to her WeChat balance', async () => {
    const { data: withdrawals } = await t.db.collection('withdrawals').where({ shopId: 'shop-wangfang' }).get()
    expect(withdrawals).toMatchObject([{ amountFen: demoWithdrawalFen, status: 'paid' }])
  })
})
