import { describe, expect, it } from 'vitest'
import type { ProductDetail } from '../../../src/core/catalog'
import { canChoose, initialSelection, missingDimensions, toggle } from '../../../src/pages/product/sku-selection'

const product = {
  specDimensions: [
    { name: '规格', values: ['50g', '250g'] },
    { name: '包装', values: ['罐装', '礼盒'] },
    { name: '产地', values: ['杭州'] },
  ],
  skus: [
    { _id: 'a', specs: { 规格: '50g', 包装: '罐装', 产地: '杭州' }, priceFen: 15800, stock: 0 },
    { _id: 'b', specs: { 规格: '50g', 包装: '礼盒', 产地: '杭州' }, priceFen: 19800, stock: 5 },
    { _id: 'c', specs: { 规格: '250g', 包装: '罐装', 产地: '杭州' }, priceFen: 58800, stock: 2 },
  ],
} as unknown as ProductDetail

describe('choosing a SKU on the product page', () => {
  it('starts with every one-value dimension chosen', () => {
    expect(initialSelection(product)).toEqual({ 产地: '杭州' })
  })

  it('a value is off when no SKU in stock has it with what else is chosen', () => {
    expect(canChoose(product.skus, {}, '包装', '罐装')).toBe(true)
    expect(canChoose(product.skus, { 规格: '50g' }, '包装', '罐装')).toBe(false)
    expect(canChoose(product.skus, { 规格: '50g' }, '包装', '礼盒')).toBe(true)
    expect(canChoose(product.skus, { 包装: '礼盒' }, '规格', '250g')).toBe(false)
    // The dimension being chosen does not rule itself out.
    expect(canChoose(product.skus, { 规格: '250g' }, '规格', '50g')).toBe(true)
  })

  it('tapping chooses a value, tapping it again un-chooses it', () => {
    const chosen = toggle({ 产地: '杭州' }, '规格', '50g')
    expect(chosen).toEqual({ 产地: '杭州', 规格: '50g' })
    expect(toggle(chosen, '规格', '250g')).toEqual({ 产地: '杭州', 规格: '250g' })
    expect(toggle(chosen, '规格', '50g')).toEqual({ 产地: '杭州' })
  })

  it('says which dimensions are still to choose', () => {
    expect(missingDimensions(product, { 产地: '杭州', 规格: '50g' })).toEqual(['包装'])
  })
})
