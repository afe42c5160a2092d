import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshCollection, rejection, startTestCloud, TestCloud } from '../../support/local-cloud'

const byId = (a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id)

describe('database actions through wx-server-sdk', () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud()
  })
  afterAll(() => t.close())

  async function seeded(docs: Record<string, unknown>[]) {
    const c = await freshCollection(t.db, 'crud')
    await c.add({ data: docs })
    return c
  }

  describe('add', () => {
    it('add inserts a document under a generated string _id', async () => {
      const c = await freshCollection(t.db, 'crud')
      const result = await c.add({ data: { name: 'green tea', price: 12 } })
      expect(result.errMsg).toBe('collection.add:ok')
      expect(typeof result._id).toBe('string')
      expect(result._id.length).toBeGreaterThan(0)
      const { data } = await c.doc(result._id).get()
      expect(data).toEqual({ _id: result._id, name: 'green tea', price: 12 })
    })

    it('add with an explicit _id stores the document under that id', async () => {
      const c = await freshCollection(t.db, 'crud')
      const result = await c.add({ data: { _id: 'sku-1', name: 'oolong' } })
      expect(result._id).toBe('sku-1')
      expect((await c.doc('sku-1').get()).data).toEqual({ _id: 'sku-1', name: 'oolong' })
    })

    it('add with an array inserts every document and returns their ids in order', async () => {
      const c = await freshCollection(t.db, 'crud')
      const result = await c.add({ data: [{ _id: 'a', n: 1 }, { n: 2 }, { _id: 'c', n: 3 }] })
      expect(result._ids).toHaveLength(3)
      expect(result._ids[0]).toBe('a')
      expect(result._ids[2]).toBe('c')
      expect((await c.doc(result._ids[1]).get()).data.n).toBe(2)
      expect((await c.count()).total).toBe(3)
    })

    it('add with a duplicate _id fails and leaves the existing document untouched', async () => {
      const c = await seeded([{ _id: 'dup', name: 'first' }])
      const error = await rejection(c.add({ data: { _id: 'dup', name: 'second' } }))
      expect(error.errMsg).toMatch(/^collection\.add:fail/)
      expect(error.errMsg).toMatch(/duplicate key/)
      expect((await c.doc('dup').get()).data.name).toBe('first')
      expect((await c.count()).total).toBe(1)
    })
  })

  describe('reads', () => {
    it('doc().get() returns the stored document with its _id', async () => {
      const c = await seeded([{ _id: 'x', name: 'puer', meta: { origin: 'yunnan' } }, { _id: 'y', name: 'other' }])
      const result = await c.doc('x').get()
      expect(result.errMsg).toBe('document.get:ok')
      expect(result.data).toEqual({ _id: 'x', name: 'puer', meta: { origin: 'yunnan' } })
    })

    it('doc().get() on a missing id rejects with "does not exist"', async () => {
      const c = await seeded([{ _id: 'x' }])
      const error = await rejection(c.doc('nope').get())
      expect(error.errMsg).toMatch(/^document\.get:fail/)
      expect(error.errMsg).toMatch(/document with _id nope does not exist/)
    })

    it('doc().field() projects a single document', async () => {
      const c = await seeded([{ _id: 'x', name: 'puer', price: 30, stock: 5 }])
      const { data } = await c.doc('x').field({ name: true }).get()
      expect(data).toEqual({ _id: 'x', name: 'puer' })
    })

    const catalogue = [
      { _id: 'p1', origin: 'fujian', price: 10, name: 'a' },
      { _id: 'p2', origin: 'yunnan', price: 30, name: 'b' },
      { _id: 'p3', origin: 'fujian', price: 25, name: 'c' },
      { _id: 'p4', origin: 'anhui', price: 18, name: 'd' },
      { _id: 'p5', origin: 'yunnan', price: 12, name: 'e' },
    ]

    it('where().get() with orderBy on two fields sorts by the first, then the second descending', async () => {
      const c = await seeded(catalogue)
      const { data } = await c.where({}).orderBy('origin', 'asc').orderBy('price', 'desc').get()
      expect(data.map((d: any) => d._id)).toEqual(['p4', 'p3', 'p1', 'p2', 'p5'])
    })

    it('where().get() applies skip and limit after sorting', async () => {
      const c = await seeded(catalogue)
      const { data } = await c.orderBy('price', 'asc').skip(1).limit(2).get()
      expect(data.map((d: any) => d.price)).toEqual([12, 18])
    })

    it('where().get() filters before sorting, skipping and limiting', async () => {
      const c = await seeded(catalogue)
      const { data } = await c.where({ origin: 'fujian' }).orderBy('price', 'desc').skip(1).limit(5).get()
      expect(data.map((d: any) => d._id)).toEqual(['p1'])
    })

    it('field() with included fields returns only those fields and _id', async () => {
      const c = await seeded(catalogue)
      const { data } = await c.where({ _id: 'p2' }).field({ name: true, price: 1 }).get()
      expect(data).toEqual([{ _id: 'p2', name: 'b', price: 30 }])
    })

    it('field() with excluded fields returns every other field', async () => {
      const c = await seeded(catalogue)
      const { data } = await c.where({ _id: 'p2' }).field({ price: false, origin: 0 }).get()
      expect(data).toEqual([{ _id: 'p2', name: 'b' }])
    })

    it('field() with nested paths projects inside embedded documents and arrays', async () => {
      const c = await seeded([{ _id: 'x', meta: { a: 1, b: 2 }, items: [{ k: 1, q: 2 }], n: 5 }])
      expect((await c.where({ _id: 'x' }).field({ 'meta.a': true }).get()).data).toEqual([{ _id: 'x', meta: { a: 1 } }])
      expect((await c.doc('x').field({ 'meta.b': false, 'items.q': false }).get()).data).toEqual({
        _id: 'x',
        meta: { a: 1 },
        items: [{ k: 1 }],
        n: 5,
      })
    })

    it('a projection never changes the stored document', async () => {
      const c = await seeded([{ _id: 'x', meta: { a: 1, b: 2 }, items: [{ k: 1, q: 2 }], n: 5 }])
      await c.where({ _id: 'x' }).field({ 'meta.b': false, 'items.q': false, n: false }).get()
      await c.doc('x').field({ 'meta.a': false }).get()
      expect((await c.doc('x').get()).data).toEqual({ _id: 'x', meta: { a: 1, b: 2 }, items: [{ k: 1, q: 2 }], n: 5 })
    })

    it('count without where counts every document', async () => {
      const c = await seeded(catalogue)
      const result = await c.count()
      expect(result).toMatchObject({ total: 5, errMsg: 'collection.count:ok' })
    })

    it('count with where counts only the matching documents', async () => {
      const c = await seeded(catalogue)
      expect((await c.where({ origin: 'yunnan' }).count()).total).toBe(2)
      expect((await c.where({ origin: 'nowhere' }).count()).total).toBe(0)
    })
  })

  describe('writes', () => {
    it('doc().update() changes only the given fields and reports stats.updated 1', async () => {
      const c = await seeded([{ _id: 'x', name: 'old', price: 5, stock: 3 }])
      const result = await c.doc('x').update({ data: { name: 'new', price: 6 } })
      expect(result).toMatchObject({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
      expect((await c.doc('x').get()).data).toEqual({ _id: 'x', name: 'new', price: 6, stock: 3 })
    })

    it('doc().update() on a missing id updates nothing and creates nothing', async () => {
      const c = await seeded([{ _id: 'x', n: 1 }])
      const result = await c.doc('ghost').update({ data: { n: 2 } })
      expect(result.stats.updated).toBe(0)
      expect((await c.count()).total).toBe(1)
    })

    it('where().update() updates every matching document and reports stats.updated', async () => {
      const c = await seeded([
        { _id: 'a', kind: 'tea', on: false },
        { _id: 'b', kind: 'tea', on: false },
        { _id: 'c', kind: 'cup', on: false },
      ])
      const result = await c.where({ kind: 'tea' }).update({ data: { on: true } })
      expect(result).toMatchObject({ stats: { updated: 2 }, errMsg: 'collection.update:ok' })
      const { data } = await c.get()
      expect(data.sort(byId).map((d: any) => d.on)).toEqual([true, true, false])
    })

    it('where().update() with multi false updates a single matching document', async () => {
      const c = await seeded([
        { _id: 'a', kind: 'tea', n: 0 },
        { _id: 'b', kind: 'tea', n: 0 },
      ])
      const result = await c.where({ kind: 'tea' }).update({ data: { n: 1 }, multi: false })
      expect(result.stats.updated).toBe(1)
      expect((await c.where({ n: 1 }).count()).total).toBe(1)
    })

    it('doc().set() replaces the whole document and keeps its _id', async () => {
      const c = await seeded([{ _id: 'x', name: 'old', price: 5, meta: { a: 1 } }])
      const result = await c.doc('x').set({ data: { name: 'replaced', extra: true } })
      expect(result).toMatchObject({ _id: 'x', stats: { updated: 1, created: 0 }, errMsg: 'document.set:ok' })
      expect((await c.doc('x').get()).data).toEqual({ _id: 'x', name: 'replaced', extra: true })
    })

    it('doc().set() on a missing id creates the document (stats.created 1)', async () => {
      const c = await seeded([{ _id: 'x' }])
      const result = await c.doc('fresh').set({ data: { name: 'made by set' } })
      expect(result.stats).toEqual({ updated: 0, created: 1 })
      expect((await c.doc('fresh').get()).data).toEqual({ _id: 'fresh', name: 'made by set' })
      expect((await c.count()).total).toBe(2)
    })

    it('doc().remove() deletes the document and reports stats.removed 1', async () => {
      const c = await seeded([{ _id: 'x' }, { _id: 'y' }])
      const result = await c.doc('x').remove()
      expect(result).toMatchObject({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
      expect((await rejection(c.doc('x').get())).errMsg).toMatch(/does not exist/)
      expect((await c.count()).total).toBe(1)
    })

    it('where().remove() removes every match and reports stats.removed', async () => {
      const c = await seeded([
        { _id: 'a', kind: 'tea' },
        { _id: 'b', kind: 'tea' },
        { _id: 'c', kind: 'cup' },
      ])
      const result = await c.where({ kind: 'tea' }).remove()
      expect(result).toMatchObject({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
      expect((await c.get()).data.map((d: any) => d._id)).toEqual(['c'])
    })
  })

  describe('updateAndReturn', () => {
    // wx-server-sdk 4.0.2 does not expose updateAndReturn; its underlying @cloudbase/node-sdk does,
    // and sends database.modifyAndReturnDoc.
    let nodeDb: any
    beforeAll(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk')
      nodeDb = tcb
        .init({ env: 'local', serviceUrl: `${t.cloud.url}/admin`, secretId: 'local', secretKey: 'local' })
        .database()
    })

    it('where().updateAndReturn() applies the update and returns the updated document', async () => {
      const c = await seeded([
        { _id: 'a', sku: 'tea', stock: 5 },
        { _id: 'b', sku: 'cup', stock: 5 },
      ])
      const _ = nodeDb.command
      const result = await nodeDb
        .collection(c.collectionName)
        .where({ sku: 'tea' })
        .updateAndReturn({ stock: _.inc(-2) })
      expect(result.updated).toBe(1)
      expect(result.doc).toEqual({ _id: 'a', sku: 'tea', stock: 3 })
      expect((await c.doc('a').get()).data.stock).toBe(3)
      expect((await c.doc('b').get()).data.stock).toBe(5)
    })

    it('where().updateAndReturn() with no match updates nothing and returns no document', async () => {
      const c = await seeded([{ _id: 'a', sku: 'tea' }])
      const result = await nodeDb.collection(c.collectionName).where({ sku: 'none' }).updateAndReturn({ x: 1 })
      expect(result.updated).toBe(0)
      expect(result.doc ?? null).toBeNull()
    })
  })

  describe('collections', () => {
    it('createCollection succeeds once and fails for an existing name', async () => {
      const name = `created_${process.pid}`
      expect(await t.db.createCollection(name)).toMatchObject({ errMsg: 'createCollection:ok' })
      const error = await rejection(t.db.createCollection(name))
      expect(error.errMsg).toMatch(/^createCollection:fail/)
      expect(error.errMsg).toMatch(/already exist/)
    })

    it('reading a collection that does not exist fails with errCode -502005', async () => {
      const c = t.db.collection('never_created')
      for (const read of [() => c.get(), () => c.doc('x').get(), () => c.where({ a: 1 }).count()]) {
        const error = await rejection(read())
        expect(error.errCode).toBe(-502005)
        expect(error.errMsg).toMatch(/collection not exists/)
      }
      // wx-server-sdk's aggregate passes the node-sdk error through without mapping it to an errCode.
      const error = await rejection(c.aggregate().match({}).end())
      expect(error.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
      expect(error.errMsg).toMatch(/^collection\.aggregate:fail .*collection not exists/)
    })

    it('writing to a collection that does not exist fails with errCode -502005 and creates nothing', async () => {
      const c = t.db.collection('never_created_w')
      for (const write of [
        () => c.add({ data: { a: 1 } }),
        () => c.doc('x').update({ data: { a: 1 } }),
        () => c.doc('x').set({ data: { a: 1 } }),
        () => c.where({ a: 1 }).update({ data: { a: 2 } }),
        () => c.doc('x').remove(),
        () => c.where({ a: 1 }).remove(),
      ]) {
        expect((await rejection(write())).errCode).toBe(-502005)
      }
      expect((await rejection(c.count())).errCode).toBe(-502005)
    })
  })

  describe('limits', () => {
    it('get() without limit returns at most 100 documents', async () => {
      const c = await freshCollection(t.db, 'crud')
      await c.add({ data: Array.from({ length: 150 }, (_, i) => ({ i })) })
      expect((await c.get()).data).toHaveLength(100)
    })

    it('limit above 1000 is capped at 1000 documents', async () => {
      const c = await freshCollection(t.db, 'crud')
      await Promise.all(
        Array.from({ length: 11 }, (_, batch) =>
          c.add({ data: Array.from({ length: 100 }, (_, i) => ({ i: batch * 100 + i })) }),
        ),
      )
      expect((await c.count()).total).toBe(1100)
      const { data } = await c.orderBy('i', 'asc').limit(2000).get()
      expect(data).toHaveLength(1000)
      expect(data[999].i).toBe(999)
    })

    it('a raw getDocument request with limit 5000 is answered with { code, message }', async () => {
      const c = await freshCollection(t.db, 'crud')
      const response = await fetch(`${t.cloud.url}/admin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'database.getDocument', collectionName: c.collectionName, limit: 5000 }),
      })
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(typeof body.code).toBe('string')
      expect(body.code.length).toBeGreaterThan(0)
      expect(typeof body.message).toBe('string')
      expect(body.data).toBeUndefined()
    })
  })
})
