import { describe, expect, it } from 'vitest'
import type { SpecDimension } from '../../src/core/catalog'
import {
  PRODUCT_LIMITS,
  ProductDraft,
  SkuDraft,
  adjustStock,
  checkProductDraft,
  combinations,
  nextSortOrder,
  planSkus,
  reorderCategories,
} from '../../src/core/product-editing'

const SIZE: SpecDimension = { name: '规格', values: ['50g', '100g'] }
const PACK: SpecDimension = { name: '包装', values: ['礼盒', '简装'] }

const sku = (specs: Record<string, string>, priceFen = 6800, openingStock = 10): SkuDraft => ({ specs, priceFen, openingStock })
const everySku = (dimensions: SpecDimension[]) => combinations(dimensions).map((specs) => sku(specs))

const draft = (change: Partial<ProductDraft> = {}): ProductDraft => ({
  title: '滇红 金芽',
  subtitle: '',
  detail: '',
  categoryId: 'cat-black',
  images: ['cloud://local.6c6f-local-1250000000/products/a.png'],
  tags: [],
  specDimensions: [SIZE, PACK],
  skus: everySku([SIZE, PACK]),
  ...change,
})

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code)

describe('the combinations of spec values', () => {
  it('are the product of the dimensions, the first varying slowest', () => {
    expect(combinations([SIZE, PACK])).toEqual([
      { 规格: '50g', 包装: '礼盒' },
      { 规格: '50g', 包装: '简装' },
      { 规格: '100g', 包装: '礼盒' },
      { 规格: '100g', 包装: '简装' },
    ])
  })
  it('are one empty combination for a product without specs', () => {
    expect(combinations([])).toEqual([{}])
  })
})

describe('a product HQ may save', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`)
  const cases: Array<[string, Partial<ProductDraft>, string]> = [
    ['two dimensions, a SKU for each of the four combinations', {}, 'ok'],
    ['no dimensions and one SKU', { specDimensions: [], skus: [sku({})] }, 'ok'],
    ['no image', { images: [] }, 'CATALOG_IMAGES_INVALID'],
    ['more images than the limit', { images: many(PRODUCT_LIMITS.images + 1) }, 'CATALOG_IMAGES_INVALID'],
    ['four dimensions', { specDimensions: [SIZE, PACK, { name: '年份', values: ['2025'] }, { name: '产地', values: ['云南'] }] }, 'CATALOG_SPEC_TOO_MANY_DIMENSIONS'],
    ['a dimension named twice', { specDimensions: [SIZE, { ...PACK, name: '规格' }] }, 'CATALOG_SPEC_DUPLICATE'],
    ['a value given twice', { specDimensions: [{ name: '规格', values: ['50g', '50g'] }] }, 'CATALOG_SPEC_DUPLICATE'],
    ['a dimension without values', { specDimensions: [{ name: '规格', values: [] }] }, 'CATALOG_SPEC_VALUES_INVALID'],
    ['a dimension with too many values', { specDimensions: [{ name: '规格', values: many(PRODUCT_LIMITS.valuesPerDimension + 1) }] }, 'CATALOG_SPEC_VALUES_INVALID'],
    ['more combinations than SKUs allowed (10 × 10)', { specDimensions: [{ name: 'a', values: many(10) }, { name: 'b', values: many(10) }] }, 'CATALOG_TOO_MANY_SKUS'],
    ['a combination without a SKU', { skus: everySku([SIZE, PACK]).slice(1) }, 'CATALOG_SKU_MISSING'],
    ['a combination with two SKUs', { skus: [...everySku([SIZE, PACK]), sku({ 规格: '50g', 包装: '礼盒' })] }, 'CATALOG_SKU_DUPLICATE'],
    ['a SKU of a value no dimension has', { skus: [...everySku([SIZE, PACK]).slice(1), sku({ 规格: '75g', 包装: '礼盒' })] }, 'CATALOG_SKU_SPEC_UNKNOWN'],
    ['a SKU missing a dimension', { skus: [...everySku([SIZE, PACK]).slice(1), sku({ 规格: '50g' })] }, 'CATALOG_SKU_SPEC_UNKNOWN'],
    ['a SKU naming a dimension the product lacks', { specDimensions: [SIZE], skus: [sku({ 规格: '50g', 包装: '礼盒' }), sku({ 规格: '100g' })] }, 'CATALOG_SKU_SPEC_UNKNOWN'],
    ['a free SKU', { skus: [sku({ 规格: '50g', 包装: '礼盒' }, 0), ...everySku([SIZE, PACK]).slice(1)] }, 'CATALOG_SKU_PRICE_INVALID'],
    ['a negative price', { skus: [sku({ 规格: '50g', 包装: '礼盒' }, -100), ...everySku([SIZE, PACK]).slice(1)] }, 'CATALOG_SKU_PRICE_INVALID'],
    ['a price in fractions of a fen', { skus: [sku({ 规格: '50g', 包装: '礼盒' }, 68.5), ...everySku([SIZE, PACK]).slice(1)] }, 'CATALOG_SKU_PRICE_INVALID'],
    ['a price over ¥100,000', { skus: [sku({ 规格: '50g', 包装: '礼盒' }, PRODUCT_LIMITS.maxPriceFen + 1), ...everySku([SIZE, PACK]).slice(1)] }, 'CATALOG_SKU_PRICE_INVALID'],
    ['a negative opening stock', { skus: [sku({ 规格: '50g', 包装: '礼盒' }, 6800, -1), ...everySku([SIZE, PACK]).slice(1)] }, 'CATALOG_SKU_STOCK_INVALID'],
    ['half a unit of stock', { skus: [sku({ 规格: '50g', 包装: '礼盒' }, 6800, 0.5), ...everySku([SIZE, PACK]).slice(1)] }, 'CATALOG_SKU_STOCK_INVALID'],
  ]
  it.each(cases)('%s: %s', (_name, change, expected) => {
    expect(codeOf(checkProductDraft(draft(change)))).toBe(expected)
  })

  it('names the combination that lacks a price', () => {
    expect(checkProductDraft(draft({ skus: everySku([SIZE, PACK]).slice(1) }))).toMatchObject({ error: { details: { specs: '50g / 礼盒' } } })
  })
})

describe('what a save does to the SKUs', () => {
  let n = 0
  const newId = () => `new-${++n}`
  const had = [
    { _id: 's-50', specs: { 规格: '50g' }, stock: 5 },
    { _id: 's-100', specs: { 规格: '100g' }, stock: 0 },
  ]

  it('keeps the SKU (and its id and stock) of a combination the product still offers, with its new price', () => {
    const plan = planSkus(had, draft({ specDimensions: [SIZE], skus: [sku({ 规格: '50g' }, 7000), sku({ 规格: '100g' }, 12000)] }), newId)
    expect(plan).toEqual({ ok: true, data: { keep: [{ _id: 's-50', priceFen: 7000 }, { _id: 's-100', priceFen: 12000 }], create: [], remove: [] } })
  })

  it('makes a SKU with its opening stock for a new combination, and removes one dropped that holds no stock', () => {
    const plan = planSkus(had, draft({ specDimensions: [{ name: '规格', values: ['50g', '250g'] }], skus: [sku({ 规格: '50g' }), sku({ 规格: '250g' }, 26800, 3)] }), () => 's-250')
    expect(plan).toEqual({
      ok: true,
      data: { keep: [{ _id: 's-50', priceFen: 6800 }], create: [{ _id: 's-250', specs: { 规格: '250g' }, priceFen: 26800, stock: 3 }], remove: ['s-100'] },
    })
  })

  it('refuses to drop a combination whose SKU still holds stock', () => {
    const plan = planSkus(had, draft({ specDimensions: [{ name: '规格', values: ['100g'] }], skus: [sku({ 规格: '100g' })] }), newId)
    expect(plan).toMatchObject({ ok: false, error: { code: 'CATALOG_SKU_STOCK_LEFT', details: { specs: '50g', stock: 5 } } })
  })

  it('a new dimension makes every combination new: the old SKUs (without stock) go', () => {
    const empty = had.map((s) => ({ ...s, stock: 0 }))
    const plan = planSkus(empty, draft(), newId)
    expect(plan.ok && [plan.data.keep.length, plan.data.create.length, plan.data.remove]).toEqual([0, 4, ['s-50', 's-100']])
  })
})

describe('stock adjustments', () => {
  const cases: Array<[number, number, number | string]> = [
    [10, 5, 15],
    [10, -10, 0],
    [10, -11, 'CATALOG_STOCK_NEGATIVE'],
    [0, PRODUCT_LIMITS.maxStock, PRODUCT_LIMITS.maxStock],
    [1, PRODUCT_LIMITS.maxStock, 'CATALOG_STOCK_TOO_LARGE'],
  ]
  it.each(cases)('stock %i moved by %i: %s', (stock, delta, expected) => {
    const answer = adjustStock({ _id: 'tea-50g', stock }, delta)
    expect(answer.ok ? answer.data : answer.error.code).toBe(expected)
  })
})

describe('the categories’ order', () => {
  const categories = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]
  it('puts them 10 apart in the order HQ gives', () => {
    expect(reorderCategories(categories, ['c', 'a', 'b'])).toEqual({ ok: true, data: [{ _id: 'c', sortOrder: 10 }, { _id: 'a', sortOrder: 20 }, { _id: 'b', sortOrder: 30 }] })
  })
  it.each([
    ['one left out', ['c', 'a']],
    ['one twice', ['c', 'a', 'a']],
    ['one that is not there', ['c', 'a', 'd']],
  ])('refuses an order with %s (the list changed since it was read)', (_name, order) => {
    expect(codeOf(reorderCategories(categories, order))).toBe('CATALOG_CATEGORY_ORDER_STALE')
  })
  it('puts a new one last', () => {
    expect([nextSortOrder(undefined), nextSortOrder(40)]).toEqual([10, 50])
  })
})
