import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { addTestCatalog } from '../support/shop-fixtures'

describe('cart function', () => {
  let t: TestCloud
  const cart = (openid: string, action: string, payload?: unknown) => callAs(t.cloud, openid, 'cart', action, payload)

  beforeAll(async () => {
    t = await startTestCloud()
    await addTestCatalog(t.db, { 'tea-250g': 3 })
  })
  afterAll(() => t.close())

  it('is kept per buyer in the cloud, newest line first, counting quantities for the badge', async () => {
    await cart('o-a', 'addToCart', { skuId: 'tea-100g', quantity: 2 })
    const { data } = await cart('o-a', 'addToCart', { skuId: 'tea-250g', quantity: 1 })
    expect(data.items.map((i: any) => [i.skuId, i.quantity, i.unitPriceFen])).toEqual([
      ['tea-250g', 1, 15800],
      ['tea-100g', 2, 6800],
    ])
    expect(data).toMatchObject({ count: 3, selectedCount: 3, selectedGoodsFen: 29400 })
    expect((await cart('o-b', 'getCart', {})).data.items).toEqual([])
    expect((await cart('o-a', 'getCart', {})).data.count).toBe(3)
  })

  it('adding the same SKU again adds to its quantity, up to the stock', async () => {
    expect((await cart('o-c', 'addToCart', { skuId: 'tea-250g', quantity: 2 })).data.count).toBe(2)
    expect((await cart('o-c', 'addToCart', { skuId: 'tea-250g', quantity: 1 })).data.count).toBe(3)
    expect(await cart('o-c', 'addToCart', { skuId: 'tea-250g', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'CART_OUT_OF_STOCK', details: { stock: expect.any(Number) } } })
  })

  it('changes quantity, selection and lines, and shows price changes and unavailable items', async () => {
    await cart('o-d', 'addToCart', { skuId: 'tea-100g', quantity: 1 })
    expect((await cart('o-d', 'setQuantity', { skuId: 'tea-100g', quantity: 5 })).data.count).toBe(5)
    expect((await cart('o-d', 'selectLines', { skuIds: 'all', selected: false })).data.selectedGoodsFen).toBe(0)
    await t.db.collection('skus').doc('tea-100g').update({ data: { priceFen: 6000 } })
    const moved = (await cart('o-d', 'getCart', {})).data.items[0]
    expect(moved).toMatchObject({ unitPriceFen: 6000, priceWhenAddedFen: 6800 })
    await t.db.collection('skus').doc('tea-100g').update({ data: { priceFen: 6800 } })
    await t.db.collection('skus').doc('tea-250g').update({ data: { stock: 0 } })
    await cart('o-d', 'selectLines', { skuIds: 'all', selected: true })
    await t.db.collection('carts').doc('o-d').update({ data: { lines: t.db.command.push({ skuId: 'tea-250g', quantity: 1, selected: true, priceWhenAddedFen: 15800, addedAt: new Date() }) } })
    const withSoldOut = (await cart('o-d', 'getCart', {})).data
    expect(withSoldOut.items.find((i: any) => i.skuId === 'tea-250g')).toMatchObject({ unavailable: 'sold_out', selected: false })
    expect((await cart('o-d', 'removeFromCart', { skuIds: ['tea-100g', 'tea-250g'] })).data.items).toEqual([])
    await t.db.collection('skus').doc('tea-250g').update({ data: { stock: 3 } })
  })

  it('two devices adding at the same moment both count', async () => {
    await Promise.all([
      cart('o-e', 'addToCart', { skuId: 'tea-100g', quantity: 1 }),
      cart('o-e', 'addToCart', { skuId: 'tea-100g', quantity: 2 }),
      cart('o-e', 'addToCart', { skuId: 'tea-250g', quantity: 1 }),
    ])
    expect((await cart('o-e', 'getCart', {})).data.count).toBe(4)
  })

  it('sixteen buyers changing their own carts at the same moment never hold each other up', async () => {
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => cart(`o-many-${i}`, 'addToCart', { skuId: 'tea-100g', quantity: 1 })))
    expect(answers.every((a) => a.ok)).toBe(true)
  })

  it('refuses what cannot be bought and bad quantities, changing nothing', async () => {
    expect(await cart('o-f', 'addToCart', { skuId: 'old-100g', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'CART_PRODUCT_UNAVAILABLE' } })
    expect(await cart('o-f', 'addToCart', { skuId: 'nope', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'CART_PRODUCT_UNAVAILABLE' } })
    for (const quantity of [0, -1, 1.5, 100, '2']) {
      expect(await cart('o-f', 'addToCart', { skuId: 'tea-100g', quantity }), String(quantity)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await cart('o-f', 'setQuantity', { skuId: 'tea-100g', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'CART_LINE_NOT_FOUND' } })
    expect((await cart('o-f', 'getCart', {})).data.items).toEqual([])
  })
})
