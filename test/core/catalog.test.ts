import { describe, expect, it } from 'vitest'
import { priceRangeOf, skuForSelection } from '../../src/core/catalog'

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
