import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshCollection, rejection, startTestCloud, TestCloud } from '../../support/local-cloud'

const PRODUCTS = [
  { _id: 'p1', name: 'green tea', price: 12, tags: ['tea'], meta: { origin: 'fujian' }, at: new Date('2024-01-01T00:00:00Z') },
  { _id: 'p2', name: 'oolong', price: 12.5, tags: ['tea', 7], meta: { origin: 'fujian', grade: 'A' } },
  { _id: 'p3', name: 'cup', price: 10, tags: [] },
  { _id: 'p4', name: 42, price: '30', meta: {} },
  { _id: 'p5', name: 'pot', price: 3_000_000_000 },
]

describe('$jsonSchema through wx-server-sdk', () => {
  let t: TestCloud
  let _: any
  let products: any
  const matching = async (where: Record<string, unknown>) =>
    (await products.where(where).orderBy('_id', 'asc').get()).data.map((d: any) => d._id)

  beforeAll(async () => {
    t = await startTestCloud()
    _ = t.db.command
    products = await freshCollection(t.db, 'products')
    await products.add({ data: PRODUCTS })
  })
  afterAll(() => t.close())

  it('_.jsonSchema matches the documents that satisfy required and property types', async () => {
    const schema = { required: ['name', 'price'], properties: { name: { bsonType: 'string' }, price: { bsonType: 'number' } } }
    expect(await matching(_.jsonSchema(schema))).toEqual(['p1', 'p2', 'p3', 'p5'])
  })

  it('bsonType tells int, long and double apart as the SDK sends them, and number takes all three', async () => {
    const priced = (bsonType: unknown) => matching(_.jsonSchema({ properties: { price: { bsonType } }, required: ['price'] }))
    expect(await priced('int')).toEqual(['p1', 'p3'])
    expect(await priced('double')).toEqual(['p2'])
    expect(await priced('long')).toEqual(['p5'])
    expect(await priced(['int', 'string'])).toEqual(['p1', 'p3', 'p4'])
  })

  it('bsonType date, array and object describe dates, arrays and embedded documents', async () => {
    expect(await matching(_.jsonSchema({ required: ['at'], properties: { at: { bsonType: 'date' } } }))).toEqual(['p1'])
    const tags = { properties: { tags: { bsonType: 'array', items: { bsonType: 'string' } } } }
    expect(await matching(_.jsonSchema(tags))).toEqual(['p1', 'p3', 'p4', 'p5'])
    const graded = { required: ['meta'], properties: { meta: { bsonType: 'object', required: ['grade'] } } }
    expect(await matching(_.jsonSchema(graded))).toEqual(['p2'])
  })

  it('draft 4 keywords work as in MongoDB, including a boolean exclusiveMinimum', async () => {
    const above = (exclusiveMinimum: boolean) => {
      const price = { bsonType: 'number', minimum: 12, exclusiveMinimum }
      return matching(_.jsonSchema({ properties: { price }, required: ['price'] }))
    }
    expect(await above(false)).toEqual(['p1', 'p2', 'p5'])
    expect(await above(true)).toEqual(['p2', 'p5'])
    const exact = { properties: { meta: { additionalProperties: false, properties: { origin: { enum: ['fujian'] } } } } }
    expect(await matching(_.jsonSchema(exact))).toEqual(['p1', 'p3', 'p4', 'p5'])
  })

  it('$jsonSchema combines with other conditions, counts, and works in an aggregate match', async () => {
    const schema = { properties: { price: { bsonType: 'int' } }, required: ['price'] }
    expect(await matching({ ..._.jsonSchema(schema), name: 'cup' })).toEqual(['p3'])
    expect((await products.where(_.jsonSchema(schema)).count()).total).toBe(2)
    const { list } = await products.aggregate().match(_.jsonSchema(schema)).sort({ _id: -1 }).end()
    expect(list.map((d: any) => d._id)).toEqual(['p3', 'p1'])
  })

  it('a keyword MongoDB does not know is an error naming it', async () => {
    const unknown = { properties: { price: { bsonType: 'int', colour: 'red' } } }
    const error = await rejection(products.where(_.jsonSchema(unknown)).get())
    expect(error.errCode).toBe(-502001)
    expect(error.errMsg).toMatch(/\$jsonSchema.*colour/)
    const alias = await rejection(products.where(_.jsonSchema({ bsonType: 'integer' })).get())
    expect(alias.errMsg).toMatch(/\$jsonSchema.*bsonType/)
  })
})
