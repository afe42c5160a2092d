import { describe, expect, it } from 'vitest'
import { MAX_FAVORITES, addFavorite, removeFavorite, viewFavorite } from '../../src/core/favorite'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute))

describe('favourites', () => {
  it('a product added goes first; adding it again changes nothing', () => {
    const first = addFavorite([], 'a', at(1))
    const second = first.ok ? addFavorite(first.data, 'b', at(2)) : first
    expect(second.ok && second.data.map((e) => e.productId)).toEqual(['b', 'a'])
    const again = second.ok ? addFavorite(second.data, 'a', at(3)) : second
    expect(again.ok && again.data).toBe(second.ok && second.data)
  })

  it(`a buyer keeps at most ${MAX_FAVORITES}`, () => {
    const full = Array.from({ length: MAX_FAVORITES }, (_, i) => ({ productId: `p${i}`, addedAt: at(0) }))
    expect(addFavorite(full, 'one-more', at(1))).toEqual({ ok: false, error: { code: 'FAVORITES_FULL', details: { max: MAX_FAVORITES } } })
    expect(addFavorite(full, 'p7', at(1)).ok).toBe(true)
  })

  it('removing takes the product out; removing one not there changes nothing', () => {
    const entries = [{ productId: 'a', addedAt: at(1) }]
    expect(removeFavorite(entries, 'a')).toEqual([])
    expect(removeFavorite(entries, 'x')).toBe(entries)
  })

  it('a product off the shelf or gone is shown as unavailable, not dropped', () => {
    const entry = { productId: 'a', addedAt: at(1) }
    const product = { title: '西湖龙井', images: ['/a.jpg'], minPriceFen: 6800, onShelf: true }
    expect(viewFavorite(entry, product)).toEqual({ _id: 'a', title: '西湖龙井', coverImage: '/a.jpg', minPriceFen: 6800, available: true })
    expect(viewFavorite(entry, { ...product, onShelf: false }).available).toBe(false)
    expect(viewFavorite(entry, undefined)).toMatchObject({ _id: 'a', title: '', available: false })
  })
})
