import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { bookAvailableCommission } from '../support/employees'
import { callAs } from '../support/local-cloud'
import { paidOrder } from '../support/orders'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/**
 * 总部工作台 end to end, as the demo's HQ persona 何静 (the local cloud's first admin). 林小雨 has paid
 * for three gift boxes (three orders), and 王芳 has asked to withdraw ¥30.00 of her released commission;
 * 何静 opens the 工作台 from 我的, sees what waits, picks the three orders in the 待发货 queue and ships
 * them at once — a mistyped tracking number is pointed out on its row, and the order whose buyer asked a
 * refund meanwhile is refused alone while the other two ship —, approves that refund and the withdrawal, approves the shop 赵磊 opened under review, raises the commission rate — and the next
 * order of 王芳's customer earns the new rate —, imports two roster rows and offboards 李明, whose
 * customer 陈思思 goes to 王芳's shop. 林小雨 sees her orders shipped with the carrier and tracking
 * number, WeChat has each shipment, and the decisions are in the audit log.
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const WANG = demoPersonas.find((p) => p.key === 'employee-wang')!
const ZHAO = demoPersonas.find((p) => p.key === 'employee-zhao')!
const CHEN = demoPersonas.find((p) => p.key === 'consumer-chen')!
const ZHOU = demoPersonas.find((p) => p.key === 'consumer-zhou')!

describe('HQ ships an order, approves a withdrawal and a shop, and changes the rules from the 工作台', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let order: { _id: string; orderNo: string }
  let second: { _id: string; orderNo: string }
  let refunding: { _id: string; orderNo: string }
  let withdrawalId = ''
  const here = () => currentPage(page)

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('hq-console'))
    order = (await paidOrder(shop.cloud, LIN.openid, 'p-longjing-mingqian-50g-gift')).order
    second = (await paidOrder(shop.cloud, LIN.openid, 'p-longjing-mingqian-50g-gift')).order
    refunding = (await paidOrder(shop.cloud, LIN.openid, 'p-longjing-mingqian-50g-gift')).order
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

  it('ships orders at once from the 待发货 queue: a mistyped number is pointed out on its row, and an order its buyer wants refunded meanwhile is refused alone', async () => {
    await here().locator('.hq-home__to-ship').click()
    const card = (o: { orderNo: string }) => here().locator('.hq-orders__card', { hasText: o.orderNo })
    for (const o of [order, second, refunding]) await card(o).waitFor()
    expect(await here().locator('.hq-page__tab--active').innerText()).toBe('待发货')
    for (const o of [order, second, refunding]) await card(o).locator('.hq-orders__check').click()
    await expect.poll(() => here().locator('.hq-orders__bar').innerText()).toContain('已选 3 单')
    await shot('02-to-ship-queue-selected')
    await here().locator('.hq-orders__ship-selected').click()
    const sheet = here().locator('.hq-orders__batch')
    await sheet.locator('.carrier-picker__item', { hasText: '中通快递' }).click()
    const row = (o: { orderNo: string }) => sheet.locator('.hq-orders__batch-row', { hasText: o.orderNo })
    await row(order).locator('input').fill('ZT7300012345678')
    await row(second).locator('input').fill('no!')
    await row(refunding).locator('input').fill('ZT7300012345680')
    await sheet.locator('.hq-orders__batch-confirm').click()
    await expect.poll(() => row(second).locator('.hq-page__error').innerText()).toBe('请填写正确的物流单号')
    expect(await sheet.locator('.hq-orders__batch-row').count()).toBe(3)
    await shot('03-batch-ship-mistyped')

    // Meanwhile 林小雨 asks a refund of the third: that order no longer ships, the other two do.
    expect(await callAs(shop.cloud, LIN.openid, 'order', 'requestRefund', { orderId: refunding._id, reason: '送人的，对方已有' })).toMatchObject({ ok: true })
    await row(second).locator('input').fill('ZT7300012345679')
    await sheet.locator('.hq-orders__batch-confirm').click()
    await row(order).waitFor({ state: 'detached' })
    expect(await sheet.locator('.hq-orders__batch-row').count()).toBe(1)
    expect(await row(refunding).locator('.hq-page__error').innerText()).not.toBe('')
    await shot('04-batch-ship-one-refused')
    await sheet.locator('.hq-orders__batch-close').click()
    await card(order).waitFor({ state: 'detached' })
    await card(second).waitFor({ state: 'detached' })
    await shot('05-batch-shipped')

    // WeChat's 发货信息管理 has both shipments, by the payments' transaction ids.
    const reported = shop.cloud.openapi.calls('wxa.sec.order.uploadShippingInfo').filter((call) => call.errcode === 0)
    expect(reported.map((call) => (call.params.shipping_list as any[])[0].tracking_no).sort()).toEqual(['ZT7300012345678', 'ZT7300012345679'])
    expect(reported.map((call) => call.params.payer)).toEqual([{ openid: LIN.openid }, { openid: LIN.openid }])
    const { data: stored } = await shop.db.collection('orders').doc(order._id).get()
    expect(stored.shippingReport).toMatchObject({ state: 'accepted' })
  })

  it('林小雨 sees her order shipped, with the carrier and a tracking number she can copy', async () => {
    await signIn(page, shop.cloud.url, LIN.name)
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${order._id}`)
    await here().locator('.order-detail__shipment').waitFor()
    expect(await here().locator('.status-header__status').innerText()).toBe('待收货')
    expect(await here().locator('.order-detail__carrier').innerText()).toContain('中通快递')
    expect(await here().locator('.order-detail__tracking').innerText()).toContain('ZT7300012345678')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.cloud.url })
    await here().locator('.order-detail__tracking .order-detail__copy').click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('ZT7300012345678')
    await shot('06-buyer-shipped')
    await signIn(page, shop.cloud.url, HQ.name)
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__to-ship').waitFor()
  })

  it('approves 林小雨’s refund from 退款待处理; WeChat Pay sends it back', async () => {
    await here().locator('.hq-home__orders').click()
    await here().locator('.hq-orders__tab--refund_requested').click()
    const card = here().locator('.hq-orders__card', { hasText: refunding.orderNo })
    await card.waitFor()
    await shot('07-refunds-queue')
    await card.click()
    await here().locator('.hq-order__approve').click()
    await expect.poll(() => here().locator('.hq-order__status').innerText()).toContain('退款')
    await shot('08-refund-approved')
    await expect.poll(async () => (await shop.db.collection('orders').doc(refunding._id).get()).data.refund.status, { timeout: 15_000 }).toBe('refunded')
    await page.goBack()
    await page.goBack()
  })

  it('approves 王芳’s withdrawal; it leaves the review list', async () => {
    await here().locator('.hq-home__to-review').click()
    const card = here().locator('.hq-withdrawals__card', { hasText: '芳姐的龙井小铺' })
    await card.waitFor()
    expect(await card.innerText()).toContain('¥30.00')
    await shot('09-withdrawals')
    await card.locator('.hq-withdrawals__approve').click()
    await card.waitFor({ state: 'detached' })
    await here().getByText('没有待审核的提现').waitFor()
    await shot('10-withdrawal-approved')
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
    await shot('11-shops-pending')
    await card.locator('.hq-shops__approve').click()
    await card.waitFor({ state: 'detached' })
    expect((await shop.db.collection('shops').doc(opened.data._id).get()).data.status).toBe('active')
    await here().locator('.hq-shops__tab--active').click()
    await here().locator('.hq-shops__card', { hasText: '赵磊的仓储茶铺' }).waitFor()
    await shot('12-shops-active')
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
    await shot('13-rules-refused')
    await commission.locator('.hq-rules__afterSalesDays input').fill('10')
    await commission.locator('.hq-rules__save-commission').click()
    // The demo's rules (10%, 15% on 茶器礼盒) are version 2: HQ's change is the third.
    await expect.poll(() => here().locator('.hq-rules__commission .hq-rules__version').innerText()).toContain('第 3 版')
    expect(await here().locator('.hq-rules__commission .hq-rules__defaultRateBps input').inputValue()).toBe('12.00')
    await shot('14-rules-saved')
    const { data: saved } = await shop.db.collection('settings').doc('commissionRules').get()
    expect(saved.rules).toMatchObject({ version: 3, defaultRateBps: 1200, afterSalesDays: 10, categoryRatesBps: { 'cat-teaware': 1500 } })

    // 周建国, bound to 王芳's shop, buys green tea next: her commission on it is 12% under version 3.
    const { order: next } = await paidOrder(shop.cloud, ZHOU.openid, 'p-longjing-mingqian-50g-gift')
    await expect
      .poll(async () => ((await callAs(shop.cloud, WANG.openid, 'commission', 'listEntries', {})).data.items as any[]).find((e) => e.order?.orderNo === next.orderNo))
      .toMatchObject({ rateBps: 1200, ruleVersion: 3 })
  })

  it('imports pasted roster rows — a bad row refuses the paste with its line — and offboards an employee to a colleague’s shop', async () => {
    await page.goBack()
    await here().locator('.hq-home__roster').click()
    const paste = here().locator('.hq-roster__paste textarea')
    await paste.fill('工号\t姓名\t部门\t手机后四位\nE2001\t宋佳\t财务部\t1111\nE2002\t\t市场部\t2222')
    await here().locator('.hq-roster__import-button').click()
    await expect.poll(() => here().locator('.hq-roster__problem').allInnerTexts()).toEqual(['第 2 行：姓名不正确'])
    expect((await shop.db.collection('roster').where({ employeeNo: 'E2001' }).get()).data).toEqual([])
    await shot('15-roster-refused')
    await paste.fill('E2001\t宋佳\t财务部\t1111\nE2002\t沈涛\t市场部\t2222')
    await here().locator('.hq-roster__import-button').click()
    await expect.poll(() => here().locator('.hq-roster__done').innerText()).toBe('已导入：新增 2 人，更新 0 人')

    await here().locator('.hq-roster__employee-no input').fill('E1002')
    await here().locator('.hq-roster__choice', { hasText: '芳姐的龙井小铺' }).click()
    await shot('16-roster-offboarding')
    await here().locator('.hq-roster__deactivate-button').click()
    // The roster entry and the shop change first; the customers move after, batch by batch.
    await expect.poll(async () => (await shop.db.collection('bindings').doc(CHEN.openid).get()).data.shopId).toBe('shop-wangfang')
    expect((await shop.db.collection('roster').doc('E1002').get()).data.active).toBe(false)
    expect((await shop.db.collection('shops').doc('shop-liming').get()).data.status).toBe('closed')
  })

  it('the decisions are in the audit log under 何静, a single one with the document before and after', async () => {
    const { data } = await shop.db.collection('audit_logs').where({ actorOpenid: HQ.openid, ok: true }).limit(100).get()
    const shipped = data.filter((e: any) => e.action === 'hq-orders.shipOrders').map((e: any) => e.payload.orders.map((o: any) => o.orderId).sort())
    expect(shipped).toEqual([[order._id, second._id, refunding._id].sort()])
    expect(data.find((e: any) => e.action === 'hq-orders.approveRefund')).toMatchObject({ actorRole: 'hq_admin', change: { id: refunding._id, before: { refund: { status: 'requested' } } } })
    const approve = data.find((e: any) => e.action === 'hq.approveWithdrawal')
    expect(approve).toMatchObject({ change: { id: withdrawalId, before: { status: 'reviewing' } } })
  })
})
