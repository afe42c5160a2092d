import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { bookAvailableCommission } from '../support/employees'
import { callAs } from '../support/local-cloud'
import { paidOrder } from '../support/orders'
import { currentPage, openPhone, startShop } from './support/shop'

/**
 * 总部工作台 end to end, as the demo's HQ persona 何静 (the local cloud's first admin). 林小雨 has paid
 * for a gift box and 王芳 has asked to withdraw ¥30.00 of her released commission; 何静 opens the
 * 工作台 from 我的, sees both waiting, ships the order from the 待发货 queue with a tracking number
 * and approves the withdrawal, approves the shop 赵磊 opened under review, and raises the commission
 * rate, imports two roster rows and offboards 李明, whose customer 陈思思 goes to 王芳's shop. The
 * buyer's order is shipped, and the decisions are in the audit log.
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const WANG = demoPersonas.find((p) => p.key === 'employee-wang')!
const ZHAO = demoPersonas.find((p) => p.key === 'employee-zhao')!
const CHEN = demoPersonas.find((p) => p.key === 'consumer-chen')!

describe('HQ ships an order, approves a withdrawal and a shop, and changes the rules from the 工作台', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let order: { _id: string; orderNo: string }
  let withdrawalId = ''
  const here = () => currentPage(page)

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('hq-console'))
    order = (await paidOrder(shop.cloud, LIN.openid, 'p-longjing-mingqian-50g-gift')).order
    await bookAvailableCommission(shop.db, 'shop-wangfang', 'order-e2e-wang', 5000)
    const asked = await callAs(shop.cloud, WANG.openid, 'commission', 'requestWithdrawal', { requestId: randomUUID(), amountFen: 3000 })
    expect(asked).toMatchObject({ ok: true, data: { status: 'reviewing' } })
    withdrawalId = asked.data._id
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('何静 opens the 工作台 from 我的 and sees what waits', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    await here().locator('.dev-sign-in__persona', { hasText: HQ.name }).click()
    await here().locator('.me__hq').waitFor()
    expect(await here().locator('.me__hq').innerText()).toContain('总部管理员')
    await shot('00-me-hq-entry')
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__to-ship').waitFor()
    await expect.poll(() => here().locator('.hq-home__to-review .hq-home__figure').innerText()).toBe('1')
    expect(Number(await here().locator('.hq-home__to-ship .hq-home__figure').innerText())).toBeGreaterThanOrEqual(1)
    await shot('01-workbench')
  })

  it('ships the order from the 待发货 queue: a bad tracking number is refused with the server’s words', async () => {
    await here().locator('.hq-home__to-ship').click()
    const card = here().locator('.hq-orders__card', { hasText: order.orderNo })
    await card.waitFor()
    expect(await here().locator('.hq-page__tab--active').innerText()).toBe('待发货')
    await shot('02-to-ship-queue')
    await card.click()
    await here().locator('.hq-order__ship').waitFor()
    expect(await here().locator('.hq-order__no').innerText()).toBe(order.orderNo)
    await here().locator('.hq-order__carrier', { hasText: '中通快递' }).click()
    await here().locator('.hq-order__tracking input').fill('no!')
    await here().locator('.hq-order__ship-button').click()
    await expect.poll(() => here().locator('.hq-page__error').innerText()).toBe('请填写正确的物流单号')
    await shot('03-ship-refused')
    await here().locator('.hq-order__tracking input').fill('ZT7300012345678')
    await here().locator('.hq-order__ship-button').click()
    await here().locator('.hq-order__shipment').waitFor()
    expect(await here().locator('.hq-order__shipment').innerText()).toContain('中通快递 ZT7300012345678')
    expect(await here().locator('.hq-order__status').innerText()).toBe('待收货')
    await shot('04-shipped')

    const seen = await callAs(shop.cloud, LIN.openid, 'order', 'getOrder', { orderId: order._id })
    expect(seen.data).toMatchObject({ status: 'shipped', shipment: { company: '中通快递', trackingNo: 'ZT7300012345678' } })
    await page.goBack()
    await here().locator('.hq-orders__card', { hasText: order.orderNo }).waitFor({ state: 'detached' })
  })

  it('approves 王芳’s withdrawal; it leaves the review list', async () => {
    await page.goBack()
    await here().locator('.hq-home__to-review').click()
    const card = here().locator('.hq-withdrawals__card', { hasText: '芳姐的龙井小铺' })
    await card.waitFor()
    expect(await card.innerText()).toContain('¥30.00')
    await shot('05-withdrawals')
    await card.locator('.hq-withdrawals__approve').click()
    await card.waitFor({ state: 'detached' })
    await here().getByText('没有待审核的提现').waitFor()
    await shot('06-withdrawal-approved')
    const { data: withdrawal } = await shop.db.collection('withdrawals').doc(withdrawalId).get()
    expect(withdrawal).toMatchObject({ decidedBy: HQ.openid })
    expect(withdrawal.status).not.toBe('reviewing')
  })

  it('approves the shop 赵磊 opened while HQ reviews new shops', async () => {
    expect((await callAs(shop.cloud, HQ.openid, 'hq', 'setShopOpening', { reviewRequired: true })).ok).toBe(true)
    const opened = await callAs(shop.cloud, ZHAO.openid, 'shop', 'openShop', { profile: { name: '赵磊的仓储茶铺' } })
    expect(opened).toMatchObject({ ok: true, data: { status: 'pending' } })
    await page.goBack()
    await page.reload()
    await expect.poll(() => here().locator('.hq-home__shops .hq-home__figure').innerText()).toBe('1')
    await here().locator('.hq-home__shops').click()
    const card = here().locator('.hq-shops__card', { hasText: '赵磊的仓储茶铺' })
    await card.waitFor()
    expect(await here().locator('.hq-page__tab--active').innerText()).toBe('待审核')
    await shot('07-shops-pending')
    await card.locator('.hq-shops__approve').click()
    await card.waitFor({ state: 'detached' })
    expect((await shop.db.collection('shops').doc(opened.data._id).get()).data.status).toBe('active')
    await here().locator('.hq-shops__tab--active').click()
    await here().locator('.hq-shops__card', { hasText: '赵磊的仓储茶铺' }).waitFor()
    await shot('08-shops-active')
  })

  it('changes the commission rules: an after-sales period out of range is refused with the server’s reason, then saved as a new version', async () => {
    await page.goBack()
    await here().locator('.hq-home__rules').click()
    const commission = here().locator('.hq-rules__commission')
    await commission.waitFor()
    await commission.locator('.hq-rules__defaultRateBps input').fill('12')
    await commission.locator('.hq-rules__afterSalesDays input').fill('100')
    await commission.locator('.hq-rules__save-commission').click()
    await expect.poll(() => commission.locator('.hq-page__error').innerText()).toBe('售后期须为 0 到 90 天')
    await shot('09-rules-refused')
    await commission.locator('.hq-rules__afterSalesDays input').fill('10')
    await commission.locator('.hq-rules__save-commission').click()
    // The demo's rules (10%, 15% on 茶器礼盒) are version 2: HQ's change is the third.
    await expect.poll(() => here().locator('.hq-rules__commission .hq-rules__version').innerText()).toContain('第 3 版')
    expect(await here().locator('.hq-rules__commission .hq-rules__defaultRateBps input').inputValue()).toBe('12.00')
    await shot('10-rules-saved')
    const { data: saved } = await shop.db.collection('settings').doc('commissionRules').get()
    expect(saved.rules).toMatchObject({ version: 3, defaultRateBps: 1200, afterSalesDays: 10, categoryRatesBps: { 'cat-teaware': 1500 } })
  })

  it('imports pasted roster rows — a bad row refuses the paste with its line — and offboards an employee to a colleague’s shop', async () => {
    await page.goBack()
    await here().locator('.hq-home__roster').click()
    const paste = here().locator('.hq-roster__paste textarea')
    await paste.fill('工号\t姓名\t部门\t手机后四位\nE2001\t宋佳\t财务部\t1111\nE2002\t\t市场部\t2222')
    await here().locator('.hq-roster__import-button').click()
    await expect.poll(() => here().locator('.hq-roster__problem').allInnerTexts()).toEqual(['第 2 行：姓名不正确'])
    expect((await shop.db.collection('roster').where({ employeeNo: 'E2001' }).get()).data).toEqual([])
    await shot('11-roster-refused')
    await paste.fill('E2001\t宋佳\t财务部\t1111\nE2002\t沈涛\t市场部\t2222')
    await here().locator('.hq-roster__import-button').click()
    await expect.poll(() => here().locator('.hq-roster__done').innerText()).toBe('已导入：新增 2 人，更新 0 人')

    await here().locator('.hq-roster__employee-no input').fill('E1002')
    await here().locator('.hq-roster__choice', { hasText: '芳姐的龙井小铺' }).click()
    await shot('12-roster-offboarding')
    await here().locator('.hq-roster__deactivate-button').click()
    // The roster entry and the shop change first; the customers move after, batch by batch.
    await expect.poll(async () => (await shop.db.collection('bindings').doc(CHEN.openid).get()).data.shopId).toBe('shop-wangfang')
    expect((await shop.db.collection('roster').doc('E1002').get()).data.active).toBe(false)
    expect((await shop.db.collection('shops').doc('shop-liming').get()).data.status).toBe('closed')
  })

  it('both decisions are in the audit log under 何静, with the documents before and after', async () => {
    const { data } = await shop.db.collection('audit_logs').where({ actorOpenid: HQ.openid, ok: true }).limit(100).get()
    const ship = data.find((e: any) => e.action === 'hq.shipOrder')
    expect(ship).toMatchObject({ actorRole: 'hq_admin', change: { id: order._id, before: { status: 'paid' }, after: { status: 'shipped' } } })
    const approve = data.find((e: any) => e.action === 'hq.approveWithdrawal')
    expect(approve).toMatchObject({ change: { id: withdrawalId, before: { status: 'reviewing' } } })
    expect(data.filter((e: any) => e.action === 'hq.shipOrder' && e.ok === false)).toEqual([])
  })
})
