import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { fillAddressForm } from './support/address-form'
import { ARTIFACTS, NEWCOMER, currentPage, launch as launchPath, openPhone, signIn as signInAs, startShop } from './support/shop'

/**
 * 全员开店 end to end, on two phones. 吴昊 of 市场部 is on HQ's roster but has never verified (the demo
 * has no persona for him, so the test brings one): he verifies on 我的, opens his shop, picks two
 * products and shares 西湖龙井 — the test takes the path the product page would share. 林小雨, a new
 * consumer, opens that path on her own phone, is bound to his shop, buys and pays in the cashier, and
 * her order says 由 吴昊 的小店推荐. 吴昊 then sees the visit, his masked customer and the order with
 * why it is his. A poster is made, and its 小程序码 decodes to a scene that stands for his shop and
 * the same product.
 */
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const CHEN = demoPersonas.find((p) => p.key === 'consumer-chen')!
const LONGJING = 'p-longjing-mingqian'

describe('an employee opens a shop and shares a product; a friend buys through it', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let employee: Page
  let consumer: Page
  let employeeShot: (name: string) => Promise<string>
  let consumerShot: (name: string) => Promise<string>
  let shopId = ''
  let sharePath = ''
  let shareCode = ''

  const on = (page: Page) => currentPage(page)
  const signIn = (page: Page, name: string) => signInAs(page, shop.cloud.url, name)
  const launch = (page: Page, path: string) => launchPath(page, shop.cloud.url, path)

  beforeAll(async () => {
    shop = await startShop([NEWCOMER])
    ;({ browser, page: employee, shot: employeeShot } = await openPhone('employee-shop'))
    ;({ page: consumer, shot: consumerShot } = await openPhone('employee-shop', browser))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('吴昊 verifies as an employee on 我的: a wrong code is refused, the roster code lets him in', async () => {
    await signIn(employee, '吴昊')
    // Met for the first time: no nickname yet, and not an employee until the roster says so.
    await expect.poll(() => on(employee).locator('.me__name').innerText()).toBe('微信用户')
    await on(employee).locator('.me__verify').scrollIntoViewIfNeeded()
    await employeeShot('00-me-not-verified')
    await on(employee).locator('.me__verify').click()
    const form = on(employee)
    await form.locator('.verify__submit').waitFor()
    await form.locator('.verify__employee-no input').fill('E1005')
    await form.locator('.verify__code input').fill('0000')
    await form.locator('.verify__submit').click()
    await expect.poll(() => form.locator('.verify__error').innerText()).toBe('工号或验证码不正确')
    await employeeShot('01-verify-refused')

    await form.locator('.verify__code input').fill('9157')
    await form.locator('.verify__submit').click()
    await on(employee).locator('.my-shop__open').waitFor()
    expect(await on(employee).locator('.my-shop__welcome').innerText()).toContain('工号 E1005 · 市场部')
    await employeeShot('02-verified')
  })

  it('opens his shop in one screen, prefilled from the roster', async () => {
    await on(employee).locator('.my-shop__open').click()
    const form = on(employee)
    await form.locator('.shop-form__save').waitFor()
    expect(await form.locator('.shop-form__name input').inputValue()).toBe('吴昊的小店')
    expect(await form.locator('.shop-form__intro textarea').inputValue()).toContain('市场部')
    await employeeShot('03-open-shop')

    await form.locator('.shop-form__save').click()
    await on(employee).locator('.my-shop .shop-identity__name', { hasText: '吴昊的小店' }).waitFor()
    expect(await on(employee).locator('.my-shop .shop-identity__status').innerText()).toBe('营业中')
    await employeeShot('04-shop-open')
    const opened = (await shop.db.collection('shops').where({ ownerOpenid: NEWCOMER.openid }).get()).data
    expect(opened).toHaveLength(1)
    shopId = opened[0]._id
  })

  it('picks two products one by one, 碧螺春 moved ahead of 龙井', async () => {
    await on(employee).locator('.my-shop__tool', { hasText: '选品' }).click()
    const picks = on(employee)
    await picks.locator('.picks__mode', { hasText: '逐个挑选' }).click()
    await picks.locator('.picker__add', { hasText: '西湖龙井 明前特级' }).click()
    await picks.locator('.picker__add', { hasText: '洞庭碧螺春 一级' }).click()
    await picks.locator('.picker__row--chosen', { hasText: '洞庭碧螺春' }).locator('.picker__action', { hasText: '↑' }).click()
    await expect.poll(() => picks.locator('.picker__row--chosen .picker__label').allInnerTexts()).toEqual(['洞庭碧螺春 一级', '西湖龙井 明前特级'])
    await employeeShot('05-picks')
    await picks.locator('.picks__save').click()
    await expect.poll(async () => (await shop.db.collection('shops').doc(shopId).get()).data.picks).toEqual({
      mode: 'products',
      productIds: ['p-biluochun-dongting', LONGJING],
    })
  })

  it('shows his picks, in his order, on the shop home', async () => {
    await employee.goto(`${shop.cloud.url}/#/pages/shop/index?id=${shopId}`)
    const home = on(employee)
    await home.locator('.shop-home .shop-identity__name', { hasText: '吴昊的小店' }).waitFor()
    await expect.poll(() => home.locator('.product-card__title').allInnerTexts()).toEqual(['洞庭碧螺春 一级', '西湖龙井 明前特级'])
    expect(await home.locator('.shop-home .shop-identity__line').innerText()).toBe('店主 吴昊')
    await employeeShot('06-shop-home')
  })

  it('shares 西湖龙井 from its page: the path carries his own share code', async () => {
    await on(employee).locator('.product-card', { hasText: '西湖龙井' }).click()
    const product = on(employee)
    await product.locator('.product__title', { hasText: '西湖龙井 明前特级' }).waitFor()
    const copy = product.locator('.share-bar__copy')
    await expect.poll(() => copy.getAttribute('data-share-path')).toMatch(/sc=[2-9a-z]{10}$/)
    sharePath = (await copy.getAttribute('data-share-path'))!
    expect(sharePath).toMatch(new RegExp(`^/pages/product/index\\?id=${LONGJING}&sc=`))
    shareCode = new URLSearchParams(sharePath.split('?')[1]).get('sc')!
    expect(await product.locator('.share-bar__poster').count()).toBe(1)
    await employeeShot('07-product-share')
  })

  it('林小雨 opens the shared path on her phone and is bound to his shop', async () => {
    await signIn(consumer, '林小雨')
    await launch(consumer, sharePath)
    const product = on(consumer)
    await product.locator('.product__title', { hasText: '西湖龙井 明前特级' }).waitFor()
    await product.locator('.product__shop-name', { hasText: '吴昊的小店' }).waitFor()
    // She passes on the code she came with, never one of her own.
    await expect.poll(() => product.locator('.share-bar__copy').getAttribute('data-share-path')).toBe(sharePath)
    expect(await product.locator('.share-bar__poster').count()).toBe(0)
    await consumerShot('08-consumer-landed')

    const binding = await callAs(shop.cloud, LIN.openid, 'referral', 'getMyBinding', {})
    expect(binding.data?.shop._id).toBe(shopId)
  })

  it('she buys 50g 礼盒 and pays in the cashier; the order says whose shop recommended it', async () => {
    const product = on(consumer)
    await product.locator('.product__chip', { hasText: /^50g$/ }).click()
    await product.locator('.product__chip', { hasText: /^礼盒$/ }).click()
    await expect.poll(() => product.locator('.product__price').innerText()).toBe('¥198.00')
    await product.locator('.purchase-bar__buy').click()

    // A tap while the address book is still loading does nothing: wait until the card offers to add one.
    await on(consumer).locator('.checkout__address--empty', { hasText: '添加收货地址' }).click()
    const form = on(consumer)
    await form.locator('.address-form__save').waitFor()
    await fillAddressForm(form)
    await form.locator('.address-form__save').click()
    await on(consumer).locator('.delivery-address__name', { hasText: '林小雨' }).waitFor()
    await expect.poll(() => on(consumer).locator('.amounts__payable').innerText()).toBe('¥198.00')

    await on(consumer).locator('.checkout__submit').click()
    const cashier = consumer.locator('.cashier__sheet')
    await cashier.waitFor()
    await cashier.locator('.cashier__pay').click()
    const detail = on(consumer)
    await detail.locator('.status-header__status', { hasText: '待发货' }).waitFor()
    expect(await detail.locator('.order-detail__recommended').innerText()).toBe('由 吴昊 的小店推荐 ›')
    await consumerShot('09-order-recommended')

    const orderId = new URL(consumer.url().replace('#', '')).searchParams.get('id')!
    const order = (await shop.db.collection('orders').doc(orderId).get()).data
    expect(order.attribution).toMatchObject({ shopId, reason: 'shop_page', shareCode, channel: 'chat', ownerOpenid: NEWCOMER.openid })
  })

  it('吴昊 sees the visit and the bind in his figures', async () => {
    await employee.goto(`${shop.cloud.url}/#/package-shop/pages/stats/index`)
    const stats = on(employee)
    await expect.poll(() => stats.locator('.stats__visits-chat').innerText()).toBe('1')
    expect(await stats.locator('.stats__binds').innerText()).toBe('1')
    expect(await stats.locator('.stats__orders').innerText()).toBe('1')
    await employeeShot('10-stats')
  })

  it('sees 林小雨 among his customers, masked', async () => {
    await employee.goto(`${shop.cloud.url}/#/package-shop/pages/customers/index`)
    const customer = on(employee).locator('.customer').first()
    await customer.waitFor()
    const name = await customer.locator('.customer__name').innerText()
    expect(name).not.toBe('林小雨')
    expect(name).toMatch(/^林.*\*/)
    expect(await customer.innerText()).toContain('微信聊天')
    await employeeShot('11-customers')
  })

  it('sees her order with why it is his: share → visit → bind → order, and the rule version', async () => {
    await employee.goto(`${shop.cloud.url}/#/package-shop/pages/orders/index`)
    const order = on(employee).locator('.shop-order').first()
    await order.waitFor()
    expect(await order.locator('.shop-order__title').innerText()).toContain('西湖龙井')
    await order.locator('.why-mine').click()
    await expect.poll(() => order.locator('.chain__kind').allInnerTexts()).toEqual(['分享', '访问', '绑定', '下单'])
    const steps = await order.locator('.chain__text').allInnerTexts()
    expect(steps[0]).toContain(shareCode)
    expect(steps[1]).toContain('微信聊天')
    expect(steps[3]).toMatch(/在小店里下单 · 归属规则第 \d+ 版/)
    await employeeShot('12-order-why')
  })

  it('makes a poster whose 小程序码 decodes to a scene standing for his shop and 西湖龙井', async () => {
    await employee.goto(`${shop.cloud.url}/#/package-shop/pages/share/index?productId=${LONGJING}`)
    const share = on(employee)
    await share.locator('.poster__make').click()
    const download = share.locator('a.poster__save')
    await download.waitFor()
    await employeeShot('13-poster')

    const href = (await download.getAttribute('href'))!
    expect(href.startsWith('data:image/png;base64,')).toBe(true)
    const file = Buffer.from(href.slice('data:image/png;base64,'.length), 'base64')
    fs.writeFileSync(path.join(ARTIFACTS, 'employee-shop', '14-poster-download.png'), file)
    const png = PNG.sync.read(file)
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(qr, 'a QR code on the poster').not.toBeNull()
    const url = new URL(qr!.data)
    expect(url.pathname).toBe('/pages/product/index')
    const scene = url.searchParams.get('scene')!
    expect(scene).not.toBe(shareCode) // the poster has its own code: its visits count as 海报

    const resolved = await callAs(shop.cloud, CHEN.openid, 'referral', 'recordVisit', { shareCode: scene, channel: 'poster' })
    expect(resolved.ok).toBe(true)
    expect(resolved.data.shop._id).toBe(shopId)
    expect(resolved.data.productId).toBe(LONGJING)
  })
})
