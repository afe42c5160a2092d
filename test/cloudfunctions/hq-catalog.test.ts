import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toPinyin } from '../../cloudfunctions/_shared/pinyin'
import { hqCatalogContract } from '../../src/contracts/hq-catalog'
import { searchTermsOf } from '../../src/core/search-terms'
import { countDatabaseRequests } from '../support/database-requests'
import { HQ, addHqAdmin, addHqMember, employeeWithShop } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer } from '../support/orders'
import { addTestCatalog, addTestProduct } from '../support/shop-fixtures'

const IMAGE = 'cloud://local.6c6f-local-1250000000/products/hongcha.png'
const SIZE = { name: '规格', values: ['50g', '100g'] }
const PACK = { name: '包装', values: ['礼盒', '简装'] }
const skuOf = (规格: string, 包装: string, priceFen: number, openingStock = 0) => ({ specs: { 规格, 包装 }, priceFen, openingStock })

const draft = (change: Record<string, unknown> = {}) => ({
  title: '滇红 金芽',
  subtitle: '凤庆大叶种，蜜香',
  detail: '一芽一叶，金毫显露。',
  categoryId: 'cat-black',
  images: [IMAGE],
  tags: ['红茶'],
  specDimensions: [SIZE, PACK],
  skus: [skuOf('50g', '礼盒', 8800, 10), skuOf('50g', '简装', 6800, 20), skuOf('100g', '礼盒', 15800, 5), skuOf('100g', '简装', 12800)],
  ...change,
})

describe('hq-catalog function', () => {
  let t: TestCloud
  const staff = (action: string, payload: unknown = {}) => callAs(t.cloud, HQ, 'hq-catalog', action, payload)
  const skusOf = async (productId: string) => (await t.db.collection('skus').where({ productId }).get()).data
  const ledgerOf = async (skuId: string) => (await t.db.collection('stock_ledger').where({ skuId }).orderBy('at', 'asc').limit(1000).get()).data
  const stockOf = async (skuId: string) => (await t.db.collection('skus').doc(skuId).get()).data.stock

  beforeAll(async () => {
    // A few instances each: on a loaded machine many cold starts at once time out, and contention needs only a few.
    t = await startTestCloud({ maxInstancesPerFunction: 4 })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
    for (const [i, [_id, name]] of [['cat-green', '绿茶'], ['cat-black', '红茶']].entries()) {
      await t.db.collection('categories').add({ data: { _id, name, icon: '', sortOrder: (i + 1) * 10 } })
    }
  })
  afterAll(() => t.close())

  describe('products', () => {
    let productId = ''

    it('creates a product off the shelf with a SKU per combination, its price range and opening stock in the ledger', async () => {
      const created = await staff('createProduct', { draft: draft() })
      expect(created).toMatchObject({ ok: true, data: { title: '滇红 金芽', onShelf: false, minPriceFen: 6800, maxPriceFen: 15800, images: [IMAGE] } })
      productId = created.data._id
      const skus = await skusOf(productId)
      expect(skus.map((s: any) => [s.specs.规格, s.specs.包装, s.priceFen, s.stock]).sort()).toEqual(
        [['100g', '礼盒', 15800, 5], ['100g', '简装', 12800, 0], ['50g', '礼盒', 8800, 10], ['50g', '简装', 6800, 20]].sort(),
      )
      const opened = skus.find((s: any) => s.specs.规格 === '50g' && s.specs.包装 === '礼盒')
      expect(await ledgerOf(opened._id)).toMatchObject([{ delta: 10, reason: 'opening', stockAfter: 10, byOpenid: HQ, productId }])
      // No entry for a SKU that opens empty.
      expect(await ledgerOf(skus.find((s: any) => s.stock === 0)._id)).toEqual([])
    })

    it('refuses a draft the core refuses, with the core’s code, and writes nothing', async () => {
      const before = (await t.db.collection('products').count()).total
      const missing = await staff('createProduct', { draft: draft({ skus: draft().skus.slice(1) }) })
      expect(missing).toMatchObject({ ok: false, error: { code: 'CATALOG_SKU_MISSING', details: { specs: '50g / 礼盒' } } })
      const free = await staff('createProduct', { draft: draft({ skus: [skuOf('50g', '礼盒', 0), ...draft().skus.slice(1)] }) })
      expect(free).toMatchObject({ ok: false, error: { code: 'CATALOG_SKU_PRICE_INVALID' } })
      expect(await staff('createProduct', { draft: draft({ categoryId: 'cat-none' }) })).toMatchObject({ ok: false, error: { code: 'CATALOG_CATEGORY_NOT_FOUND' } })
      expect((await t.db.collection('products').count()).total).toBe(before)
    })

    it('is hidden from shoppers until shelved; shelved, it is listed, searchable and buyable', async () => {
      const shopper = buyer(t.cloud, 'o-shopper')
      expect(await shopper.call('catalog', 'getProduct', { productId })).toMatchObject({ ok: false, error: { code: 'CATALOG_PRODUCT_NOT_FOUND' } })
      expect((await shopper.call('catalog', 'listProducts', { keyword: '滇红' })).data.items).toEqual([])

      expect(await staff('setOnShelf', { productId, onShelf: true })).toMatchObject({ ok: true, data: { onShelf: true } })
      expect((await shopper.call('catalog', 'listProducts', { keyword: '滇红' })).data.items.map((p: any) => p._id)).toEqual([productId])
      const detail = (await shopper.call('catalog', 'getProduct', { productId })).data
      expect(detail.skus).toHaveLength(4)
      const gift = detail.skus.find((s: any) => s.specs.规格 === '50g' && s.specs.包装 === '礼盒')
      const placed = await shopper.place([{ skuId: gift._id, quantity: 2 }])
      expect(placed).toMatchObject({ ok: true, data: { goodsFen: 17600 } })
      expect(await stockOf(gift._id)).toBe(8)

      // Unshelved: gone from the shop and search; the order already placed is still paid for.
      await staff('setOnShelf', { productId, onShelf: false })
      expect((await shopper.call('catalog', 'listProducts', { keyword: '滇红' })).data.items).toEqual([])
      expect(await shopper.place([{ skuId: gift._id, quantity: 1 }])).toMatchObject({ ok: false, error: { code: 'ORDER_PRODUCT_OFF_SHELF' } })
      expect(await shopper.pay(placed.data._id)).toMatchObject({ ok: true })
      await staff('setOnShelf', { productId, onShelf: true })
    })

    it('an edit keeps the SKUs (ids and stock) of the combinations kept, opens new ones and drops empty ones', async () => {
      const before = await skusOf(productId)
      const id = (规格: string, 包装: string) => before.find((s: any) => s.specs.规格 === 规格 && s.specs.包装 === 包装)._id
      const edited = draft({
        title: '滇红 金芽 特级',
        specDimensions: [{ name: '规格', values: ['50g', '100g', '250g'] }, PACK],
        skus: [
          skuOf('50g', '礼盒', 9800),
          skuOf('50g', '简装', 6800),
          skuOf('100g', '礼盒', 15800),
          skuOf('100g', '简装', 12800),
          skuOf('250g', '礼盒', 36800, 4),
          skuOf('250g', '简装', 29800),
        ],
      })
      const saved = await staff('updateProduct', { productId, draft: edited })
      expect(saved).toMatchObject({ ok: true, data: { title: '滇红 金芽 特级', onShelf: true, minPriceFen: 6800, maxPriceFen: 36800 } })
      const after = await skusOf(productId)
      expect(after).toHaveLength(6)
      expect((await t.db.collection('skus').doc(id('50g', '礼盒')).get()).data).toMatchObject({ priceFen: 9800, stock: 8 })

      // 100g 简装 has no stock: it may go. 50g 简装 still holds 20: it may not.
      const dropEmpty = await staff('updateProduct', { productId, draft: { ...edited, skus: edited.skus.filter((s) => !(s.specs.规格 === '100g' && s.specs.包装 === '简装')) } })
      expect(dropEmpty).toMatchObject({ ok: false, error: { code: 'CATALOG_SKU_MISSING' } })
      const fewer = draft({ specDimensions: [{ name: '规格', values: ['50g'] }, PACK], skus: [skuOf('50g', '礼盒', 9800), skuOf('50g', '简装', 6800)] })
      const refused = await staff('updateProduct', { productId, draft: fewer })
      expect(refused).toMatchObject({ ok: false, error: { code: 'CATALOG_SKU_STOCK_LEFT' } })
      expect(await skusOf(productId)).toHaveLength(6)
      expect((await t.db.collection('skus').doc(id('100g', '简装')).get()).data).not.toBeNull()
    })

    it('lists every product for HQ, on the shelf or not, with its stock summed', async () => {
      const all = await staff('listProducts', {})
      expect(all.data.items.map((p: any) => p._id)).toEqual(expect.arrayContaining(['p-tea', 'p-old', productId]))
      const off = await staff('listProducts', { onShelf: false })
      expect(off.data.items.map((p: any) => p._id)).toEqual(['p-old'])
      const mine = (await staff('listProducts', { keyword: '金芽' })).data.items
      expect(mine).toMatchObject([{ _id: productId, skuCount: 6, totalStock: 8 + 20 + 5 + 0 + 4 + 0 }])
    })
  })

  describe('stock', () => {
    it('an adjustment moves the stock and appends a ledger entry with who, why and the stock it left', async () => {
      const answer = await staff('adjustStock', { skuId: 'tea-250g', delta: 12, reason: 'restock', note: '春茶到货' })
      expect(answer).toMatchObject({ ok: true, data: { sku: { stock: 62 }, entry: { skuId: 'tea-250g', delta: 12, reason: 'restock', note: '春茶到货', stockAfter: 62, byOpenid: HQ } } })
      expect(await staff('adjustStock', { skuId: 'tea-250g', delta: -63, reason: 'loss' })).toMatchObject({ ok: false, error: { code: 'CATALOG_STOCK_NEGATIVE', details: { stock: 62 } } })
      expect(await staff('adjustStock', { skuId: 'no-sku', delta: 1, reason: 'restock' })).toMatchObject({ ok: false, error: { code: 'CATALOG_SKU_NOT_FOUND' } })
      expect(await staff('adjustStock', { skuId: 'tea-250g', delta: 0, reason: 'restock' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      const ledger = await staff('listStockLedger', { skuId: 'tea-250g' })
      expect(ledger.data.items.map((e: any) => [e.delta, e.stockAfter])).toEqual([[12, 62]])
    })

    it('adjustments and orders on one SKU at the same moment lose no update: stock = initial + Σ adjustments − Σ reserved, and the ledger agrees', async () => {
      const skuId = 'tea-100g'
      const initial = await stockOf(skuId)
      const deltas = [5, -3, 8, -2, 10, -1, 4, -4, 6, 3]
      const shoppers = Array.from({ length: 12 }, (_, i) => buyer(t.cloud, `o-race-${i}`))
      for (const s of shoppers) await s.addressId()
      const answers = await Promise.all([
        ...deltas.map((delta) => staff('adjustStock', { skuId, delta, reason: delta > 0 ? 'restock' : 'loss' })),
        ...shoppers.map((s) => s.place([{ skuId, quantity: 2 }])),
      ])
      expect(answers.filter((a) => !a.ok).map((a) => a.error)).toEqual([])
      const adjusted = deltas.reduce((a, b) => a + b, 0)
      expect(await stockOf(skuId)).toBe(initial + adjusted - shoppers.length * 2)

      // The ledger holds each adjustment once; each entry's stockAfter is the stock it left, orders in between.
      const ledger = await ledgerOf(skuId)
      expect(ledger.map((e: any) => e.delta).sort((a: number, b: number) => a - b)).toEqual([...deltas].sort((a, b) => a - b))
      expect(ledger.reduce((sum: number, e: any) => sum + e.delta, 0)).toBe(adjusted)
      for (const entry of ledger) expect(entry.stockAfter).toBeGreaterThanOrEqual(0)
      const { data: orders } = await t.db.collection('orders').where({ buyerOpenid: t.db.command.in(shoppers.map((s) => s.openid)) }).limit(100).get()
      expect(orders.reduce((sum: number, o: any) => sum + o.lines[0].quantity, 0)).toBe(24)
    })
  })

  describe('categories', () => {
    it('creates one last, renames and reorders them, and refuses an order made from a stale list', async () => {
      const created = await staff('createCategory', { name: '白茶' })
      expect(created).toMatchObject({ ok: true, data: { name: '白茶', sortOrder: 30 } })
      const white = created.data._id
      expect(await staff('renameCategory', { categoryId: white, name: '白茶·寿眉' })).toMatchObject({ ok: true, data: { name: '白茶·寿眉' } })
      const order = await staff('reorderCategories', { categoryIds: [white, 'cat-black', 'cat-green'] })
      expect(order.data.map((c: any) => [c._id, c.sortOrder])).toEqual([[white, 10], ['cat-black', 20], ['cat-green', 30]])
      expect(await staff('reorderCategories', { categoryIds: ['cat-black', 'cat-green'] })).toMatchObject({ ok: false, error: { code: 'CATALOG_CATEGORY_ORDER_STALE' } })
      // The shop shows them in the new order.
      const shown = (await callAs(t.cloud, 'o-shopper', 'catalog', 'listCategories', {})).data.items
      expect(shown.map((c: any) => c._id)).toEqual([white, 'cat-black', 'cat-green'])
    })

    it('deletes an empty category and refuses one that still holds products, saying how many', async () => {
      const list = (await staff('listCategories')).data
      expect(list.find((c: any) => c._id === 'cat-green')).toMatchObject({ products: 2 })
      expect(await staff('deleteCategory', { categoryId: 'cat-green' })).toEqual({ ok: false, error: { code: 'CATALOG_CATEGORY_NOT_EMPTY', details: { categoryId: 'cat-green', products: 2 } } })
      const empty = list.find((c: any) => c.products === 0)
      expect(await staff('deleteCategory', { categoryId: empty._id })).toEqual({ ok: true, data: { deleted: empty._id } })
      expect(await staff('deleteCategory', { categoryId: empty._id })).toMatchObject({ ok: false, error: { code: 'CATALOG_CATEGORY_NOT_FOUND' } })
    })
  })

  describe('a category rename and search', () => {
    let rock = ''
    const ids = Array.from({ length: 45 }, (_, i) => `p-rock-${String(i).padStart(2, '0')}`)
    /** What a shopper's search finds (on the shelf), and every product, on the shelf or not, holding the term. */
    const found = async (keyword: string) => ({
      shopper: (await callAs(t.cloud, 'o-shopper', 'catalog', 'listProducts', { keyword, pageSize: 100 })).data.items.length,
      stored: (await t.db.collection('products').where({ searchTerms: keyword }).count()).total,
    })
    /** Every product of the category has the terms its fields and the category's name now make. */
    const termsAreCurrent = async () => {
      const { data: category } = await t.db.collection('categories').doc(rock).get()
      const { data: stored } = await t.db.collection('products').where({ categoryId: rock }).limit(1000).get()
      for (const p of stored) expect(p.searchTerms, p._id).toEqual(searchTermsOf({ ...p, categoryName: category.name }, toPinyin))
      return stored.length
    }

    beforeAll(async () => {
      rock = (await staff('createCategory', { name: '岩茶' })).data._id
      // More than two pages of a rename; one in five off the shelf, which a rename covers too.
      for (const [i, _id] of ids.entries()) {
        await addTestProduct(t.db, { _id, title: `大红袍 ${i} 号`, categoryId: rock, onShelf: i % 5 !== 0, sortOrder: 1000 + i, specDimensions: [], minPriceFen: 9900, maxPriceFen: 9900 }, '岩茶')
      }
    })

    it('makes every product’s search terms again, on the shelf or not: the new name finds them, the old one no longer does', async () => {
      expect(await found('岩茶')).toEqual({ shopper: 36, stored: 45 })
      expect(await found('乌龙')).toEqual({ shopper: 0, stored: 0 })
      const { result, requests } = await countDatabaseRequests(() => staff('renameCategory', { categoryId: rock, name: '乌龙' }), 'hq-catalog')
      expect(result).toMatchObject({ ok: true, data: { _id: rock, name: '乌龙' } })
      expect(await found('乌龙')).toEqual({ shopper: 36, stored: 45 })
      expect(await found('wl')).toEqual({ shopper: 36, stored: 45 })
      expect(await found('岩茶')).toEqual({ shopper: 0, stored: 0 })
      expect(await termsAreCurrent()).toBe(45)
      // The category and each of its 45 products are written once: 46 documents, the products in 3 transactions of at most 20.
      const writes = (collection: string) => requests.actions.filter((a) => a === `hq-catalog modifyDocument ${collection}`).length
      expect([writes('categories'), writes('products')]).toEqual([1, 45])
      expect(requests.actions.filter((a) => a.endsWith('startTransaction'))).toHaveLength(3)
      expect(requests.scans).toEqual([])
    })

    it('asked again with the same name, writes no product', async () => {
      const { requests } = await countDatabaseRequests(() => staff('renameCategory', { categoryId: rock, name: '乌龙' }), 'hq-catalog')
      expect(requests.actions.filter((a) => a === 'hq-catalog modifyDocument products')).toEqual([])
    })

    it('a product saved into the category, or edited, while it is renamed ends with the terms of the name the category ends with', async () => {
      for (const name of ['岩茶', '武夷', '乌龙']) {
        const [renamed, created, edited] = await Promise.all([
          staff('renameCategory', { categoryId: rock, name }),
          staff('createProduct', { draft: draft({ categoryId: rock, title: `肉桂 ${name}` }) }),
          staff('updateProduct', { productId: ids[7], draft: draft({ categoryId: rock, title: `大红袍 7 号 ${name}`, skus: draft().skus.map((s) => ({ ...s, openingStock: 0 })) }) }),
        ])
        expect([renamed.ok, created.ok, edited.ok]).toEqual([true, true, true])
        await termsAreCurrent()
      }
      expect((await found('乌龙')).stored).toBe(45 + 3)
    })
  })

  describe('roles: the catalog is for full admins and 运营; every call is audited', () => {
    const CALLERS = [
      { openid: 'o-cat-admin', role: 'hq_admin' },
      { openid: 'o-cat-ops', role: 'hq_ops' },
      { openid: 'o-cat-finance', role: 'hq_finance' },
      { openid: 'o-cat-employee', role: null },
      { openid: 'o-cat-stranger', role: null },
    ] as const
    // Each names something that is not there (or changes nothing others rely on): allowed, it answers the use case's refusal.
    const CALLS: Array<[string, unknown]> = [
      ['listProducts', {}],
      ['getProduct', { productId: 'no-product' }],
      ['createProduct', { draft: draft({ categoryId: 'cat-none' }) }],
      ['updateProduct', { productId: 'no-product', draft: draft() }],
      ['setOnShelf', { productId: 'no-product', onShelf: true }],
      ['adjustStock', { skuId: 'no-sku', delta: 1, reason: 'restock' }],
      ['listStockLedger', { skuId: 'no-sku' }],
      ['listCategories', {}],
      ['createCategory', { name: '角色测试' }],
      ['renameCategory', { categoryId: 'no-category', name: '改名' }],
      ['reorderCategories', { categoryIds: ['no-category'] }],
      ['deleteCategory', { categoryId: 'no-category' }],
    ]

    beforeAll(async () => {
      for (const caller of CALLERS) if (caller.role) await addHqMember(t.db, caller.openid, caller.role)
      await employeeWithShop(t.cloud, 'CE1', 'o-cat-employee', '路人')
    })

    it('the table covers every action of the contract', () => {
      expect(CALLS.map(([action]) => action).sort()).toEqual(Object.keys(hqCatalogContract.actions).sort())
    })

    for (const [action, payload] of CALLS) {
      it(`${action}: hq_admin and hq_ops only`, async () => {
        for (const caller of CALLERS) {
          const answer = await callAs(t.cloud, caller.openid, 'hq-catalog', action, payload)
          if (caller.role === 'hq_admin' || caller.role === 'hq_ops') expect(answer.ok ? 'ok' : answer.error.code).not.toBe('HQ_FORBIDDEN')
          else expect(answer).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
          const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: caller.openid, action: `hq-catalog.${action}` }).get()
          expect(audit).toHaveLength(1)
          expect(audit[0]).toMatchObject({ actorRole: caller.role, source: 'client', payload, ...(answer.ok ? { ok: true } : { ok: false, error: answer.error.code }) })
        }
      })
    }

    it('invalid payloads, unknown actions and anonymous calls are audited too; a change keeps the document before and after', async () => {
      expect(await callAs(t.cloud, 'o-cat-ops', 'hq-catalog', 'adjustStock', { skuId: 'tea-100g', delta: 1.5, reason: 'restock' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(await callAs(t.cloud, 'o-cat-stranger', 'hq-catalog', 'dropCatalog', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
      expect(await callAs(t.cloud, undefined, 'hq-catalog', 'listProducts', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
      for (const [openid, action, error] of [
        ['o-cat-ops', 'hq-catalog.adjustStock', 'INVALID_INPUT'],
        ['o-cat-stranger', 'hq-catalog.dropCatalog', 'UNKNOWN_ACTION'],
        [null, 'hq-catalog.listProducts', 'AUTH_REQUIRED'],
      ]) {
        expect((await t.db.collection('audit_logs').where({ actorOpenid: openid, action, error }).get()).data, action!).toHaveLength(1)
      }
      await callAs(t.cloud, 'o-cat-ops', 'hq-catalog', 'setOnShelf', { productId: 'p-old', onShelf: true })
      const { data } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-cat-ops', action: 'hq-catalog.setOnShelf', ok: true }).get()
      expect(data[0].change).toMatchObject({ collection: 'products', id: 'p-old', before: { onShelf: false }, after: { onShelf: true } })
    })
  })
})
