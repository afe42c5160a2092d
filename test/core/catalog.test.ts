import { describe, expect, it } from 'vitest'
import { priceRangeOf, searchTermsFor, searchTermsOf, skuForSelection } from '../../src/core/catalog'

describe('catalog rules', () => {
  const skus = [
    { _id: 'a', specs: { 规格: '100g', 包装: '罐装' }, priceFen: 6800 },
    { _id: 'b', specs: { 规格: '250g', 包装: '罐装' }, priceFen: 15800 },
    { _id: 'c', specs: { 规格: '250g', 包装: '礼盒' }, priceFen: 19800 },
  ]

  it('a product is priced from its cheapest to its dearest SKU', () => {
    expect(priceRangeOf(skus)).toEqual({ minPriceFen: 6800, maxPriceFen: 19800 })
    expect(priceRangeOf([])).toEqual({ minPriceFen: 0, maxPriceFen: 0 })
  })

  it('a full choice of spec values names exactly one SKU; a partial or unknown one names none', () => {
    expect(skuForSelection(skus, { 规格: '250g', 包装: '礼盒' })?._id).toBe('c')
    expect(skuForSelection(skus, { 规格: '250g' })).toBeUndefined()
    expect(skuForSelection(skus, { 规格: '500g', 包装: '罐装' })).toBeUndefined()
  })
})

describe('keyword search terms', () => {
  const product = { title: '西湖龙井 明前特级', subtitle: '狮峰山核心产区', tags: ['绿茶', 'Gift'] }

  it('a product is found by any piece of its title, subtitle or tags, ignoring spaces and case', () => {
    const terms = new Set(searchTermsOf(product))
    for (const keyword of ['龙井', '西湖龙井', '明前', '狮峰山', '绿茶', 'gift', '井明']) {
      expect(searchTermsFor(keyword)!.every((t) => terms.has(t)), keyword).toBe(true)
    }
    expect(searchTermsFor('普洱')!.every((t) => terms.has(t))).toBe(false)
  })

  it('a keyword longer than four characters must match all of its four-character pieces', () => {
    expect(searchTermsFor('西湖龙井明前')).toEqual(['西湖龙井', '湖龙井明', '龙井明前'])
    const terms = new Set(searchTermsOf(product))
    expect(searchTermsFor('西湖龙井明前')!.every((t) => terms.has(t))).toBe(true)
  })

  it('a keyword of only spaces and punctuation searches for nothing', () => {
    expect(searchTermsFor(' ，。 ')).toBeNull()
  })
})
