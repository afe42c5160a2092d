import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoWithdrawalFen } from '../../demo/commission'
import { demoPersonas } from '../../demo/personas'
import { seedDemoCommission } from '../../scripts/seed-demo-commission'
import { balancesOf, type CommissionEntry } from '../../src/core/commission'
import { formatFen } from '../../src/core/money'
import { startDemoShop, type DemoShop } from '../support/demo-shop'
import { callAs } from '../support/local-cloud'
import { launchMiniProgram, type MiniProgram } from '../support/weapp/mini-program'

/**
 * 王芳's commission in the mini program, with the demo's history: 我的 → 我的佣金 shows what her
 * ledger adds up to; she withdraws ¥10, HQ approves, and she confirms receipt on WeChat's own
 * 确认收款 page (wx.requestMerchantTransfer), after which the record says 已到账.
 */
const WANG = demoPersonas.find((p) => p.key === 'employee-wang')!
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!

describe('an employee withdraws commission in the mini program and confirms it in WeChat', () => {
  let shop: DemoShop
  let mp: MiniProgram
  const page = () => mp.page
  const ledger = async () => balancesOf((await shop.db.collection('commission_entries').where({ shopId: 'shop-wangfang' }).limit(1000).get()).data as CommissionEntry[])

  beforeAll(async () => {
    shop = await startDemoShop()
    await seedDemoCommission(shop.cloud.url)
    mp = await launchMiniProgram({ cloud: shop.cloud, openid: WANG.openid })
  })
  afterEach(() => {
    expect(mp.errors).toEqual([])
  })
  afterAll(async () => {
    await mp?.close()
    await shop?.close()
  })

  it('我的 → 我的佣金 shows the balances her ledger adds up to', async () => {
    await mp.tapTab('我的')
    await page().tap('.me__commission')
    expect(page().route).toBe('package-shop/pages/commission/index')
    const balances = await ledger()
    await page().waitFor('.commission__available', { hasText: formatFen(balances.availableFen) })
    expect(page().text('.commission__pending')).toBe(formatFen(balances.pendingFen))
    expect(page().text('.commission__frozen')).toBe(formatFen(balances.frozenFen))
    expect(page().text('.commission__withdrawn')).toBe(formatFen(demoWithdrawalFen))
    expect(page().count('.commission__owed')).toBe(0)
  })

  it('withdraws ¥10; HQ approves; 确认收款 opens WeChat’s page, and once confirmed the record says 已到账', async () => {
    await page().tap('.commission__withdraw')
    await page().waitFor('.withdraw__submit')
    await page().input('.withdraw__amount', '10')
    await page().tap('.withdraw__submit')
    await page().waitFor('.withdrawal__status', { hasText: '审核中' })
    const [asked] = (await shop.db.collection('withdrawals').where({ shopId: 'shop-wangfang', status: 'reviewing' }).get()).data
    expect(asked.amountFen).toBe(1000)
    expect(await callAs(shop.cloud, HQ.openid, 'hq', 'approveWithdrawal', { withdrawalId: asked._id })).toMatchObject({ ok: true })

    await page().tap('.withdraw__records')
    await page().waitFor('.withdrawal--awaiting_confirm', { hasText: '¥10.00' })
    await page().tap('.withdrawal__confirm')
    const sheet = await mp.transferSheet()
    expect(sheet.transferAmount).toBe(1000)
    await sheet.confirm()
    // The demo's earlier ¥50 is 已到账 too: this is the ¥10 one.
    await page().waitFor('.withdrawal--paid', { hasText: '¥10.00' }, 15_000)
    expect(mp.records.transfers).toEqual([expect.objectContaining({ transferAmount: 1000, outcome: 'confirmed' })])
    expect((await shop.db.collection('withdrawals').doc(asked._id).get()).data.status).toBe('paid')
    expect(await ledger()).toMatchObject({ withdrawnFen: demoWithdrawalFen + 1000 })
  })
})
