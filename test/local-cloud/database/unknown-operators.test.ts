import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshCollection, rejection, startTestCloud, TestCloud } from '../../support/local-cloud'

// The service answers an operator it does not support with DATABASE_INVALID_OPERRATOR, which
// wx-server-sdk shows as errCode -502002, and a query it cannot run with DATABASE_REQUEST_FAILED
// (-502001). On aggregate() wx-server-sdk reports errCode -1 but keeps the service's code.
describe('operators the database does not know, through wx-server-sdk', () => {
  let t: TestCloud
  let _: any
  let $: any
  let c: any
  let other: any

  beforeAll(async () => {
    t = await startTestCloud()
    _ = t.db.command
    $ = _.aggregate
    c = await freshCollection(t.db, 'ops')
    other = await freshCollection(t.db, 'other')
    await c.add({ data: [{ _id: 'a', name: 'tea', price: 10 }, { _id: 'b', name: 'cup', price: 20 }] })
    await other.add({ data: { _id: 'x' } })
  })
  afterAll(() => t.close())

  it('an unknown field operator rejects get, count, update and remove with errCode -502002 naming it', async () => {
    const where = c.where({ price: { $foo: 1 } })
    for (const [call, api] of [
      [() => where.get(), 'collection.get'],
      [() => where.count(), 'collection.count'],
      [() => where.update({ data: { name: 'x' } }), 'collection.update'],
      [() => where.remove(), 'collection.remove'],
    ] as const) {
      const error = await rejection(call())
      expect(error.errCode).toBe(-502002)
      expect(error.errMsg).toMatch(new RegExp(`^${api.replace('.', '\\.')}:fail .*unknown operator: \\$foo`))
    }
    expect((await c.count()).total).toBe(2)
  })

  it('an unknown top-level operator rejects naming it', async () => {
    const error = await rejection(c.where({ $foo: [{ price: 10 }] }).get())
    expect(error.errCode).toBe(-502002)
    expect(error.errMsg).toMatch(/unknown top level operator: \$foo/)
  })

  it('an unknown expression operator rejects in a query and in a pipeline', async () => {
    const inQuery = await rejection(c.where(_.expr({ $foo: ['$price'] })).get())
    expect(inQuery.errCode).toBe(-502002)
    expect(inQuery.errMsg).toMatch(/Unrecognized expression '\$foo'/)
    const inPipeline = await rejection(c.aggregate().project({ x: { $foo: '$price' } }).end())
    expect(inPipeline.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(inPipeline.errMsg).toMatch(/^collection\.aggregate:fail .*'\$foo'/)
    const inGroup = await rejection(c.aggregate().group({ _id: null, x: { $foo: '$price' } }).end())
    expect(inGroup.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(inGroup.errMsg).toMatch(/'\$foo'/)
  })

  it('an unknown pipeline stage (here in a lookup sub-pipeline) rejects naming it', async () => {
    const error = await rejection(
      c.aggregate().lookup({ from: other.collectionName, pipeline: [{ $foo: {} }], as: 'joined' }).end(),
    )
    expect(error.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(error.errMsg).toMatch(/Unrecognized pipeline stage name: '\$foo'/)
  })

  it('an unknown update operator rejects naming it and changes nothing', async () => {
    const error = await rejection(c.doc('a').update({ data: { $foo: { price: 1 } } }))
    expect(error.errCode).toBe(-502002)
    expect(error.errMsg).toMatch(/^document\.update:fail .*\$foo/)
    expect((await c.doc('a').get()).data.price).toBe(10)
  })

  it('an operand the database refuses while evaluating is a database error naming the operator', async () => {
    const inQuery = await rejection(c.where(_.expr($.gt([$.strLenCP('$nowhere'), 1]))).get())
    expect(inQuery.errCode).toBe(-502001)
    expect(inQuery.errMsg).toMatch(/\$strLenCP requires a string argument, found: missing/)
    const inPipeline = await rejection(c.aggregate().project({ pairs: $.objectToArray('$name') }).end())
    expect(inPipeline.code).toBe('DATABASE_REQUEST_FAILED')
    expect(inPipeline.errMsg).toMatch(/\$objectToArray/)
  })
})
