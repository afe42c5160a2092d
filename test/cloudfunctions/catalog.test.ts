import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toPinyin } from '../../cloudfunctions/_shared/pinyin'
import { SearchableProduct, searchTermsOf } from '../../src/core/search-terms'
import { HQ, addHqMember } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'

describe('catalog function', () => {
  let t: TestCloud
  const catalog = (action: string, payload?: unknown) => callAs(t.cloud, 'o-shopper', 'catalog', action, payload)

  beforeAll(async () => {
    t = await startTestCloud()
    const db = t.db
    await db.collection('categories').add({ data: { _id: 'cat-green', name: '绿茶', icon: '', sortOrder: 1 } })
    await db.collection('categories').add({ data: { _id: 'cat-black', name: '红茶', icon: '', sortOrder: 2 } })
    for (let i = 1; i <= 25; i++) {
      await db.collection('products').add({
        data: {
          _id: `p${i}`,
          title: `茶 ${i}`,
          subtitle: '',
          detail: '',
          images: [`/assets/products/p${i}-1.jpg`],
          categoryId: i % 2 ? 'cat-green' : 'cat-black',
          tags: [],
          specDimensions: [{ name: '规格', values: ['100g', '250g'] }],
          onShelf: i !== 3,
          sortOrder: i * 10,
          minPriceFen: 6800,
          maxPriceFen: 12800,
          createdAt: new Date(),
        },
      })
    }
    await db.collection('skus').add({ data: { _id: 'p1-100g', productId: 'p1', specs: { 规格: '100g' }, priceFen: 6800, stock: 10 } })
    await db.collection('skus').add({ data: { _id: 'p1-250g', productId: 'p1', specs: { 规格: '250g' }, priceFen: 12800, stock: 0 } })
  })
  afterAll(() => t.close())

  it('lists products on the shelf in HQ order, a page at a time', async () => {
    const first = await catalog('listProducts', { pageSize: 10 })
    expect(first.ok).toBe(true)
    expect(first.data.items.map((p: any) => p._id)).toEqual(['p1', 'p2', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11'])
    expect(first.data.items[0]).toEqual({
      _id: 'p1',
      title: '茶 1',
      subtitle: '',
      coverImage: '/assets/products/p1-1.jpg',
      minPriceFen: 6800,
      maxPriceFen: 12800,
    })
    expect(first.data.hasMore).toBe(true)
    const last = await catalog('listProducts', { pageSize: 10, page: 2 })
    expect(last.data.items).toHaveLength(4)
    expect(last.data.hasMore).toBe(false)
  })

  // Every query here is checked by the database audit (test/support/database-audit.ts): a search the
  // searchTerms index does not serve fails the test as a collection scan.
  it('finds products by keyword through the search index, on the shelf only', async () => {
    const longjing = { title: '西湖龙井 明前特级', subtitle: '狮峰山', tags: ['绿茶'], categoryName: '绿茶', specDimensions: [{ name: '包装', values: ['罐装'] }] }
    const qimen = { title: '祁门红茶 香螺', subtitle: '', tags: [], categoryName: '红茶', specDimensions: [{ name: '包装', values: ['罐装', '礼盒'] }] }
    const puer = { title: '冰岛古树 普洱生茶 2019', subtitle: '勐库', tags: ['普洱'], categoryName: '普洱', specDimensions: [{ name: '包装', values: ['棉纸'] }] }
    const puer2021 = { ...puer, title: '冰岛古树 普洱生茶 2021' }
    const rows: Array<[string, SearchableProduct, boolean]> = [['s1', longjing, true], ['s2', puer, true], ['s3', longjing, false], ['s4', qimen, true], ['s5', puer2021, true]]
    for (const [id, product, onShelf] of rows) {
      const { categoryName: _name, ...p } = product
      await t.db.collection('products').add({
        data: { _id: id, ...p, detail: '', images: [], categoryId: 'cat-green', onShelf, sortOrder: 1, minPriceFen: 1, maxPriceFen: 1, searchTerms: searchTermsOf(product, toPinyin), createdAt: new Date() },
      })
    }
    const found = async (keyword: string) => ((await catalog('listProducts', { keyword })).data.items as any[]).map((p) => p._id).sort()
    expect(await found('龙井')).toEqual(['s1'])
    expect(await found(' 普洱生茶 ')).toEqual(['s2', 's5'])
    expect(await found('西湖龙井明前')).toEqual(['s1'])
    expect(await found('红茶 礼盒')).toEqual(['s4'])
    expect(await found('普洱 2019')).toEqual(['s2'])
    expect(await found('棉纸')).toEqual(['s2', 's5'])
    expect(await found('longjing')).toEqual(['s1'])
    expect(await found('lj')).toEqual(['s1'])
    expect(await found('咖啡')).toEqual([])
    expect(await found('，，')).toEqual([])
    await t.db.collection('products').where({ _id: t.db.command.in(rows.map((r) => r[0])) }).remove()
  })

  it('lists one category', async () => {
    const { data } = await catalog('listProducts', { categoryId: 'cat-black', pageSize: 100 })
    expect(data.items).toHaveLength(12)
  })

  it('presents the brand HQ set, with the shipping rule in force (满 ¥99 包邮 until HQ sets one), and says so when none is set', async () => {
    expect(await catalog('getStorefront', {})).toMatchObject({ ok: false, error: { code: 'CATALOG_STOREFRONT_NOT_SET' } })
    await t.db.collection('settings').add({ data: { _id: 'storefront', name: '云岭茶舍', slogan: '好茶', logo: '/assets/brand/logo.png' } })
    expect(await catalog('getStorefront', {})).toEqual({
      ok: true,
      data: { name: '云岭茶舍', slogan: '好茶', logo: '/assets/brand/logo.png', shipping: { freeOverFen: 9900, feeFen: 1000 } },
    })
  })

  it('serves HQ’s hot words for the search page, none until HQ sets them; only HQ’s catalog staff set them', async () => {
    expect(await catalog('getSearchHints', {})).toEqual({ ok: true, data: { hotWords: [] } })
    await addHqMember(t.db, HQ, 'hq_ops')
    await addHqMember(t.db, 'o-finance', 'hq_finance')
    const set = (openid: string, words: string[]) => callAs(t.cloud, openid, 'catalog', 'setSearchHotWords', { words })
    expect(await set(HQ, ['龙井', ' 礼盒 ', '龙井'])).toEqual({ ok: true, data: { hotWords: ['龙井', '礼盒'] } })
    expect(await catalog('getSearchHints', {})).toEqual({ ok: true, data: { hotWords: ['龙井', '礼盒'] } })
    expect(await set('o-finance', ['咖啡'])).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    expect(await set('o-shopper', ['咖啡'])).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    expect(await set(HQ, Array.from({ length: 11 }, (_, i) => `词${i}`))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await catalog('getSearchHints', {})).data.hotWords).toEqual(['龙井', '礼盒'])
    const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: HQ, action: 'catalog.setSearchHotWords', ok: true }).get()
    expect(audit.map((entry: any) => entry.change.after.words)).toEqual([['龙井', '礼盒']])
  })

  it('lists categories in order', async () => {
    const { data } = await catalog('listCategories', {})
    expect(data.items.map((c: any) => c.name)).toEqual(['绿茶', '红茶'])
  })

  it('shows a product with its SKUs, sold-out ones included', async () => {
    const { data } = await catalog('getProduct', { productId: 'p1' })
    expect(data.skus).toEqual([
      { _id: 'p1-100g', specs: { 规格: '100g' }, priceFen: 6800, stock: 10 },
      { _id: 'p1-250g', specs: { 规格: '250g' }, priceFen: 12800, stock: 0 },
    ])
  })

  it('a product off the shelf, or unknown, is not found', async () => {
    for (const productId of ['p3', 'nope']) {
      const answer = await catalog('getProduct', { productId })
      expect(answer).toMatchObject({ ok: false, error: { code: 'CATALOG_PRODUCT_NOT_FOUND' } })
    }
  })

  it('refuses a malformed payload with the field that is wrong, and an unknown action', async () => {
    const tooBig = await catalog('listProducts', { pageSize: 5000 })
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(tooBig.error.details.issues[0].path).toBe('pageSize')
    const extra = await catalog('getProduct', { productId: 'p1', priceFen: 1 })
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await catalog('dropTables', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('answers only calls from the mini program', async () => {
    const { result } = await t.sdk.callFunction({ name: 'catalog', data: { action: 'listCategories', payload: {} } })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SOURCE' } })
  })
})
