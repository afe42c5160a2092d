import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, freshCollection, startTestCloud } from '../support/local-cloud'

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

async function conflictOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error: any) {
    return error.code ?? error.message
  }
}

describe('transactions', () => {
  let t: TestCloud
  beforeAll(async () => {
    // A short lock wait keeps the tests that interleave two transactions by hand quick.
    t = await startTestCloud({ lockWaitMs: 200, transactionTtlMs: 1_500 })
  })
  afterAll(() => t.close())

  async function seeded(fields: Record<string, unknown>) {
    const c = await freshCollection(t.db, 'txn')
    await c.add({ data: { _id: 'x', ...fields } })
    return c
  }

  it('runTransaction commits a read-modify-write and resolves with the callback value', async () => {
    const c = await seeded({ n: 1 })
    const value = await t.db.runTransaction(async (tx: any) => {
      const { data } = await tx.collection(c.collectionName).doc('x').get()
      await tx.collection(c.collectionName).doc('x').update({ data: { n: data.n + 1 } })
      return data.n
    })
    expect(value).toBe(1)
    expect((await c.doc('x').get()).data.n).toBe(2)
  })

  it('a throwing callback rolls back every write it made', async () => {
    const c = await seeded({ n: 1 })
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

  it('startTransaction: writes are invisible outside until commit, and rollback discards them', async () => {
    const c = await seeded({ n: 1 })
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

  it('reads see the snapshot taken at start, not writes committed afterwards', async () => {
    const c = await seeded({ n: 1 })
    const tx = await t.db.startTransaction()
    await c.doc('x').update({ data: { n: 2 } })
    await c.add({ data: { _id: 'late', n: 3 } })
    expect((await tx.collection(c.collectionName).doc('x').get()).data.n).toBe(1)
    const seen = await tx.collection(c.collectionName).where({}).get()
    expect(seen.data.map((d: any) => d._id)).toEqual(['x'])
    await tx.rollback()
  })

  it('inside a transaction, queries see its own inserts, updates and removals', async () => {
    const c = await seeded({ n: 1 })
    await c.add({ data: { _id: 'gone', n: 1 } })
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

  it('two transactions that write the same document: the later commit gets the conflict and changes nothing', async () => {
    const c = await seeded({ n: 0 })
    const a = await t.db.startTransaction()
    const b = await t.db.startTransaction()
    const readA = (await a.collection(c.collectionName).doc('x').get()).data.n
    const readB = (await b.collection(c.collectionName).doc('x').get()).data.n
    await a.collection(c.collectionName).doc('x').update({ data: { n: readA + 1 } })
    await a.commit()
    await b.collection(c.collectionName).doc('x').update({ data: { n: readB + 1 } })
    expect(await conflictOf(b.commit())).toBe(CONFLICT)
    expect((await c.doc('x').get()).data.n).toBe(1)
  })

  it('write skew is refused: two transactions reading both documents and each writing one cannot both commit', async () => {
    // Rule: at least one doctor stays on call. Each transaction checks both, then takes one off.
    const c = await freshCollection(t.db, 'skew')
    await c.add({ data: { _id: 'alice', onCall: true } })
    await c.add({ data: { _id: 'bob', onCall: true } })
    const one = await t.db.startTransaction()
    const two = await t.db.startTransaction()
    const onCall = async (tx: any) => {
      const a = (await tx.collection(c.collectionName).doc('alice').get()).data.onCall
      const b = (await tx.collection(c.collectionName).doc('bob').get()).data.onCall
      return [a, b].filter(Boolean).length
    }
    expect(await onCall(one)).toBe(2)
    expect(await onCall(two)).toBe(2)
    await one.collection(c.collectionName).doc('alice').update({ data: { onCall: false } })
    await two.collection(c.collectionName).doc('bob').update({ data: { onCall: false } })
    const outcomes = [await conflictOf(one.commit()), await conflictOf(two.commit())]
    expect(outcomes.filter((o) => o === CONFLICT)).toHaveLength(1)
    const { data } = await c.where({ onCall: true }).get()
    expect(data).toHaveLength(1)
  })

  it('a commit conflict is retried by the SDK and the retry sees the new value', async () => {
    const c = await seeded({ n: 0 })
    let runs = 0
    await t.db.runTransaction(async (tx: any) => {
      runs++
      const { data } = await tx.collection(c.collectionName).doc('x').get()
      if (runs === 1) await c.doc('x').update({ data: { n: t.db.command.inc(100) } })
      await tx.collection(c.collectionName).doc('x').update({ data: { n: data.n + 1 } })
    })
    expect(runs).toBe(2)
    expect((await c.doc('x').get()).data.n).toBe(101)
  })

  it('an abandoned transaction expires: it blocks nobody and can no longer commit', async () => {
    const c = await seeded({ n: 0 })
    const abandoned = await t.db.startTransaction()
    await abandoned.collection(c.collectionName).doc('x').update({ data: { n: 42 } })
    await t.db.runTransaction(async (tx: any) => {
      const { data } = await tx.collection(c.collectionName).doc('x').get()
      await tx.collection(c.collectionName).doc('x').update({ data: { n: data.n + 1 } })
    })
    expect((await c.doc('x').get()).data.n).toBe(1)
    await new Promise((r) => setTimeout(r, 1_700))
    await expect(abandoned.commit()).rejects.toThrow(/30 seconds/)
    expect((await c.doc('x').get()).data.n).toBe(1)
  })
})
