import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { callAs } from '../support/local-cloud'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/**
 * A consumer finds tea the way shoppers type: several words ("红茶 礼盒"), pinyin and its initials
 * ("longjing", "lj"); sees her recent searches and HQ's hot words, and suggestions when nothing
 * matches; is told what is left to ship free; and keeps a favourite to find it again in 我的.
 */
describe('a consumer searches, is told about free shipping, and keeps a favourite', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>

  const here = () => currentPage(page)
  const titles = () => here().locator('.product-card__title').allInnerTexts()
  const searchFor = async (keyword: string) => {
    await here().locator('.search__input input').fill(keyword)
    await here().locator('.search__submit').click()
  }
  const chips = (title: string) => here().locator('.search__suggestions', { hasText: title }).locator('.search__chip').allInnerTexts()

  beforeAll(async () => {
    shop = await startShop()
    const hqAdmin = demoPersonas.find((p) => p.role === 'hq_admin')!
    const set = await callAs(shop.cloud, hqAdmin.openid, 'catalog', 'setSearchHotWords', { words: ['龙井', '礼盒', '普洱 2019'] })
    expect(set).toMatchObject({ ok: true })
    ;({ browser, page, shot } = await openPhone('search-and-favorites'))
    await signIn(page, shop.cloud.url, '林小雨')
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('shows HQ’s hot words before a search', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/search/index`)
    await expect.poll(() => chips('热门搜索')).toEqual(['龙井', '礼盒', '普洱 2019'])
    await shot('01-hot-words')
  })

  it('finds products that have every word: "红茶 礼盒" is black tea sold in a gift box', async () => {
    await searchFor('红茶 礼盒')
    // The two black teas with a 礼盒 packing, and the gift box of four teas tagged 红茶; not 西湖龙井 (礼盒, no 红茶).
    await expect.poll(titles).toEqual(['祁门红茶 香螺特级', '金骏眉 高山芽尖', '四季名茶 礼盒'])
    await shot('02-multi-word')
  })

  it('finds 龙井 by its pinyin and its initials', async () => {
    await searchFor('longjing')
    await expect.poll(titles).toEqual(['西湖龙井 明前特级'])
    await shot('03-pinyin')
    await searchFor('lj')
    await expect.poll(titles).toContain('西湖龙井 明前特级')
  })

  it('suggests other words and HQ’s products when nothing matches', async () => {
    await searchFor('巧克力')
    await here().locator('.search__nothing-text', { hasText: '没有找到与“巧克力”相关的商品' }).waitFor()
    expect(await chips('换个词试试')).toEqual(['龙井', '礼盒', '普洱 2019'])
    await expect.poll(async () => (await titles()).length).toBe(4)
    await shot('04-nothing-found')
    await here().locator('.search__chip', { hasText: '普洱 2019' }).click()
    await expect.poll(titles).toEqual(['云岭古树 普洱生茶饼 2019'])
  })

  it('remembers her searches on the phone, newest first, until she clears them', async () => {
    await here().locator('.search__clear').click()
    await expect.poll(() => chips('最近搜索')).toEqual(['普洱 2019', '巧克力', 'lj', 'longjing', '红茶 礼盒'])
    await shot('05-recent-searches')
    await page.reload()
    await expect.poll(() => chips('最近搜索')).toEqual(['普洱 2019', '巧克力', 'lj', 'longjing', '红茶 礼盒'])
    await here().locator('.search__suggestions-action', { hasText: '清空' }).click()
    await page.locator('.taro__modal .taro-modal__foot div:last-child').last().click()
    await expect.poll(() => here().locator('.search__suggestions', { hasText: '最近搜索' }).count()).toBe(0)
  })

  it('a product page says 满 ¥99 包邮, and its heart keeps it as a favourite', async () => {
    await page.goto(`${shop.cloud.url}/#/pages/product/index?id=p-kuqiao`)
    await here().locator('.product__title', { hasText: '大凉山苦荞茶' }).waitFor()
    // The rule is HQ's, read with the storefront: it may arrive after the product.
    await expect.poll(() => here().locator('.product__shipping').innerText()).toContain('满 ¥99 包邮')
    const heart = here().locator('.purchase-bar__favorite')
    await expect.poll(() => heart.innerText()).toContain('收藏')
    await heart.click()
    await expect.poll(() => heart.innerText()).toContain('已收藏')
    await shot('06-product-favorite')
  })

  it('the cart and the checkout say how much more ships free', async () => {
    await here().locator('.product__chip', { hasText: /^300g$/ }).click()
    await here().locator('.purchase-bar__add').click()
    await expect.poll(() => here().locator('.purchase-bar__badge').innerText()).toBe('1')
    await here().locator('.purchase-bar__cart').click()
    await expect.poll(() => here().locator('.cart__shipping').innerText()).toContain('还差 ¥67 包邮')
    await shot('07-cart-free-shipping')
    await here().locator('.cart__checkout').click()
    await expect.poll(() => here().locator('.checkout__shipping').innerText()).toContain('还差 ¥67 包邮')
    await shot('07b-checkout-free-shipping')
    await page.goBack()
  })

  it('lists the favourite in 我的 → 我的收藏', async () => {
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
    await here().locator('.me__favorites').click()
    await expect.poll(() => here().locator('.favorite__title').allInnerTexts()).toEqual(['大凉山苦荞茶'])
    await shot('08-favorites')
  })

  it('keeps a favourite HQ takes off the shelf, greyed, to be removed', async () => {
    await shop.db.collection('products').doc('p-kuqiao').update({ data: { onShelf: false } })
    await page.reload()
    await here().locator('.favorite--unavailable', { hasText: '已下架' }).waitFor()
    await shot('09-favorite-off-shelf')
    await here().locator('.favorite__remove').click()
    await here().locator('.status-view', { hasText: '还没有收藏的商品' }).waitFor()
  })

  it('HQ changes the hot words on its rules page, and the search page shows them', async () => {
    await signIn(page, shop.cloud.url, '何静')
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__rules').click()
    const input = here().locator('.hq-rules__hot-words-input input')
    await expect.poll(() => input.inputValue()).toBe('龙井，礼盒，普洱 2019')
    await input.fill('白茶，岩茶，礼盒')
    await here().locator('.hq-rules__save-hot-words').click()
    await shot('10-hq-hot-words')
    await page.goto(`${shop.cloud.url}/#/pages/search/index`)
    await page.reload()
    await expect.poll(() => chips('热门搜索')).toEqual(['白茶', '岩茶', '礼盒'])
  })
})
