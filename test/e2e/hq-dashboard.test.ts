import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { formatFen } from '../../src/core/money'
import { callAs } from '../support/local-cloud'
import { eventually, paidOrder } from '../support/orders'
import { currentPage, openPhone, startShop } from './support/shop'

/**
 * 数据看板 end to end, as the demo's HQ persona 何静. Before she looks, 林小雨 pays for two orders and
 * 陈思思 (a customer of 李明's shop) for one, and HQ refunds ¥12.00 of one of 林小雨's: the dashboard's
 * figures for today are what they were plus exactly these orders.
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const CHEN = demoPersonas.find((p) => p.key === 'consumer-chen')!
const LI = demoPersonas.find((p) => p.key === 'employee-li')!
const SKU = 'p-longjing-mingqian-50g-gift'

describe('HQ reads the day’s figures on the 数据看板', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let before: any
  const paid: Array<{ _id: string; payableFen: number }> = []
  const here = () => currentPage(page)
  const text = (selector: string) => here().locator(selector).innerText()

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('hq-dashboard'))
    before = (await callAs(shop.cloud, HQ.openid, 'hq-reports', 'getDashboard', { period: 'today' })).data
    for (const openid of [LIN.openid, LIN.openid, CHEN.openid]) paid.push((await paidOrder(shop.cloud, openid, SKU)).order)
    const refunded = paid[1]
    expect(await callAs(shop.cloud, HQ.openid, 'hq-orders', 'startRefund', { orderId: refunded._id, reason: '包装破损补偿', amountFen: 1200 })).toMatchObject({ ok: true })
    await eventually(async () => (await callAs(shop.cloud, LIN.openid, 'order', 'getOrder', { orderId: refunded._id })).data, (o) => o.refund?.status === 'refunded', 10_000)
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('何静 opens 数据看板 from the 工作台: today’s GMV, orders, average, refunds and new customers match the orders', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    await here().locator('.dev-sign-in__persona', { hasText: HQ.name }).click()
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__dashboard').click()
    await here().locator('.dashboard__gmv').waitFor()
    const gmvFen = before.kpis.gmvFen + paid.reduce((sum, o) => sum + o.payableFen, 0)
    const paidOrders = before.kpis.paidOrders + 3
    expect(await text('.dashboard__gmv .dashboard__kpi-value')).toBe(formatFen(gmvFen))
    expect(await text('.dashboard__orders .dashboard__kpi-value')).toBe(String(paidOrders))
    expect(await text('.dashboard__aov .dashboard__kpi-value')).toBe(formatFen(Math.floor(gmvFen / paidOrders)))
    expect(await text('.dashboard__new-customers .dashboard__kpi-value')).toBe(String(before.kpis.newCustomers + 2))
    expect(await text('.dashboard__refunds .dashboard__kpi-value')).toBe(formatFen(before.kpis.refundFen + 1200))
    expect(await text('.dashboard__refunds .dashboard__kpi-label')).toBe(`退款 ${before.kpis.refunds + 1} 笔`)
    await shot('00-dashboard-today')
  })

  it('李明’s shop sold one order, shown in the shop ranking, under his department, and in the funnel', async () => {
    expect(await text('.dashboard__shops')).toContain(LI.name)
    expect(await text('.dashboard__departments')).toContain(LI.name)
    expect(await text('.dashboard__funnel')).toContain(String(before.funnel.orders + 1))
    await here().locator('.dashboard__departments').scrollIntoViewIfNeeded()
    await shot('01-dashboard-ranking')
  })

  it('switches to 近30天: the daily chart has 30 days, the last one today’s', async () => {
    await here().locator('.dashboard__period-30d').click()
    await here().locator('.chart-columns').waitFor()
    expect(await here().locator('.chart-columns__slot').count()).toBe(30)
    expect(await here().locator('.chart-columns__slot').last().getAttribute('aria-label')).toContain(formatFen(before.kpis.gmvFen + paid.reduce((sum, o) => sum + o.payableFen, 0)))
    await here().locator('.hq-page__tabs').scrollIntoViewIfNeeded()
    await shot('02-dashboard-30-days')
  })
})
