import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseEvent } from '../../local-cloud/server'
import { createDatabaseAudit, queryShape, readSchema } from '../support/database-audit'
import { TestCloud, startTestCloud } from '../support/local-cloud'

const FIXTURES = path.join(__dirname, '../fixtures')

describe('the database audit that every test runs under', () => {
  const audit = createDatabaseAudit(() => ({
    collections: ['settings', 'carts'],
    allowed: [{ collection: 'settings', query: 'where key', reason: 'a handful of documents' }],
    schemaOf: readSchema,
  }))
  const read = (collection: string, query: Record<string, unknown>, servedBy?: string): DatabaseEvent => ({
    action: 'database.getDocument',
    function: 'catalog',
    access: { collection, query, servedBy },
  })

  it('lets a function read through a declared index', () => {
    audit.observe(read('carts', { _id: 'o-1' }, '_id_'))
    expect(audit.take()).toEqual([])
  })

  it('finds a scan, naming the function, the collection and the query shape', () => {
    audit.observe(read('carts', { openid: 'o-1', updatedAt: { $gt: new Date() } }))
    expect(audit.take()).toEqual(['function catalog scanned carts (database.getDocument): no declared index serves "where openid, updatedAt"'])
  })

  it('lets a listed scan through, and only that shape', () => {
    audit.observe(read('settings', { key: 'x' }))
    audit.observe(read('settings', { key: 'x', value: 1 }))
    expect(audit.take()).toEqual(['function catalog scanned settings (database.getDocument): no declared index serves "where key, value"'])
  })

  it('finds a collection nobody declared', () => {
    audit.observe(read('coupons', { _id: 'c' }, '_id_'))
    expect(audit.take()).toEqual(['function catalog used collection coupons, which database/collections.json does not declare'])
  })

  it('finds a written document its schema does not allow', () => {
    const cart = { _id: 'o-1', openid: 'o-1', lines: [], updatedAt: new Date() }
    audit.observe({ action: 'database.insertDocument', function: 'cart', written: [{ collection: 'carts', doc: cart }] })
    expect(audit.take()).toEqual([])
    audit.observe({ action: 'database.insertDocument', function: 'cart', written: [{ collection: 'carts', doc: { ...cart, coupon: 'x' } }] })
    audit.observe({ action: 'database.modifyDocument', function: 'cart', written: [{ collection: 'carts', doc: { ...cart, updatedAt: '2026-01-01' } }] })
    expect(audit.take()).toEqual([
      'function cart wrote a document to carts that does not fit database/schemas/carts.json: /: additionalProperties "coupon"',
      'function cart wrote a document to carts that does not fit database/schemas/carts.json: /updatedAt: bsonType',
    ])
  })

  it('leaves scripts outside the functions alone', () => {
    audit.observe({ ...read('carts', { remark: 'x' }), function: undefined })
    expect(audit.take()).toEqual([])
  })

  it('writes a query shape without its values', () => {
    expect(queryShape({ shopId: 's', $or: [{ status: 'a' }, { 'refund.status': 'b' }] }, { boundAt: -1 })).toBe('where shopId, status, refund.status order by boundAt')
    expect(queryShape(undefined)).toBe('where nothing')
  })
})

describe('the local cloud reports each database request', () => {
  let t: TestCloud
  const events: DatabaseEvent[] = []
  beforeAll(async () => {
    t = await startTestCloud({ functionsRoot: path.join(FIXTURES, 'cloudfunctions'), schemaFile: path.join(FIXTURES, 'schema.json'), observeDatabase: (e) => events.push(e) })
  })
  afterAll(() => t.close())

  it('with the index that serves a query, or none for a scan', async () => {
    events.length = 0
    await t.db.collection('items').where({ category: 'tea' }).get()
    await t.db.collection('items').where({ priceFen: t.db.command.gt(100) }).orderBy('priceFen', 'desc').get()
    expect(events.map((e) => [e.action, e.function, e.access?.collection, e.access?.servedBy])).toEqual([
      ['database.getDocument', undefined, 'items', 'category_price'],
      ['database.getDocument', undefined, 'items', undefined],
    ])
    expect(events[1].access?.order).toEqual({ priceFen: -1 })
  })

  it('with the function that sent it and the documents it wrote', async () => {
    events.length = 0
    const response = await fetch(`${t.cloud.url}/triggers/tick/everySecond`, { method: 'POST' })
    expect(response.status).toBe(200)
    const insert = events.find((e) => e.action === 'database.insertDocument')!
    expect(insert.function).toBe('tick')
    expect(insert.written).toEqual([{ collection: 'ticks', doc: expect.objectContaining({ trigger: 'everySecond', source: 'wx_trigger', at: expect.any(Date) }) }])
  })
})
