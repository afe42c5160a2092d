import { describe, expect, it } from 'vitest'
import type { Sku } from '../../src/core/catalog'
import { CartLine, viewCart } from '../../src/core/cart'

const added = new Date('2026-11-20T00:00:00Z')
const cartLine = (skuId: string, quantity: number, priceWhenAddedFen: number, selected = true): CartLine => ({ skuId, quantity, selected, priceWhenAddedFen, addedAt: added })

describe('what the cart shows', () => {
  const skus = new Map<string, Sku>([
    ['a', { _id: 'a', productId: 'pa', specs: { 规格: '100g' }, priceFen: 6800, stock: 10 }],
    ['b', { _id: 'b', productId: 'pb', specs: {}, priceFen: 1200, stock: 0 }],
    ['c', { _id: 'c', productId: 'pc', specs: {}, priceFen: 3000, stock: 2 }],
    ['d', { _id: 'd', productId: 'pd', specs: {}, priceFen: 500, stock: 9 }],
  ])
  const products = new Map([
    ['pa', { _id: 'pa', title: '龙井', images: ['/a.jpg'], onShelf: true }],
    ['pb', { _id: 'pb', title: '红茶', images: [], onShelf: true }],
    ['pc', { _id: 'pc', title: '乌龙', images: [], onShelf: true }],
    ['pd', { _id: 'pd', title: '白茶', images: [], onShelf: false }],
  ])

  it('prices at today’s price, says when it moved, and marks what can no longer be bought', () => {
    const view = viewCart(
      [cartLine('a', 2, 5800), cartLine('b', 1, 1200), cartLine('c', 3, 3000), cartLine('d', 1, 500), cartLine('zz', 1, 100)],
      skus,
      products,
    )
    expect(view.items.map((i) => [i.skuId, i.unitPriceFen, i.priceWhenAddedFen, i.unavailable, i.selected])).toEqual([
      ['a', 6800, 5800, undefined, true],
      ['b', 1200, undefined, 'sold_out', false],
      ['c', 3000, undefined, 'not_enough_stock', false],
      ['d', 500, undefined, 'off_shelf', false],
      ['zz', 0, undefined, 'gone', false],
    ])
    expect(view).toMatchObject({ selectedCount: 2, selectedGoodsFen: 13600 })
  })

  it('the tab badge counts only what can be bought: not sold out, short of stock, off the shelf or gone', () => {
    const view = viewCart([cartLine('a', 2, 6800), cartLine('b', 1, 1200), cartLine('c', 3, 3000), cartLine('d', 1, 500), cartLine('zz', 1, 100)], skus, products)
    expect(view.count).toBe(2)
  })

  it('an unselected line does not count toward the total', () => {
    const view = viewCart([cartLine('a', 1, 6800, false)], skus, products)
    expect(view).toMatchObject({ selectedCount: 0, selectedGoodsFen: 0, count: 1 })
  })
})
