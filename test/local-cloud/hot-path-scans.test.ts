import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseEvent } from '../../local-cloud/server'
import { auditDatabase } from '../support/database-audit'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { addTestCatalog } from '../support/shop-fixtures'

/**
 * The request log names how the local engine read each query; a shopper's first screens (the
 * storefront, its categories, a page of products, a product) read through indexes only, never by
 * reading a whole collection.
 */
describe("a shopper's first screens read no collection whole", () => {
  let t: TestCloud
  const events: DatabaseEvent[] = []
  beforeAll(async () => {
    t = await startTestCloud({
      observeDatabase: (event) => {
        auditDatabase(event)
        events.push(event)
      },
    })
    await addTestCatalog(t.db, { 'tea-100g': 10 })
  })
  afterAll(() => t.close())

  it.each([
    ['getStorefront', {}],
    ['listCategories', {}],
    ['listProducts', { pageSize: 10 }],
    ['getProduct', { productId: 'p-tea' }],
  ])('catalog %s', async (action, payload) => {
    events.length = 0
    await callAs(t.cloud, 'o-shopper', 'catalog', action, payload)
    const reads = events.filter((e) => e.function === 'catalog')
    expect(reads.length).toBeGreaterThan(0)
    expect(reads.filter((e) => /scan/.test(e.plan ?? '')).map((e) => `${e.action} ${e.access?.collection}: ${e.plan}`)).toEqual([])
  })
})
