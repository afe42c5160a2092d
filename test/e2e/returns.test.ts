import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { shipOrder } from '../support/employees'
import { buyer, eventually } from '../support/orders'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/**
 * 退货退款 with HQ's return address, in the H5 build on two phones: 周建国 asks to send back his shipped
 * 信阳毛尖; 何静 (HQ) cannot agree before she has set where returns go, sets the address on the rules
 * page and agrees; 周建国 sees the address (and copies it) with the deadline, sends the goods back with a
 * tracking number; 何静 refuses the refund as the goods arrive, and 周建国 reads why.
 */
describe('returns: the return address, the deadline, and HQ refusing on receipt', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let hqPage: Page
  let hqShot: (name: string) => Promise<string>
  let orderId = ''

  const zhou = demoPersonas.find((p) => p.name === '周建国')!
  const hqAdmin = demoPersonas.find((p) => p.role === 'hq_admin')!
  const here = () => currentPage(page)
  const hqHere = () => currentPage(hqPage)
  const storedRefund = async () => (await shop.db.collection('orders').doc(orderId).get()).data.refund
  const openOrder = async () => {
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/detail/index?id=${orderId}`)
    await here().locator('.status-header__status').waitFor()
  }
  const openHqOrder = async () => {
    await hqPage.goto(`${shop.cloud.url}/#/package-hq/pages/order/index?id=${orderId}`)
    await hqHere().locator('.hq-order__status').waitFor()
  }

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('returns'))
    ;({ page: hqPage, shot: hqShot } = await openPhone('returns', browser))
    const b = buyer(shop.cloud, zhou.openid)
    const placed = await b.place([{ skuId: 'p-xinyang-maojian-125g', quantity: 1 }])
    await b.pay(placed.data._id)
    await eventually(() => b.order(placed.data._id), (o) => o.status === 'paid', 15_000)
    orderId = placed.data._id
    expect((await shipOrder(shop.cloud, orderId, 'SF2026113001', 'SF', hqAdmin.openid)).ok).toBe(true)
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('周建国 asks to send back his shipped order', async () => {
    await signIn(page, shop.cloud.url, zhou.name)
    await openOrder()
    await here().locator('.order-actions__button', { hasText: '申请退款' }).click()
    await here().locator('.refund-sheet__kind', { hasText: '退货退款' }).click()
    await here().locator('.reason-sheet__reason', { hasText: '质量问题' }).click()
    await here().locator('.reason-sheet__confirm').click()
    await here().locator('.status-header__refund', { hasText: '退款申请中' }).waitFor()
    expect(await storedRefund()).toMatchObject({ kind: 'return', status: 'requested' })
  })

  it('HQ cannot agree before the return address is set, and is told so', async () => {
    await signIn(hqPage, shop.cloud.url, hqAdmin.name)
    await openHqOrder()
    await hqHere().locator('.hq-order__approve', { hasText: '同意退货' }).click()
    await hqHere().locator('.hq-order__refund .hq-page__error', { hasText: '还没有设置退货地址' }).waitFor()
    expect((await storedRefund()).status).toBe('requested')
    await hqShot('01-hq-approve-refused-no-address')
  })

  it('HQ sets the return address on the rules page: a wrong phone is refused under its field, then saved as a new version', async () => {
    await hqPage.goto(`${shop.cloud.url}/#/package-hq/pages/rules/index`)
    const card = hqHere().locator('.hq-rules__returns')
    await card.locator('.hq-rules__version', { hasText: '尚未设置退货地址' }).waitFor()
    const fill = async (field: string, value: string) => card.locator(`.hq-rules__return-${field} input`).fill(value)
    await fill('name', '王仓管')
    await fill('phone', '1390013')
    await fill('province', '云南省')
    await fill('city', '昆明市')
    await fill('district', '官渡区')
    await fill('detail', '茶城路 8 号云岭茶舍仓库')
    await card.locator('.hq-rules__returnDays input').fill('5')
    await card.locator('.hq-rules__save-returns').click()
    await card.locator('.hq-page__error', { hasText: '请填写正确的手机号' }).waitFor()
    await fill('phone', '13900139000')
    await card.locator('.hq-rules__save-returns').click()
    await hqHere().locator('.hq-rules__returns .hq-rules__version', { hasText: '当前第 2 版' }).waitFor()
    await hqHere().locator('.hq-rules__returns').scrollIntoViewIfNeeded()
    await hqShot('02-hq-return-address-set')
  })

  it('HQ agrees: the order page shows where the goods go and by when', async () => {
    await openHqOrder()
    await hqHere().locator('.hq-order__approve', { hasText: '同意退货' }).click()
    await hqHere().locator('.hq-order__awaiting', { hasText: '王仓管 13900139000 云南省昆明市官渡区茶城路 8 号云岭茶舍仓库' }).waitFor()
    expect(await storedRefund()).toMatchObject({ status: 'awaiting_return', returnAddress: { name: '王仓管', phone: '13900139000' } })
    await hqShot('03-hq-return-agreed')
  })

  it('周建国 sees the address with the deadline five days on, and copies it', async () => {
    const dueAt = new Date((await storedRefund()).returnDueAt)
    expect(dueAt.getTime() - new Date((await storedRefund()).decidedAt).getTime()).toBe(5 * 86_400_000)
    await openOrder()
    const card = here().locator('.return-address')
    await card.waitFor()
    expect(await card.locator('.return-address__receiver').innerText()).toMatch(/^王仓管\s+13900139000$/)
    expect(await card.locator('.return-address__line').innerText()).toBe('云南省昆明市官渡区茶城路 8 号云岭茶舍仓库')
    expect(await card.locator('.return-address__due').innerText()).toContain('前寄回并填写退货物流')
    expect(await card.locator('.return-address__left').innerText()).toBe('还剩 4 天 23 小时')
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['撤销申请', '填写退货物流'])
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.cloud.url })
    await card.locator('.return-address__copy').click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('王仓管 13900139000 云南省昆明市官渡区茶城路 8 号云岭茶舍仓库')
    await shot('04-return-address-and-deadline')
  })

  it('周建国 sends the goods back with a tracking number', async () => {
    await here().locator('.order-actions__button', { hasText: '填写退货物流' }).click()
    await here().locator('.return-sheet .reason-sheet__reason', { hasText: '中通快递' }).click()
    await here().locator('.return-sheet__tracking input').fill('ZT7300099999')
    await here().locator('.return-sheet .reason-sheet__confirm').click()
    await here().locator('.status-header__refund', { hasText: '商品寄回中' }).waitFor()
    expect(await here().locator('.return-address').count()).toBe(0)
    await shot('05-returning')
  })

  it('HQ refuses the refund as the goods arrive, with a reason', async () => {
    await openHqOrder()
    const card = hqHere().locator('.hq-order__return', { hasText: '中通快递 ZT7300099999' })
    await card.waitFor()
    await card.locator('.hq-order__refuse').click()
    await card.locator('.hq-order__refuse-reason input').fill('商品已拆封使用，不支持退货')
    await hqShot('06-hq-refusing')
    await card.locator('.hq-order__refuse-confirm').click()
    await expect.poll(async () => (await storedRefund()).status).toBe('rejected')
    await hqHere().locator('.hq-order__status', { hasText: '退款被拒绝' }).waitFor()
    expect(await hqHere().locator('.hq-order__return').count()).toBe(0)
  })

  it('周建国 reads why, his order is where it was, and he may ask again', async () => {
    await openOrder()
    expect(await here().locator('.status-header__status').innerText()).toBe('待收货')
    expect(await here().locator('.status-header__refund').innerText()).toBe('退款被拒绝：商品已拆封使用，不支持退货')
    expect(await here().locator('.status-header__hint').innerText()).toContain('商家验收退货后拒绝了退款')
    expect(await here().locator('.refunds__note').allInnerTexts()).toContain('拒绝原因：商品已拆封使用，不支持退货')
    expect((await here().locator('.timeline__text').allInnerTexts())[0]).toBe('商家收到退货后拒绝退款：商品已拆封使用，不支持退货')
    expect(await here().locator('.order-actions__button').allInnerTexts()).toEqual(['申请退款', '确认收货'])
    await shot('07-refused-reason')
  })
})
