import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FAVORITES } from '../../src/core/favorite'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { addTestCatalog, addTestProduct } from '../support/shop-fixtures'

describe('favorites function', () => {
  let t: TestCloud
  const favorites = (openid: string, action: string, payload?: unknown) => callAs(t.cloud, openid, 'favorites', action, payload)
  const listed = async (openid: string) => ((await favorites(openid, 'listFavorites', {})).data.items as any[]).map((i) => [i._id, i.available])

  beforeAll(async () => {
    t = await startTestCloud()
    await addTestCatalog(t.db)
    await addTestProduct(t.db, { _id: 'p-puer', title: '普洱', categoryId: 'cat-puer', onShelf: true, sortOrder: 2, specDimensions: [], minPriceFen: 9900, maxPriceFen: 9900 })
  })
  afterAll(() => t.close())

  it('keeps each buyer’s favourites server-side, newest first; adding twice is one favourite', async () => {
    expect(await favorites('o-a', 'isFavorite', { productId: 'p-tea' })).toEqual({ ok: true, data: { favorite: false } })
    expect(await favorites('o-a', 'addFavorite', { productId: 'p-tea' })).toEqual({ ok: true, data: { favorite: true } })
    await favorites('o-a', 'addFavorite', { productId: 'p-puer' })
    await favorites('o-a', 'addFavorite', { productId: 'p-tea' })
    expect(await listed('o-a')).toEqual([['p-puer', true], ['p-tea', true]])
    expect((await favorites('o-a', 'isFavorite', { productId: 'p-tea' })).data.favorite).toBe(true)
    expect(await listed('o-b')).toEqual([])
    const { data } = await favorites('o-a', 'listFavorites', {})
    expect(data.items[1]).toMatchObject({ title: '西湖龙井', coverImage: '/assets/p-tea.jpg', minPriceFen: 6800 })
  })

  it('removing is done whether or not it was there', async () => {
    expect(await favorites('o-c', 'addFavorite', { productId: 'p-tea' })).toMatchObject({ ok: true })
    expect(await favorites('o-c', 'removeFavorite', { productId: 'p-tea' })).toEqual({ ok: true, data: { favorite: false } })
    expect(await favorites('o-c', 'removeFavorite', { productId: 'p-tea' })).toEqual({ ok: true, data: { favorite: false } })
    expect(await listed('o-c')).toEqual([])
  })

  it('shows a product taken off the shelf greyed, and refuses to add one off the shelf', async () => {
    await favorites('o-d', 'addFavorite', { productId: 'p-puer' })
    await t.db.collection('products').doc('p-puer').update({ data: { onShelf: false } })
    expect(await listed('o-d')).toEqual([['p-puer', false]])
    expect(await favorites('o-d', 'addFavorite', { productId: 'p-old' })).toMatchObject({ ok: false, error: { code: 'CATALOG_PRODUCT_NOT_FOUND' } })
    expect(await favorites('o-d', 'addFavorite', { productId: 'nope' })).toMatchObject({ ok: false, error: { code: 'CATALOG_PRODUCT_NOT_FOUND' } })
    await t.db.collection('products').doc('p-puer').update({ data: { onShelf: true } })
  })

  it(`keeps at most ${MAX_FAVORITES} per buyer`, async () => {
    const entries = Array.from({ length: MAX_FAVORITES }, (_, i) => ({ productId: `gone-${i}`, addedAt: new Date() }))
    await t.db.collection('favorites').add({ data: { _id: 'o-full', openid: 'o-full', entries, updatedAt: new Date() } })
    expect(await favorites('o-full', 'addFavorite', { productId: 'p-tea' })).toMatchObject({ ok: false, error: { code: 'FAVORITES_FULL', details: { max: MAX_FAVORITES } } })
    const page = await favorites('o-full', 'listFavorites', { page: 9, pageSize: 20 })
    expect(page.data).toMatchObject({ hasMore: false })
    expect(page.data.items).toHaveLength(20)
  })

  it('two devices adding at once both land', async () => {
    await Promise.all([favorites('o-e', 'addFavorite', { productId: 'p-tea' }), favorites('o-e', 'addFavorite', { productId: 'p-puer' })])
    expect((await listed('o-e')).map(([id]) => id).sort()).toEqual(['p-puer', 'p-tea'])
  })

  it('needs a signed-in caller to change or list; anyone may ask about the heart', async () => {
    expect(await favorites('', 'addFavorite', { productId: 'p-tea' })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    expect(await favorites('', 'listFavorites', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    expect(await favorites('', 'isFavorite', { productId: 'p-tea' })).toEqual({ ok: true, data: { favorite: false } })
  })
})
