import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { callAs, tempDir } from '../support/local-cloud'
import { TEST_ADDRESS } from '../support/shop-fixtures'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/**
 * 商品管理 end to end, as the demo's HQ persona 何静: she creates 滇红 金芽 with two spec dimensions
 * (规格 50g/100g × 包装 礼盒/简装), a photo uploaded from the phone and a price for each of the four
 * SKUs; a missing price is refused with the server's words. She shelves it, restocks one SKU (the
 * ledger shows it), and adds a category. Then 林小雨 finds the product by search, sees the photo, picks
 * 100g 礼盒 and pays for it.
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!

/** A 60×60 tea-red PNG, the photo 何静 picks. */
function photo(): string {
  const image = new PNG({ width: 60, height: 60 })
  for (let i = 0; i < image.data.length; i += 4) image.data.set([166, 54, 38, 255], i)
  const file = path.join(tempDir('hq-photo'), 'dianhong.png')
  fs.writeFileSync(file, PNG.sync.write(image))
  return file
}

describe('HQ creates a product with two spec dimensions and a photo, shelves it, and a consumer buys it', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  let productId = ''
  const here = () => currentPage(page)

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('hq-products'))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('何静 opens 商品管理 from the 工作台: the shelf lists the demo catalog', async () => {
    await signIn(page, shop.cloud.url, HQ.name)
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__products').click()
    await here().locator('.hq-products__card').first().waitFor()
    expect(await here().locator('.hq-page__tab--active').innerText()).toBe('在售')
    expect(await here().locator('.hq-products__card', { hasText: '西湖龙井 明前特级' }).innerText()).toContain('库存')
    await shot('01-products')
  })

  it('creates 滇红 金芽: a photo from the phone, 规格 × 包装, and a price per SKU — a missing one refused with its combination', async () => {
    await here().locator('.hq-products__new', { hasText: '新建' }).click()
    const form = here()
    await form.locator('.hq-product__title input').waitFor()
    await form.locator('.hq-product__title input').fill('滇红 金芽')
    await form.locator('.hq-product__subtitle input').fill('凤庆大叶种，蜜香浓郁')
    await form.locator('.hq-product__category', { hasText: '红茶' }).click()
    await form.locator('.hq-product__detail textarea').fill('一芽一叶，金毫显露，汤色红艳。')

    const chooser = page.waitForEvent('filechooser')
    await form.locator('.hq-product__image-add').click()
    await (await chooser).setFiles(photo())
    await form.locator('.hq-product__image').waitFor()

    await form.locator('.hq-product__dimension--0 .hq-product__dimension-values input').fill('50g 100g')
    await form.locator('.hq-product__add-dimension').click()
    await form.locator('.hq-product__dimension--1 .hq-product__dimension-name input').fill('包装')
    await form.locator('.hq-product__dimension--1 .hq-product__dimension-values input').fill('礼盒，简装')
    await expect.poll(() => form.locator('.hq-product__sku-label').allInnerTexts()).toEqual(['50g / 礼盒', '50g / 简装', '100g / 礼盒', '100g / 简装'])
    const prices = ['88', '68', '158', '128']
    const stocks = ['10', '20', '5', '0']
    for (let i = 0; i < 3; i++) {
      await form.locator('.hq-product__sku-price input').nth(i).fill(prices[i])
      await form.locator('.hq-product__sku-opening input').nth(i).fill(stocks[i])
    }
    await form.locator('.hq-product__save').click()
    await expect.poll(() => form.locator('.hq-product__error').innerText()).toBe('「100g / 简装」的价格要大于 0')
    await shot('02-product-refused')

    await form.locator('.hq-product__sku-price input').nth(3).fill(prices[3])
    await form.locator('.hq-product__save').click()
    // Saved, the form is the product's: its SKUs now show their stock.
    await expect.poll(() => here().locator('.hq-product__sku-stock').allInnerTexts()).toEqual(['库存 10', '库存 20', '库存 5', '库存 0'])
    await shot('03-product-created')

    const { data } = await shop.db.collection('products').where({ title: '滇红 金芽' }).get()
    expect(data).toMatchObject([{ onShelf: false, categoryId: 'cat-black', minPriceFen: 6800, maxPriceFen: 15800, specDimensions: [{ name: '规格' }, { name: '包装', values: ['礼盒', '简装'] }] }])
    productId = data[0]._id
    expect(data[0].images[0]).toMatch(/^cloud:\/\/local\.[\w-]+\/products\/.+\.png$/)
    // The photo is in cloud storage, as uploaded.
    const stored = await fetch(`${shop.cloud.url}/storage?fileID=${encodeURIComponent(data[0].images[0])}`)
    expect([stored.status, stored.headers.get('content-type')]).toEqual([200, 'image/png'])
  })

  it('restocks 100g 礼盒 with a reason; the stock ledger shows it', async () => {
    await here().locator('.hq-product__stock-link').click()
    await here().locator('.hq-stock__sku', { hasText: '100g · 礼盒' }).click()
    await here().locator('.hq-stock__reason--restock').click()
    await here().locator('.hq-stock__delta input').fill('7')
    await here().locator('.hq-stock__note input').fill('新茶到货')
    await here().locator('.hq-stock__submit').click()
    await expect.poll(() => here().locator('.hq-stock__sku--chosen .hq-stock__count').innerText()).toBe('库存 12')
    await expect.poll(() => here().locator('.hq-stock__entry').allInnerTexts()).toHaveLength(2)
    expect(await here().locator('.hq-stock__entry').first().innerText()).toContain('入库 +7')
    expect(await here().locator('.hq-stock__entry').nth(1).innerText()).toContain('初始库存 +5')
    await shot('04-stock-ledger')
  })

  it('shelves it from the list', async () => {
    await page.goBack()
    await page.goBack()
    await here().locator('.hq-products__tab--off').click()
    const card = here().locator('.hq-products__card', { hasText: '滇红 金芽' })
    await card.waitFor()
    expect(await card.innerText()).toContain('4 个 SKU · 库存 42 · 已下架')
    await shot('05-off-shelf')
    await card.locator('.hq-products__shelf').click()
    await card.waitFor({ state: 'detached' })
    // On the shelf it is last of the demo's many products: found by search.
    await here().locator('.hq-products__tab--on').click()
    await here().locator('.hq-products__search input').fill('滇红')
    await here().locator('.hq-products__search input').press('Enter')
    await here().locator('.hq-products__card', { hasText: '滇红 金芽' }).waitFor()
    await expect.poll(async () => (await here().locator('.hq-products__title').allInnerTexts()).every((title) => title.includes('滇红'))).toBe(true)
    await shot('06-on-shelf')
  })

  it('adds a category, moves it first, and is refused deleting one that holds products', async () => {
    await here().locator('.hq-products__categories').click()
    await here().locator('.hq-categories__new-name input').fill('新品尝鲜')
    await here().locator('.hq-categories__add-button').click()
    const white = here().locator('.hq-categories__row', { hasText: '新品尝鲜（0）' })
    await white.waitFor()
    // Last of the demo's categories; up, row by row, to the top.
    while ((await here().locator('.hq-categories__row').first().innerText()).includes('新品尝鲜') === false) {
      const before = await here().locator('.hq-categories__row').allInnerTexts()
      await white.locator('.hq-categories__up').click()
      await expect.poll(() => here().locator('.hq-categories__row').allInnerTexts()).not.toEqual(before)
    }
    const black = here().locator('.hq-categories__row', { hasText: '红茶' })
    await black.locator('.hq-categories__delete').click()
    // Taro's H5 showModal, and its 确定 button.
    await page.locator('.taro__modal .taro-modal__btn-primary, .taro__modal .taro-modal__foot div:last-child').last().click()
    await page.getByText(/分类下还有 \d+ 件商品，移走后才能删除/).waitFor()
    await shot('07-categories')
    const { data } = await callAs(shop.cloud, LIN.openid, 'catalog', 'listCategories', {})
    expect(data.items[0].name).toBe('新品尝鲜')
  })

  it('林小雨 finds 滇红 金芽 by search, sees its photo, picks 100g 礼盒 and pays', async () => {
    expect((await callAs(shop.cloud, LIN.openid, 'address', 'saveAddress', { address: TEST_ADDRESS })).ok).toBe(true)
    await signIn(page, shop.cloud.url, LIN.name)
    await page.goto(`${shop.cloud.url}/#/pages/search/index?keyword=${encodeURIComponent('滇红')}`)
    const card = here().locator('.product-card', { hasText: '滇红 金芽' })
    await card.waitFor()
    expect(await card.locator('.product-card__price').innerText()).toBe('¥68.00起')
    await shot('08-consumer-search')
    await card.click()
    await here().locator('.product__title', { hasText: '滇红 金芽' }).waitFor()
    // The photo HQ uploaded, as the shop shows it.
    await expect.poll(() => here().locator('.product__image img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(60)
    await here().locator('.product__chip', { hasText: /^100g$/ }).click()
    await here().locator('.product__chip', { hasText: /^礼盒$/ }).click()
    await expect.poll(() => here().locator('.product__price').innerText()).toBe('¥158.00')
    await shot('09-consumer-product')
    await here().locator('.purchase-bar__buy').click()
    await here().locator('.delivery-address__name').waitFor()
    // Free shipping over ¥99: the server's quote, before 提交订单 can be tapped.
    await expect.poll(() => here().locator('.amounts__payable').innerText()).toBe('¥158.00')
    await here().locator('.checkout__submit').click()
    await page.locator('.cashier__sheet .cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    await shot('10-consumer-paid')

    const { data: orders } = await shop.db.collection('orders').where({ buyerOpenid: LIN.openid, status: 'paid' }).get()
    const order = orders.find((o: any) => o.lines[0].productId === productId)
    expect(order).toMatchObject({ lines: [{ title: '滇红 金芽', specs: { 规格: '100g', 包装: '礼盒' }, unitPriceFen: 15800, quantity: 1 }] })
    const { data: skus } = await shop.db.collection('skus').where({ productId }).get()
    expect(skus.find((s: any) => s.specs.规格 === '100g' && s.specs.包装 === '礼盒').stock).toBe(11)
  })

  it('every call 何静 made is in the audit log', async () => {
    const { data } = await shop.db.collection('audit_logs').where({ actorOpenid: HQ.openid, action: shop.db.command.in(['hq-catalog.createProduct', 'hq-catalog.setOnShelf', 'hq-catalog.adjustStock']) }).limit(100).get()
    expect(data.map((e: any) => [e.action, e.ok]).sort()).toEqual(
      [['hq-catalog.adjustStock', true], ['hq-catalog.createProduct', false], ['hq-catalog.createProduct', true], ['hq-catalog.setOnShelf', true]].sort(),
    )
  })
})
