import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callAs } from '../support/local-cloud'
import { TEST_ADDRESS } from '../support/shop-fixtures'
import { currentPage, launch, openPhone, signIn, startShop } from './support/shop'

/**
 * Where real shoppers got stuck, tried as they would: a new visitor asked to sign in, quick taps, a
 * checkout with lines that went out of stock, going back while the pay sheet is open, a page that
 * does not exist. Each ends somewhere the shopper can go on from.
 */
describe('the shopper is never stranded', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>

  const BUYER = 'o-demo-consumer-chen'
  const here = () => currentPage(page)
  const modal = () => page.locator('.taro__modal')
  const cashier = () => page.locator('.cashier__sheet')
  const stockOf = async (skuId: string) => (await shop.db.collection('skus').doc(skuId).get()).data.stock as number
  /** A fresh load of the product page, as a share card opens it: the page stack starts there. */
  const openProductPage = async (productId: string) => {
    await launch(page, shop.cloud.url, `/pages/product/index?id=${productId}`)
    await here().locator('.purchase-bar__add').waitFor()
  }
  const chip = (value: string) => here().locator('.product__chip', { hasText: new RegExp(`^${value}$`) })

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('shopper-dead-ends'))
    await callAs(shop.cloud, BUYER, 'address', 'saveAddress', { address: TEST_ADDRESS })
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('a new visitor who taps 加入购物车 is asked to sign in, and 去登录 leads to the sign-in', async () => {
    await openProductPage('p-longjing-mingqian')
    await chip('50g').click()
    await chip('礼盒').click()
    await here().locator('.purchase-bar__add').click()
    await modal().locator('.taro-modal__title', { hasText: '请先登录' }).waitFor()
    await shot('01-sign-in-asked')
    await modal().locator('.taro-model__confirm', { hasText: '去登录' }).click()
    await here().locator('.dev-sign-in__persona', { hasText: '陈思思' }).waitFor()
    expect(page.url()).toContain('/pages/me/index')
    await shot('02-sign-in-page')
  })

  it('three quick taps on 加入购物车 put three in the cart', async () => {
    await signIn(page, shop.cloud.url, '陈思思')
    await openProductPage('p-longjing-mingqian')
    await chip('50g').click()
    await chip('礼盒').click()
    const add = here().locator('.purchase-bar__add')
    await add.click()
    await add.click()
    await add.click()
    await expect.poll(() => here().locator('.purchase-bar__badge').innerText()).toBe('3')
    const cart = (await shop.db.collection('carts').doc(BUYER).get()).data
    expect(cart.lines).toEqual([expect.objectContaining({ skuId: 'p-longjing-mingqian-50g-gift', quantity: 3 })])
  })

  it('a double-tapped 立即购买 opens one checkout, and back returns to the product', async () => {
    const historyBefore = await page.evaluate(() => history.length)
    await here().locator('.purchase-bar__buy').dblclick()
    await here().locator('.checkout__submit').waitFor()
    // Give a second navigation the time it would take to stack another checkout.
    await page.waitForTimeout(800)
    expect(await page.locator('.taro_page .checkout').count()).toBe(1)
    // And one step in the history: a second, pageless step would make the first back do nothing.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)
    // Taro's navigation bar brings back what H5 lacked: a way back on a page that is not a tab.
    const back = page.locator('#taro-navigation-bar .taro-navigation-bar-back')
    await expect.poll(() => back.isVisible()).toBe(true)
    await shot('03-one-checkout-with-back')
    await back.click()
    await here().locator('.purchase-bar__buy').waitFor()
    expect(page.url()).toContain('/pages/product/index')
  })

  it('a checkout whose lines went out of stock marks them, offers 改为 N 件 or 删除, and buys the rest', async () => {
    const lines = ['p-longjing-mingqian-50g-tin*1', 'p-shoumei-2016-350g-gift*5', 'p-longjing-mingqian-50g-gift*1'].join(',')
    await page.goto(`${shop.cloud.url}/#/package-orders/pages/checkout/index?lines=${encodeURIComponent(lines)}`)
    const fixes = here().locator('.line-fix')
    await expect.poll(() => fixes.locator('.line-fix__problem').allInnerTexts()).toEqual(['已售罄', '库存仅剩 3 件'])
    expect(await here().locator('.checkout__fix-all').innerText()).toContain('部分商品暂时无法购买')
    expect(await here().locator('.checkout__submit').getAttribute('class')).toContain('disabled')
    await shot('04-checkout-lines-at-fault')

    // Sold out: only 删除. Short: 改为 3 件.
    expect(await fixes.nth(0).locator('.line-fix__change').count()).toBe(0)
    await fixes.nth(0).locator('.line-fix__remove').click()
    await expect.poll(() => fixes.count()).toBe(1)
    await fixes.locator('.line-fix__change', { hasText: '改为 3 件' }).click()
    await expect.poll(() => fixes.count()).toBe(0)
    // The review is read again after each fix: the lines show once it has answered.
    await expect.poll(() => here().locator('.order-lines__quantity').allInnerTexts()).toEqual(['×3', '×1'])
    await here().locator('.amounts__payable').waitFor()
    await shot('05-checkout-fixed')

    await here().locator('.checkout__submit').click()
    await cashier().waitFor()
    await cashier().locator('.cashier__pay').click()
    await here().locator('.status-header__status', { hasText: '待发货' }).waitFor()
    expect(await stockOf('p-shoumei-2016-350g-gift')).toBe(0)
  })

  it('going back while the pay sheet is open lands on the unpaid order, with its countdown and 去支付', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/cart/index`)
    await here().locator('.cart__checkout').click()
    await here().locator('.checkout__submit').click()
    await cashier().waitFor()
    await page.goBack()
    await here().locator('.status-header__status', { hasText: '待付款' }).waitFor()
    await expect.poll(() => here().locator('.status-header__clock').innerText()).toMatch(/^(29|30):\d\d$/)
    await shot('06-back-from-payment-lands-on-order')
    await cashier().locator('.cashier__close').click()
    await cashier().waitFor({ state: 'detached' })
    expect(page.url()).toContain('/package-orders/pages/detail/index')
    await here().locator('.order-actions__button', { hasText: '去支付' }).waitFor()
    // The countdown runs.
    const first = await here().locator('.status-header__clock').innerText()
    await expect.poll(() => here().locator('.status-header__clock').innerText(), { timeout: 5000 }).not.toBe(first)
    await shot('07-unpaid-order')

    await page.goto(`${shop.cloud.url}/#/package-orders/pages/list/index?tab=pending_payment`)
    await expect.poll(() => here().locator('.order-card__countdown').innerText()).toMatch(/^待付款 · 剩余 (29|30):\d\d$/)
  })

  it('a page that does not exist says so and leads home', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/no-such-page/index`)
    await here().locator('.status-view__text', { hasText: '您访问的页面不存在或已下线' }).waitFor()
    await shot('08-not-found')
    await here().locator('.status-view__button', { hasText: '回到首页' }).click()
    await expect.poll(() => page.url()).toContain('/pages/index/index')
  })
})
