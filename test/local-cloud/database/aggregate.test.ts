import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, freshCollection, startTestCloud } from '../../support/local-cloud'

const ORDERS = [
  { _id: 'o1', user: 'u1', shop: 's1', amount: 10, items: ['tea', 'cup'], at: new Date('2024-01-01T00:00:00Z') },
  { _id: 'o2', user: 'u1', shop: 's2', amount: 30, items: ['tea'], at: new Date('2024-02-01T00:00:00Z') },
  { _id: 'o3', user: 'u2', shop: 's1', amount: 20, items: [], at: new Date('2024-03-01T00:00:00Z') },
  { _id: 'o4', user: 'u3', shop: 's1', amount: 40, items: ['pot', 'tea'], at: new Date('2024-04-01T00:00:00Z') },
]
const USERS = [
  { _id: 'u1', name: 'Ann' },
  { _id: 'u2', name: 'Bo' },
  { _id: 'u4', name: 'Di' },
]

describe('aggregation through wx-server-sdk', () => {
  let t: TestCloud
  let orders: any
  let users: any
  let _: any
  let $: any
  beforeAll(async () => {
    t = await startTestCloud()
    _ = t.db.command
    $ = _.aggregate
    orders = await freshCollection(t.db, 'orders')
    users = await freshCollection(t.db, 'users')
    await Promise.all([orders.add({ data: ORDERS }), users.add({ data: USERS })])
  })
  afterAll(() => t.close())

  it('aggregate().end() resolves with list and errMsg', async () => {
    const result = await orders.aggregate().sort({ _id: 1 }).end()
    expect(result.errMsg).toBe('collection.aggregate:ok')
    expect(result.list).toEqual(ORDERS)
  })

  it('match keeps the documents satisfying a query with commands', async () => {
    const { list } = await orders.aggregate().match({ amount: _.gt(15), shop: 's1' }).sort({ _id: 1 }).end()
    expect(list.map((o: any) => o._id)).toEqual(['o3', 'o4'])
  })

  it('match compares Date values', async () => {
    const { list } = await orders.aggregate().match({ at: _.gte(new Date('2024-03-01T00:00:00Z')) }).sort({ _id: 1 }).end()
    expect(list.map((o: any) => o._id)).toEqual(['o3', 'o4'])
  })

  it('project keeps the listed fields and computes expressions', async () => {
    const { list } = await orders
      .aggregate()
      .match({ _id: 'o2' })
      .project({ _id: 0, shop: 1, double: $.multiply(['$amount', 2]) })
      .end()
    expect(list).toEqual([{ shop: 's2', double: 60 }])
  })

  it('project with exclusions drops only those fields', async () => {
    const { list } = await orders.aggregate().match({ _id: 'o1' }).project({ items: 0, at: 0 }).end()
    expect(list).toEqual([{ _id: 'o1', user: 'u1', shop: 's1', amount: 10 }])
  })

  it('addFields adds computed fields and keeps the rest', async () => {
    const { list } = await orders
      .aggregate()
      .match({ _id: 'o3' })
      .addFields({ withTax: $.add(['$amount', 2]), count: $.size('$items') })
      .end()
    expect(list).toEqual([{ ...ORDERS[2], withTax: 22, count: 0 }])
  })

  it('group computes sum, avg, min, max, push, addToSet, first and last per key', async () => {
    const { list } = await orders
      .aggregate()
      .sort({ at: 1 })
      .group({
        _id: '$shop',
        n: $.sum(1),
        total: $.sum('$amount'),
        avg: $.avg('$amount'),
        min: $.min('$amount'),
        max: $.max('$amount'),
        ids: $.push('$_id'),
        users: $.addToSet('$user'),
        first: $.first('$_id'),
        last: $.last('$_id'),
      })
      .sort({ _id: 1 })
      .end()
    expect(list).toHaveLength(2)
    const [s1, s2] = list
    expect(s1).toMatchObject({ _id: 's1', n: 3, total: 70, min: 10, max: 40, ids: ['o1', 'o3', 'o4'], first: 'o1', last: 'o4' })
    expect(s1.avg).toBeCloseTo(70 / 3)
    expect([...s1.users].sort()).toEqual(['u1', 'u2', 'u3'])
    expect(s2).toEqual({ _id: 's2', n: 1, total: 30, avg: 30, min: 30, max: 30, ids: ['o2'], users: ['u1'], first: 'o2', last: 'o2' })
  })

  it('group with a null key aggregates the whole collection', async () => {
    const { list } = await orders.aggregate().group({ _id: null, total: $.sum('$amount') }).end()
    expect(list).toEqual([{ _id: null, total: 100 }])
  })

  it('sort orders by several keys, descending where asked', async () => {
    const { list } = await orders.aggregate().sort({ shop: 1, amount: -1 }).project({ _id: 1 }).end()
    expect(list.map((o: any) => o._id)).toEqual(['o4', 'o3', 'o1', 'o2'])
  })

  it('skip and limit page through the sorted documents', async () => {
    const { list } = await orders.aggregate().sort({ amount: 1 }).skip(1).limit(2).end()
    expect(list.map((o: any) => o.amount)).toEqual([20, 30])
  })

  it('count outputs a single document with the number of documents', async () => {
    const { list } = await orders.aggregate().match({ shop: 's1' }).count('n').end()
    expect(list).toEqual([{ n: 3 }])
  })

  it('unwind outputs one document per array element and drops empty arrays', async () => {
    const { list } = await orders.aggregate().unwind('$items').project({ _id: 1, items: 1 }).end()
    expect(list.map((o: any) => `${o._id}:${o.items}`).sort()).toEqual(['o1:cup', 'o1:tea', 'o2:tea', 'o4:pot', 'o4:tea'])
  })

  it('unwind with preserveNullAndEmptyArrays keeps documents with empty arrays', async () => {
    const { list } = await orders
      .aggregate()
      .match({ _id: 'o3' })
      .unwind({ path: '$items', preserveNullAndEmptyArrays: true })
      .end()
    expect(list).toHaveLength(1)
    expect(list[0]._id).toBe('o3')
    expect(list[0].items).toBeUndefined()
  })

  it('lookup with localField and foreignField joins the other collection', async () => {
    const { list } = await orders
      .aggregate()
      .lookup({ from: users.collectionName, localField: 'user', foreignField: '_id', as: 'buyer' })
      .sort({ _id: 1 })
      .project({ _id: 1, buyer: 1 })
      .end()
    expect(list).toEqual([
      { _id: 'o1', buyer: [{ _id: 'u1', name: 'Ann' }] },
      { _id: 'o2', buyer: [{ _id: 'u1', name: 'Ann' }] },
      { _id: 'o3', buyer: [{ _id: 'u2', name: 'Bo' }] },
      { _id: 'o4', buyer: [] },
    ])
  })

  it('lookup with let and pipeline joins through an expression and runs the sub-pipeline', async () => {
    const { list } = await users
      .aggregate()
      .lookup({
        from: orders.collectionName,
        let: { uid: '$_id' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$user', '$$uid']), $.gte(['$amount', 15])])))
          .project({ _id: 0, amount: 1 })
          .done(),
        as: 'big',
      })
      .sort({ _id: 1 })
      .end()
    expect(list).toEqual([
      { _id: 'u1', name: 'Ann', big: [{ amount: 30 }] },
      { _id: 'u2', name: 'Bo', big: [{ amount: 20 }] },
      { _id: 'u4', name: 'Di', big: [] },
    ])
  })

  it('sample returns the requested number of distinct documents from the collection', async () => {
    const { list } = await orders.aggregate().sample({ size: 2 }).end()
    expect(list).toHaveLength(2)
    expect(new Set(list.map((o: any) => o._id)).size).toBe(2)
    for (const doc of list) expect(ORDERS).toContainEqual(doc)
  })

  it('sample with a size above the collection size returns every document once', async () => {
    const { list } = await orders.aggregate().sample({ size: 10 }).end()
    expect(list.map((o: any) => o._id).sort()).toEqual(['o1', 'o2', 'o3', 'o4'])
  })

  it('sample from an empty collection returns no documents', async () => {
    const empty = await freshCollection(t.db, 'empty')
    expect((await empty.aggregate().sample({ size: 3 }).end()).list).toEqual([])
  })

  it('pipeline stages never change the stored documents, of either collection', async () => {
    const c = await freshCollection(t.db, 'pure')
    await c.add({ data: [{ _id: 'x', items: [], sub: { a: 1 } }] })
    await c.aggregate().unwind({ path: '$items', preserveNullAndEmptyArrays: true }).end()
    await c.aggregate().addFields({ 'sub.b': 2 }).end()
    await c
      .aggregate()
      .lookup({ from: c.collectionName, localField: '_id', foreignField: '_id', as: 'self' })
      .unwind('$self')
      .addFields({ 'self.sub.c': 3 })
      .end()
    expect((await c.doc('x').get()).data).toEqual({ _id: 'x', items: [], sub: { a: 1 } })
  })
})
