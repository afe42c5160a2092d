import { EJSON } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, freshCollection, startTestCloud } from '../support/local-cloud'

/**
 * Transactions behave as CloudBase's do (its node-sdk's own tests, written against the service, and
 * WeChat's "快照隔离" docs): the snapshot is taken at the first operation, reads take no lock, a write
 * locks its document and fails at once when another transaction holds it or it changed since the
 * snapshot, and nothing more is checked at commit.
 */
const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
const NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.'

/** How a promise failed: wx-server-sdk wraps in-transaction failures into a plain Error with the service's message. */
async function failureOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error: any) {
    return `${error.code ?? ''} ${error.message ?? error}`
  }
}

describe('transactions', () => {
  let t: TestCloud
  const LOCK_WAIT_MS = 300
  const TTL_MS = 1_500
  beforeAll(async () => {
    t = await startTestCloud({ lockWaitMs: LOCK_WAIT_MS, transactionTtlMs: TTL_MS })
  })
  afterAll(() => t.close())

  async function seeded(docs: Record<string, Record<string, unknown>> = { x: { n: 0 } }) {
    const c = await freshCollection(t.db, 'txn')
    for (const [_id, fields] of Object.entries(docs)) await c.add({ data: { _id, ...fields } })
    return c
  }
  const post = async (body: Record<string, unknown>) =>
    (await (await fetch(`${t.cloud.url}/admin`, { method: 'POST', body: JSON.stringify(body) })).json()) as any

  it('runTransaction commits a read-modify-write and resolves with the callback value', async () => {
    const c = await seeded({ x: { n: 1 } })
    const value = await t.db.runTransaction(async (tx: any) => {
      const { data } = await tx.collection(c.collectionName).doc('x').get()
      await tx.collection(c.collectionName).doc('x').update({ data: { n: data.n + 1 } })
      return data.n
    })
    expect(value).toBe(1)
    expect((await c.doc('x').get()).data.n).toBe(2)
  })

  it('a throwing callback rolls back every write it made', async () => {
    const c = await seeded({ x: { n: 1 } })
    await expect(
      t.db.runTransaction(async (tx: any) => {
        await tx.collection(c.collectionName).doc('x').update({ data: { n: 99 } })
        await tx.collection(c.collectionName).add({ data: { _id: 'y', n: 1 } })
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect((await c.doc('x').get()).data.n).toBe(1)
    expect((await c.where({ _id: 'y' }).get()).data).toHaveLength(0)
  })

  it('writes are invisible outside until commit, and rollback discards them', async () => {
    const c = await seeded({ x: { n: 1 } })
    const tx = await t.db.startTransaction()
    await tx.collection(c.collectionName).doc('x').update({ data: { n: 5 } })
    expect((await c.doc('x').get()).data.n).toBe(1)
    expect((await tx.collection(c.collectionName).doc('x').get()).data.n).toBe(5)
    await tx.commit()
    expect((await c.doc('x').get()).data.n).toBe(5)

    const rolledBack = await t.db.startTransaction()
    await rolledBack.collection(c.collectionName).doc('x').update({ data: { n: 7 } })
    await rolledBack.rollback()
    expect((await c.doc('x').get()).data.n).toBe(5)
  })

  it('the snapshot is taken at the first operation, not at startTransaction', async () => {
    const c = await seeded({ x: { n: 1 } })
    const tx = await t.db.startTransaction()
    // Before the transaction's first operation: visible to it.
    await c.add({ data: { _id: 'early', key: 'a' } })
    const first = await tx.collection(c.collectionName).where({ key: 'a' }).get()
    expect(first.data.map((d: any) => d._id)).toEqual(['early'])
    // After it: not visible.
    await c.add({ data: { _id: 'late', key: 'a' } })
    await c.doc('x').update({ data: { n: 2 } })
    expect((await tx.collection(c.collectionName).where({ key: 'a' }).get()).data.map((d: any) => d._id)).toEqual(['early'])
    expect((await tx.collection(c.collectionName).doc('x').get()).data.n).toBe(1)
    await tx.rollback()
  })

  it('reads take no lock: a plain write outside goes through at once, and the transaction keeps reading its snapshot (读偏)', async () => {
    const c = await seeded({ '1': { category: 'Web' }, '2': { category: 'Life' } })
    const tx = await t.db.startTransaction()
    await tx.collection(c.collectionName).doc('1').get()
    const started = Date.now()
    await c.doc('1').set({ data: { category: 'changed outside' } })
    await c.doc('2').set({ data: { category: 'changed too' } })
    expect(Date.now() - started).toBeLessThan(LOCK_WAIT_MS)
    expect((await tx.collection(c.collectionName).doc('1').get()).data.category).toBe('Web')
    expect((await tx.collection(c.collectionName).doc('2').get()).data.category).toBe('Life')
    // Writing a document changed since the snapshot fails at that write, with the service's message.
    const failure = await failureOf(tx.collection(c.collectionName).doc('1').update({ data: { category: 'from the transaction' } }))
    expect(failure).toContain(CONFLICT_MESSAGE)
    // ... and the transaction is over: the service rolled it back.
    expect(await failureOf(tx.commit())).toContain('DATABASE_TRANSACTION_FAIL')
    expect((await c.doc('1').get()).data.category).toBe('changed outside')
  })

  it('a write locks its document: another transaction writing it fails at once, at the write itself (冲突检测)', async () => {
    const c = await seeded({ '1': { category: 'Web' } })
    const one = await t.db.startTransaction()
    const two = await t.db.startTransaction()
    const read = (await one.collection(c.collectionName).doc('1').get()).data
    await two.collection(c.collectionName).doc('1').update({ data: { category: '冲突检测' } })
    const started = Date.now()
    const failure = await failureOf(one.collection(c.collectionName).doc('1').update({ data: { category: `${read.category}冲突检测` } }))
    expect(Date.now() - started).toBeLessThan(LOCK_WAIT_MS)
    expect(failure).toContain(CONFLICT_MESSAGE)
    await two.commit()
    expect((await c.doc('1').get()).data.category).toBe('冲突检测')
  })

  it('a plain update of a locked document waits until the transaction ends, then applies on top of it', async () => {
    const c = await seeded({ x: { n: 0 } })
    const tx = await t.db.startTransaction()
    await tx.collection(c.collectionName).doc('x').update({ data: { n: 10 } })
    let applied = false
    const outside = c
      .doc('x')
      .update({ data: { n: t.db.command.inc(1) } })
      .then(() => (applied = true))
    await new Promise((r) => setTimeout(r, 100))
    expect(applied).toBe(false)
    await tx.commit()
    await outside
    expect((await c.doc('x').get()).data.n).toBe(11)
  })

  it('the wait of a plain write is bounded: a document locked past the wait answers an error, and nothing is written', async () => {
    const c = await seeded({ x: { n: 0 } })
    const tx = await t.db.startTransaction()
    await tx.collection(c.collectionName).doc('x').update({ data: { n: 10 } })
    const started = Date.now()
    const failure = await failureOf(c.doc('x').update({ data: { n: 1 } }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 20)
    expect(failure).toContain('LockTimeout')
    await tx.rollback()
    expect((await c.doc('x').get()).data.n).toBe(0)
  })

  it('write skew is allowed: two transactions that each read one document and write the other both commit', async () => {
    const c = await seeded({ '1': { category: 'Web' }, '2': { category: 'Life' } })
    const one = await t.db.startTransaction()
    const two = await t.db.startTransaction()
    const doc1 = (await one.collection(c.collectionName).doc('1').get()).data
    const doc2 = (await two.collection(c.collectionName).doc('2').get()).data
    await one.collection(c.collectionName).doc('2').set({ data: { category: `${doc1.category}doc1` } })
    await two.collection(c.collectionName).doc('1').set({ data: { category: `${doc2.category}doc2` } })
    await one.commit()
    await two.commit()
    expect((await c.doc('1').get()).data.category).toBe('Lifedoc2')
    expect((await c.doc('2').get()).data.category).toBe('Webdoc1')
  })

  it('where().get() works inside a transaction, and sees its own inserts, updates and removals', async () => {
    const c = await seeded({ x: { n: 1 }, gone: { n: 1 } })
    const tx = await t.db.startTransaction()
    const txc = tx.collection(c.collectionName)
    await txc.add({ data: { _id: 'new', n: 1 } })
    await txc.doc('x').update({ data: { n: 10 } })
    await txc.doc('gone').remove()
    const { data } = await txc.where({}).get()
    expect(Object.fromEntries(data.map((d: any) => [d._id, d.n]))).toEqual({ x: 10, new: 1 })
    await tx.commit()
    expect((await c.where({}).get()).data.map((d: any) => d._id).sort()).toEqual(['new', 'x'])
  })

  it('where().update() with MongoDB operators works inside a transaction when the request carries it (as node-sdk sends it)', async () => {
    const c = await seeded({ a: { key: 'a', value: 1 }, b: { key: 'b', value: 1 } })
    const tx = await t.db.startTransaction()
    const answer = await post({
      action: 'database.modifyDocument',
      collectionName: c.collectionName,
      transactionId: (tx as any)._transaction?._id ?? (tx as any)._id,
      queryType: 'WHERE',
      query: EJSON.stringify({ key: { $eq: 'a' }, value: { $eq: 1 } }, { relaxed: false }),
      data: EJSON.stringify({ $set: { value: 2 } }, { relaxed: false }),
      multi: true,
      merge: true,
      upsert: false,
    })
    expect(answer.data.updated).toBe(1)
    expect((await c.doc('a').get()).data.value).toBe(1)
    await tx.commit()
    expect((await c.doc('a').get()).data.value).toBe(2)
  })

  it('an operation on a committed transaction fails with DATABASE_TRANSACTION_FAIL and the service message', async () => {
    const c = await seeded()
    const tx = await t.db.startTransaction()
    await tx.commit()
    const failure = await failureOf(tx.collection(c.collectionName).doc('x').set({ data: { n: 1 } }))
    expect(failure).toContain(NOT_EXIST_MESSAGE)
    const raw = await post({ action: 'database.commitTransaction', transactionId: (tx as any)._transaction?._id ?? (tx as any)._id })
    expect(raw).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_MESSAGE })
  })

  it('an abandoned transaction holds its lock until it expires, then releases it and can no longer commit', async () => {
    const c = await seeded({ x: { n: 0 } })
    const abandoned = await t.db.startTransaction()
    await abandoned.collection(c.collectionName).doc('x').update({ data: { n: 42 } })
    const other = await t.db.startTransaction()
    expect(await failureOf(other.collection(c.collectionName).doc('x').update({ data: { n: 1 } }))).toContain(CONFLICT_MESSAGE)
    await new Promise((r) => setTimeout(r, TTL_MS + 200))
    await t.db.runTransaction(async (tx: any) => {
      const { data } = await tx.collection(c.collectionName).doc('x').get()
      await tx.collection(c.collectionName).doc('x').update({ data: { n: data.n + 1 } })
    })
    expect(await failureOf(abandoned.commit())).toContain(NOT_EXIST_MESSAGE)
    expect((await c.doc('x').get()).data.n).toBe(1)
  })

  it('two transactions inserting the same _id: the second fails at its insert', async () => {
    const c = await seeded()
    const one = await t.db.startTransaction()
    const two = await t.db.startTransaction()
    await one.collection(c.collectionName).add({ data: { _id: 'same', by: 'one' } })
    expect(await failureOf(two.collection(c.collectionName).add({ data: { _id: 'same', by: 'two' } }))).toContain(CONFLICT_MESSAGE)
    await one.commit()
    expect((await c.doc('same').get()).data.by).toBe('one')
  })

  it('every answer carries a requestId, errors included', async () => {
    const c = await seeded()
    const tx = await t.db.startTransaction()
    expect(typeof (await tx.commit()).requestId).toBe('string')
    const found = await post({ action: 'database.getDocument', collectionName: c.collectionName, queryType: 'WHERE', limit: 10 })
    expect(typeof found.requestId).toBe('string')
    const failed = await post({ action: 'database.getDocument', collectionName: 'no_such_collection', queryType: 'WHERE', limit: 10 })
    expect(failed.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect(typeof failed.requestId).toBe('string')
  })

  it('a numeric _id stays a number: doc(5).get() finds it, and "5" is another document', async () => {
    const c = await seeded()
    await c.add({ data: { _id: 5, kind: 'number' } })
    await c.add({ data: { _id: '5', kind: 'string' } })
    const { data } = await c.doc(5).get()
    expect(data).toEqual({ _id: 5, kind: 'number' })
    expect((await c.doc('5').get()).data.kind).toBe('string')
    await c.doc(5).update({ data: { seen: true } })
    expect((await c.where({ _id: 5 }).get()).data).toEqual([{ _id: 5, kind: 'number', seen: true }])
    await t.db.runTransaction(async (tx: any) => {
      const read = await tx.collection(c.collectionName).doc(5).get()
      await tx.collection(c.collectionName).doc(5).update({ data: { n: read.data.kind.length } })
    })
    expect((await c.doc(5).get()).data.n).toBe(6)
  })
})
