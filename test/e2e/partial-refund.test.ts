import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { REASON_MAX_LENGTH } from '../../src/core/reason'
import { callAs } from '../support/local-cloud'
import { buyer, eventually } from '../support/orders'
import { currentPage, openPhone, startShop } from './support/shop'

/**
 * A consumer's paid order of two 黄山毛峰 and one 信阳毛尖 (¥244.00, shipped free), refunded in the H5
 * build in two goes: first one 黄山毛峰, chosen line by line in the refund form; HQ approves it and the
 * order carries on, marked 部分退款; then the rest, which HQ approves for less. The order page lists
 * each refund. (The order is placed and paid through the functions: the shopping flow is its own test.)
 */
describe('a consumer gets part of an order refunded, then the rest', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let orderId = ''

  const lin = demoPersonas.find((p) => p.name === '林小雨')!
  const hqAdmin = demoPersonas.find((p) => p.role === 'hq_admin')!
  const here = () => currentPage(page)
  const sheetLine = (title: string) => here().locator('.refund-sheet__line', { hasText: title })
  const sheetAmount = () => here().locator('.refund-sheet__fen').innerText()
  const storedRefund = async () => (await shop.db.collection('orders').doc(orderId).get()).data.refund
  const openOrder = async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${orderId}`)
    await here().locator('.status-header__status').waitFor()
  }

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('partial-refund'))
    const b = buyer(shop.cloud, lin.openid)
    const placed = await b.place([
      { skuId: 'p-huangshan-maofeng-100g-bag', quantity: 2 },
      { skuId: 'p-xinyang-maojian-125g', quantity: 1 },
    ])
    orderId = placed.data._id
    await b.pay(orderId)
    await eventually(() => b.order(orderId), (o) => o.status === 'paid')
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('signs in as 林小雨 and opens the paid order', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    await here().locator('.dev-sign-in__persona', { hasText: lin.name }).click()
    await expect.poll(() => here().locator('.me__name').innerText()).toBe(lin.name)
    await openOrder()
    expect(await here().locator('.status-header__status').innerText()).toBe('待发货')
    expect(await here().locator('.amounts__payable').innerText()).toBe('¥244.00')
  })

  it('asks for one 黄山毛峰 back: the form starts with everything, and the amount follows the lines chosen', async () => {
    await here().locator('.order-actions__button', { hasText: '申请退款' }).click()
    await sheetLine('黄山毛峰').waitFor()
    expect(await sheetAmount()).toBe('¥244.00')
    expect(await sheetLine('黄山毛峰').locator('.refund-sheet__note').innerText()).toMatch(/可退 2 件$/)
    await shot('01-refund-form-everything')

    // Not the 信阳毛尖, and one 黄山毛峰 of the two.
    await sheetLine('信阳毛尖').locator('.check-mark').click()
    await expect.poll(sheetAmount).toBe('¥176.00')
    await sheetLine('黄山毛峰').locator('.quantity-stepper__button').first().click()
    await expect.poll(sheetAmount).toBe('¥88.00')
    await here().locator('.reason-sheet__reason', { hasText: '质量问题' }).click()
    await here().locator('.reason-sheet__input textarea').fill('一袋封口破了')
    await shot('02-refund-form-one-line')
    await here().locator('.reason-sheet__confirm').click()

    await here().locator('.status-header__refund', { hasText: '退款申请中' }).waitFor()
    const refund = here().locator('.refunds__refund').first()
    expect(await refund.locator('.refunds__amount').innerText()).toBe('¥88.00')
    expect(await refund.locator('.refunds__line').allInnerTexts()).toEqual(['黄山毛峰 特一级 100g · 袋装 ×1'])
    expect(await refund.locator('.refunds__note').innerText()).toBe('原因：质量问题：一袋封口破了')
    await shot('03-refund-requested')
  })

  it('HQ approves; the order carries on, 待发货 · 部分退款, and the buyer may still ask for the rest', async () => {
    expect((await callAs(shop.cloud, hqAdmin.openid, 'hq-orders', 'approveRefund', { orderId })).ok).toBe(true)
    await expect.poll(async () => (await storedRefund()).status, { timeout: 5_000 }).toBe('refunded')

    await openOrder()
    await expect.poll(() => here().locator('.refunds__status').allInnerTexts()).toEqual(['已退款'])
    expect(await here().locator('.status-header__status').innerText()).toBe('待发货')
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['申请退款'])
    expect(await here().locator('.timeline__text').allInnerTexts()).toEqual(expect.arrayContaining(['退款成功', '退款已同意', '申请退款：质量问题：一袋封口破了']))
    await shot('04-partly-refunded')

    await page.goto(`${shop.cloud.url}/#/package-orders/pages/list/index?tab=all`)
    await expect.poll(() => here().locator('.order-card__status').allInnerTexts()).toEqual(['待发货 · 部分退款'])
  })

  it('asks for the rest with a note at its limit: what is left of each line; HQ approves ¥150.00 of the ¥156.00, and the order is 已退款', async () => {
    await openOrder()
    await here().locator('.order-actions__button', { hasText: '申请退款' }).click()
    await sheetLine('黄山毛峰').waitFor()
    expect(await sheetLine('黄山毛峰').locator('.refund-sheet__note').innerText()).toMatch(/可退 1 件$/)
    expect(await sheetAmount()).toBe('¥156.00')

    // The reason and the note share one limit of 200, counted as the buyer writes.
    const note = here().locator('.reason-sheet__input textarea')
    const counter = here().locator('.reason-sheet__counter')
    const confirm = here().locator('.reason-sheet__confirm')
    await note.fill('茶'.repeat(REASON_MAX_LENGTH))
    await expect.poll(() => counter.innerText()).toBe('200/200')
    // A reason picked after a full note does not fit beside it: the sheet says so and waits.
    await here().locator('.reason-sheet__reason', { hasText: '不想要了' }).click()
    await expect.poll(() => counter.innerText()).toBe('205/200')
    expect(await counter.getAttribute('class')).toContain('length-counter--over')
    expect(await confirm.getAttribute('class')).toContain('action-button--disabled')
    await shot('05-refund-form-note-too-long')
    // Written again beside the reason, the note stops at the room left, and the whole is sent.
    await note.fill('')
    await note.pressSequentially('茶'.repeat(REASON_MAX_LENGTH - 5 + 3))
    await expect.poll(() => counter.innerText()).toBe('200/200')
    expect((await note.inputValue()).length).toBe(REASON_MAX_LENGTH - 5)
    await shot('06-refund-form-note-at-its-limit')
    await confirm.click()
    await here().locator('.status-header__refund', { hasText: '退款申请中' }).waitFor()
    expect((await storedRefund()).reason).toBe(`不想要了：${'茶'.repeat(REASON_MAX_LENGTH - 5)}`)

    expect((await callAs(shop.cloud, hqAdmin.openid, 'hq-orders', 'approveRefund', { orderId, amountFen: 15000 })).ok).toBe(true)
    await expect.poll(async () => (await storedRefund()).status, { timeout: 5_000 }).toBe('refunded')

    await openOrder()
    await expect.poll(() => here().locator('.status-header__status').innerText()).toBe('已退款')
    const refunds = here().locator('.refunds__refund')
    expect(await refunds.locator('.refunds__amount').allInnerTexts()).toEqual(['¥150.00', '¥88.00'])
    expect(await refunds.first().locator('.refunds__asked').innerText()).toBe('申请 ¥156.00')
    expect(await refunds.first().locator('.refunds__line').allInnerTexts()).toEqual(['黄山毛峰 特一级 100g · 袋装 ×1', '信阳毛尖 雨前一级 125g ×1'])
    expect(await here().locator('.order-actions__button').count()).toBe(0)
    await shot('07-refunded-in-two')
  })
})
