import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TestCloud, startTestCloud } from '../support/local-cloud'

/**
 * The local engine reads a query's documents the way MongoDB's planner would with the declared
 * indexes, and the request log says how: `index NAME` (`, in order` when the index gives the sort),
 * or a phrase with "scan" in it when every document may be read.
 */
describe('the local query planner', () => {
  let t: TestCloud
  const log: string[] = []
  const schemaFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'planner-')), 'schema.json')
  fs.writeFileSync(
    schemaFile,
    JSON.stringify({
      collections: {
        orders: {
          indexes: [
            { name: 'shop_status_createdAt', fields: { shopId: 1, status: 1, createdAt: -1 } },
            { name: 'buyer_createdAt', fields: { buyerOpenid: 1, createdAt: -1 } },
            { name: 'tags', fields: { tags: 1 } },
          ],
        },
      },
    }),
  )
  const day = (n: number) => new Date(Date.UTC(2026, 0, n))
  const rows = Array.from({ length: 60 }, (_, i) => ({
    _id: `o${String(i).padStart(2, '0')}`,
    shopId: `s${i % 3}`,
    status: i % 2 === 0 ? 'paid' : 'shipped',
    buyerOpenid: `b${i % 5}`,
    createdAt: day(1 + (i % 28)),
    tags: i % 4 === 0 ? ['gift', 'new'] : ['new'],
    totalFen: i * 100,
  }))

  beforeAll(async () => {
    t = await startTestCloud({ schemaFile, log: (line) => log.push(line) })
    for (const data of rows) await t.db.collection('orders').add({ data })
  })
  afterAll(() => t.close())

  const planOf = () => log.filter((l) => l.includes('getDocument orders')).pop()
  const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id)
  /** The answer a scan of `rows` gives: filtered, then sorted by `createdAt` newest first, ties in insertion order (as a stable sort, and MongoDB's record ids, leave them). */
  const expected = (keep: (row: (typeof rows)[number]) => boolean, limit = 100) =>
    ids(rows.filter(keep).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a._id.localeCompare(b._id)).slice(0, limit))

  it('serves equality on the two leading fields of a compound index and a range on the third, in its order', async () => {
    const _ = t.db.command
    const { data } = await t.db
      .collection('orders')
      .where({ shopId: 's1', status: 'paid', createdAt: _.gte(day(5)).and(_.lt(day(20))) })
      .orderBy('createdAt', 'desc')
      .get()
    expect(ids(data)).toEqual(expected((r) => r.shopId === 's1' && r.status === 'paid' && r.createdAt >= day(5) && r.createdAt < day(20)))
    expect(planOf()).toMatch(/\(index shop_status_createdAt, in order\)/)
  })

  it('walks an index backwards for the opposite sort, ties still in insertion order, and stops at the limit', async () => {
    const { data } = await t.db.collection('orders').where({ buyerOpenid: 'b2' }).orderBy('createdAt', 'asc').limit(3).get()
    const all = rows.filter((r) => r.buyerOpenid === 'b2').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id))
    expect(ids(data)).toEqual(ids(all.slice(0, 3)))
    expect(planOf()).toMatch(/\(index buyer_createdAt, in order\)/)
  })

  it('serves $in on a leading field, sorting what it read since several key ranges are not one order', async () => {
    const _ = t.db.command
    const { data } = await t.db.collection('orders').where({ shopId: _.in(['s0', 's2']), status: 'shipped' }).orderBy('createdAt', 'desc').get()
    expect(new Set(ids(data))).toEqual(new Set(expected((r) => ['s0', 's2'].includes(r.shopId) && r.status === 'shipped')))
    expect(planOf()).toMatch(/\(index shop_status_createdAt\)/)
  })

  it('serves _id in a list through the primary key', async () => {
    const _ = t.db.command
    const { data } = await t.db.collection('orders').where({ _id: _.in(['o03', 'o07', 'nope']) }).get()
    expect(ids(data).sort()).toEqual(['o03', 'o07'])
    expect(planOf()).toMatch(/\(index _id_\)/)
  })

  it('still applies the rest of a query read through a list of ids, in a find and in an aggregation', async () => {
    const _ = t.db.command
    const list = ['o03', 'o04', 'o06', 'o07']
    const { data } = await t.db.collection('orders').where({ _id: _.in(list), status: 'paid' }).get()
    expect(ids(data).sort()).toEqual(['o04', 'o06'])
    const { data: all } = await t.db.collection('orders').where({ _id: _.all(['o03']), status: 'paid' }).get()
    expect(all).toEqual([])
    const { list: grouped } = await t.db.collection('orders').aggregate().match({ _id: _.in(list), status: 'shipped' }).group({ _id: null, n: t.db.command.aggregate.sum(1) }).end()
    expect(grouped).toEqual([{ _id: null, n: 2 }])
  })

  it('does not sort by an index that holds arrays (an element order is not the sort order)', async () => {
    const { data } = await t.db.collection('orders').where({ tags: 'gift' }).orderBy('totalFen', 'desc').get()
    expect(data.map((d: any) => d.totalFen)).toEqual(rows.filter((r) => r.tags.includes('gift')).map((r) => r.totalFen).reverse())
    expect(planOf()).toMatch(/\(index tags\)/)
  })

  it('names a scan: a condition on the second field only, and a sort-only walk of a whole index', async () => {
    await t.db.collection('orders').where({ status: 'paid' }).get()
    expect(planOf()).toMatch(/\(collection scan\)/)
    const { data } = await t.db.collection('orders').where({ totalFen: t.db.command.gt(0) }).orderBy('shopId', 'asc').limit(2).get()
    expect(data.every((d: any) => d.shopId === 's0')).toBe(true)
    expect(planOf()).toMatch(/\(scan of index shop_status_createdAt in order\)/)
  })

  it('reads a whole index in order when the query asks for every document, sorted: no scan of what it does not want', async () => {
    const { data } = await t.db.collection('orders').where({}).orderBy('buyerOpenid', 'desc').orderBy('createdAt', 'asc').limit(1).get()
    expect(data[0].buyerOpenid).toBe('b4')
    expect(planOf()).toMatch(/\(index buyer_createdAt, in order\)/)
  })

  it('reads what a write left: the index follows updates and removals', async () => {
    const orders = t.db.collection('orders')
    await orders.doc('o01').update({ data: { status: 'paid' } })
    expect(ids((await orders.where({ shopId: 's1', status: 'paid' }).limit(100).get()).data)).toContain('o01')
    await orders.doc('o01').remove()
    expect(ids((await orders.where({ shopId: 's1', status: 'paid' }).limit(100).get()).data)).not.toContain('o01')
  })
})
