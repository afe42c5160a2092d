import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentPage, openPhone, startShop } from './support/shop'

describe('a visitor browses the demo shop and switches persona', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('browse'))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('opens the home page with demo products from the local cloud, priced in yuan', async () => {
    const started = Date.now()
    await page.goto(`${shop.cloud.url}/`)
    const cards = currentPage(page).locator('.product-card')
    await cards.nth(9).waitFor()
    console.log(`home page showed products ${Date.now() - started} ms after navigation`)
    expect(await cards.count()).toBeGreaterThanOrEqual(10)
    await expect.poll(() => cards.first().locator('.product-card__price').innerText()).toMatch(/^¥\d+\.\d{2}(起)?$/)
    const firstImageLoaded = await cards
      .first()
      .locator('img')
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    expect(firstImageLoaded).toBe(true)
    await expect.poll(() => currentPage(page).locator('.home__brand-name').innerText()).toBe('云岭茶舍')
    // The title is HQ's brand, not a name built into the app.
    await expect.poll(() => page.title()).toBe('云岭茶舍')
    await shot('01-home')
  })

  it('opens a product with its images, price, specs and detail', async () => {
    const first = currentPage(page).locator('.product-card').first()
    const title = await first.locator('.product-card__title').innerText()
    await first.click()
    const product = currentPage(page)
    await product.locator('.product__title').waitFor()
    expect(await product.locator('.product__title').innerText()).toBe(title)
    expect(await product.locator('.product__price').innerText()).toMatch(/^¥\d+\.\d{2}/)
    expect(await product.locator('.product__spec-name').first().innerText()).toBe('规格')
    expect((await product.locator('.product__detail').innerText()).length).toBeGreaterThan(40)
    await shot('02-product')
  })

  it('switches to an employee persona, and the server then knows them by that identity', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/me/index`)
    const me = currentPage(page)
    await me.locator('.dev-sign-in__persona').first().waitFor()
    await expect.poll(() => me.locator('.me__name').innerText()).toBe('微信用户')
    await shot('03-me-before')

    const employee = me.locator('.dev-sign-in__persona', { hasText: '员工' }).first()
    const name = await employee.locator('.dev-sign-in__persona-name').innerText()
    await employee.click()
    await expect.poll(() => me.locator('.me__name').innerText()).toBe(name)
    expect(await me.locator('.me__note').innerText()).toMatch(/^员工 · 工号 E\d+$/)
    await shot('04-me-employee')

    // The choice survives a reload, and the server still answers for the same person.
    await page.reload()
    await expect.poll(() => currentPage(page).locator('.me__name').innerText()).toBe(name)
  })

  it('takes the brand from HQ\'s settings: renamed there, the title follows', async () => {
    await shop.db.collection('settings').doc('storefront').update({ data: { name: '云岭茶舍·新' } })
    await page.goto(`${shop.cloud.url}/`)
    await page.reload()
    await expect.poll(() => page.title()).toBe('云岭茶舍·新')
    await expect.poll(() => currentPage(page).locator('.home__brand-name').innerText()).toBe('云岭茶舍·新')
  })
})
