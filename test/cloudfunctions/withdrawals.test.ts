import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totalsAfter, type CommissionEntry } from '../../src/core/commission'
import { addHqAdmin, bookAvailableCommission, employeeWithShop, hq } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { eventually, post } from '../support/orders'

/**
 * Withdrawals through the functions, paid by the local WeChat Pay's merchant transfer with real
 * signatures: never above the balance, even twenty at once; paid once, whatever answers are lost.
 */
describe('withdrawals', () => {
  let t: TestCloud
  let shopCount = 0

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, transfer: { settleDelayMs: 20, retryDelaysMs: [100, 200] } })
    await addHqAdmin(t.db)
    const set = await hq(t.cloud, 'setCommissionRules', { rules: { defaultRateBps: 1000, withdrawalDailyMaxFen: 100_000 } })
    expect(set.ok).toBe(true)
  })
  afterAll(() => t.close())

  /** An employee's shop with `availableFen` released commission, booked as the settlement job would have. */
  async function employeeWithBalance(availableFen: number) {
    const n = ++shopCount
    const openid = `o-emp-w${n}`
    const shop = await employeeWithShop(t.cloud, `W${n}`, openid, `员工${n}`)
    await bookAvailableCommission(t.db, shop._id, `order-w${n}`, availableFen)
    const call = (action: string, payload: unknown = {}) => callAs(t.cloud, openid, 'commission', action, payload)
    return { openid, shopId: shop._id, call, withdraw: (amountFen: number) => call('requestWithdrawal', { requestId: randomUUID(), amountFen }) }
  }

  const ledgerOf = async (shopId: string): Promise<CommissionEntry[]> => (await t.db.collection('commission_entries').where({ shopId }).limit(1000).get()).data
  /** The account always equals its ledger; returns the balances the employee is shown. */
  async function balancesOf(employee: { shopId: string; call: (a: string) => Promise<any> }) {
    const [{ data: account }, ledger, summary] = await Promise.all([t.db.collection('commission_accounts').doc(employee.shopId).get(), ledgerOf(employee.shopId), employee.call('getSummary')])
    expect(account.totals).toEqual(totalsAfter(ledger))
    return summary.data.balances
  }
  const bills = async () => (await t.db.collection('_local_transfer_bills').limit(1000).get()).data
  const billsOf = async (withdrawalId: string) => (await bills()).filter((b: any) => b.request.out_bill_no === withdrawalId)
  const dev = (route: string, body: unknown) => post(t.cloud, route, body)
  const followUp = (at = new Date(Date.now() + 2 * 60_000)) => post(t.cloud, `/triggers/timers/followUpWithdrawals?time=${at.toISOString()}`)

  it('twenty requests for the whole balance at the same instant: exactly one is taken, the rest told the balance is short', async () => {
    const wang = await employeeWithBalance(5000)
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => wang.withdraw(5000)))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    for (const o of outcomes.filter((o) => !o.ok)) expect(o.error.code).toBe('COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE')
    expect(await balancesOf(wang)).toEqual({ pendingFen: 0, frozenFen: 0, availableFen: 0, withdrawnFen: 5000, owedFen: 0 })
    expect((await ledgerOf(wang.shopId)).filter((e) => e.kind === 'withdraw')).toHaveLength(1)
  })

  it('the same request sent twice is one withdrawal; below ¥1 or past the daily maximum is refused with the reason', async () => {
    const li = await employeeWithBalance(200_000)
    const requestId = randomUUID()
    const [a, b] = await Promise.all([li.call('requestWithdrawal', { requestId, amountFen: 1000 }), li.call('requestWithdrawal', { requestId, amountFen: 1000 })])
    expect(a.data._id).toBe(b.data._id)
    expect(await li.withdraw(99)).toMatchObject({ ok: false, error: { code: 'COMMISSION_WITHDRAW_BELOW_MINIMUM', details: { minFen: 100 } } })
    expect(await li.withdraw(99_001)).toMatchObject({ ok: false, error: { code: 'COMMISSION_WITHDRAW_DAILY_MAX', details: { leftTodayFen: 99_000 } } })
    expect((await li.call('getSummary')).data.withdrawal).toEqual({ minFen: 100, dailyMaxFen: 100_000, leftTodayFen: 99_000 })
    // HQ rejects it: the money and the day's allowance come back.
    expect(await hq(t.cloud, 'rejectWithdrawal', { withdrawalId: a.data._id, reason: '请先完成实名认证' })).toMatchObject({ ok: true, data: { status: 'rejected', ownerName: expect.any(String) } })
    expect(await balancesOf(li)).toMatchObject({ availableFen: 200_000, withdrawnFen: 0 })
    expect((await li.call('getSummary')).data.withdrawal.leftTodayFen).toBe(100_000)
    expect(await hq(t.cloud, 'approveWithdrawal', { withdrawalId: a.data._id })).toMatchObject({ ok: false, error: { code: 'WITHDRAWAL_ILLEGAL_TRANSITION' } })
  })

  it('HQ approves; WeChat waits for the employee, who confirms; the notification marks it paid', async () => {
    const zhao = await employeeWithBalance(3000)
    const asked = await zhao.withdraw(2000)
    expect(asked.data).toMatchObject({ status: 'reviewing', amountFen: 2000 })
    const listed = await hq(t.cloud, 'listWithdrawals', { status: 'reviewing' })
    expect(listed.data.items.map((w: any) => w._id)).toContain(asked.data._id)

    const approved = await hq(t.cloud, 'approveWithdrawal', { withdrawalId: asked.data._id })
    expect(approved).toMatchObject({ ok: true, data: { status: 'awaiting_confirm' } })
    expect(approved.data).not.toHaveProperty('confirm')
    const mine = (await zhao.call('listWithdrawals')).data.items[0]
    expect(mine).toMatchObject({ _id: asked.data._id, status: 'awaiting_confirm', confirm: { mchId: expect.any(String), appId: expect.any(String), package: expect.any(String) } })

    expect((await fetch(`${t.cloud.url}/dev/transfer/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ package: mine.confirm.package }) })).status).toBe(200)
    await eventually(() => zhao.call('listWithdrawals'), (r) => r.data.items[0].status === 'paid', 10_000)
    expect(await balancesOf(zhao)).toMatchObject({ availableFen: 1000, withdrawnFen: 2000 })
    expect(await billsOf(asked.data._id)).toHaveLength(1)
  })

  it('a transfer whose answer was lost is asked again under the same bill number, found, and paid once', async () => {
    const sun = await employeeWithBalance(4000)
    const asked = await sun.withdraw(4000)
    await dev('/dev/transfer/faults', { fault: 'lost_answer' })
    const approved = await hq(t.cloud, 'approveWithdrawal', { withdrawalId: asked.data._id })
    // WeChat made the bill, but its answer never came: the withdrawal waits, its money held.
    expect(approved.data.status).toBe('transferring')
    expect(await billsOf(asked.data._id)).toHaveLength(1)

    await followUp()
    const after = (await sun.call('listWithdrawals')).data.items[0]
    expect(after.status).toBe('awaiting_confirm')
    expect(await billsOf(asked.data._id)).toHaveLength(1)
    await dev('/dev/transfer/confirm', { package: after.confirm.package })
    await eventually(() => sun.call('refreshWithdrawal', { withdrawalId: asked.data._id }), (r) => r.data.status === 'paid', 10_000)
    expect(await billsOf(asked.data._id)).toHaveLength(1)
    expect(await balancesOf(sun)).toMatchObject({ availableFen: 0, withdrawnFen: 4000 })
  })

  it('a transfer the employee never confirms ends with WeChat’s 24 hours and the money returns', async () => {
    // A cloud of its own whose WeChat Pay ends unconfirmed transfers after half a second.
    const shared = t
    t = await startTestCloud({ transfer: { settleDelayMs: 20, retryDelaysMs: [100], expiryMs: 500 } })
    try {
      await addHqAdmin(t.db)
      const zhou = await employeeWithBalance(2500)
      const asked = await zhou.withdraw(2500)
      expect((await hq(t.cloud, 'approveWithdrawal', { withdrawalId: asked.data._id })).data.status).toBe('awaiting_confirm')
      await eventually(() => zhou.call('listWithdrawals'), (r) => r.data.items[0].status === 'expired', 10_000)
      expect(await balancesOf(zhou)).toMatchObject({ availableFen: 2500, withdrawnFen: 0 })
    } finally {
      await t.close()
      t = shared
    }
  })

  it('under HQ’s auto-approve threshold the transfer starts at once; a failed transfer returns the money', async () => {
    const qian = await employeeWithBalance(3000)
    expect((await hq(t.cloud, 'setCommissionRules', { rules: { defaultRateBps: 1000, withdrawalDailyMaxFen: 100_000, withdrawalAutoApproveMaxFen: 5000 } })).ok).toBe(true)
    try {
      // The payee's account turns out frozen: WeChat fails the transfer once it is confirmed.
      await dev('/dev/transfer/faults', { fault: 'fail', reason: 'ACCOUNT_FROZEN' })
      const asked = await qian.withdraw(1500)
      expect(asked.data).toMatchObject({ status: 'awaiting_confirm', confirm: { package: expect.any(String) } })
      await dev('/dev/transfer/confirm', { package: asked.data.confirm.package })
      await eventually(() => qian.call('listWithdrawals'), (r) => r.data.items[0].status === 'failed', 10_000)
      expect((await qian.call('listWithdrawals')).data.items[0]).toMatchObject({ failReason: 'ACCOUNT_FROZEN' })
      expect(await balancesOf(qian)).toMatchObject({ availableFen: 3000, withdrawnFen: 0 })
      const kinds = (await ledgerOf(qian.shopId)).map((e) => e.kind)
      expect(kinds.filter((k) => k === 'withdrawal_reversed')).toHaveLength(1)
    } finally {
      await hq(t.cloud, 'setCommissionRules', { rules: { defaultRateBps: 1000, withdrawalDailyMaxFen: 100_000 } })
    }
  })
})
