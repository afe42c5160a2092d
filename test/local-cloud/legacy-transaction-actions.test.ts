import { EJSON } from 'bson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, freshCollection, startTestCloud } from '../support/local-cloud'

/**
 * @cloudbase/database still ships an older transaction client (transaction.js) that addresses
 * documents by `_id` and reads EJSON strings at the top level of the answer. wx-server-sdk 4 does not
 * use it, so these requests are sent as that client would send them.
 */
describe('legacy transaction actions', () => {
  let t: TestCloud
  let collection: string
  const post = async (body: Record<string, unknown>) =>
    (await (await fetch(`${t.cloud.url}/admin`, { method: 'POST', body: JSON.stringify(body) })).json()) as any

  beforeAll(async () => {
    t = await startTestCloud()
    const c = await freshCollection(t.db, 'legacy')
    collection = c.collectionName
    await c.add({ data: { _id: 'a', n: 1 } })
    await c.add({ data: { _id: 'b', n: 2 } })
  })
  afterAll(() => t.close())

  it('getInTransaction, updateDocInTransaction and deleteDocInTransaction act inside the transaction until commit', async () => {
    const { transactionId } = await post({ action: 'database.startTransaction' })
    const got = await post({ action: 'database.getInTransaction', collectionName: collection, transactionId, _id: 'a' })
    expect(EJSON.parse(got.data)).toEqual({ _id: 'a', n: 1 })

    const updated = await post({
      action: 'database.updateDocInTransaction',
      collectionName: collection,
      transactionId,
      _id: 'a',
      data: EJSON.stringify({ $set: { n: 10 } }, { relaxed: false }),
    })
    expect(EJSON.parse(updated.updated)).toBe(1)

    const upserted = await post({
      action: 'database.updateDocInTransaction',
      collectionName: collection,
      transactionId,
      _id: 'c',
      data: EJSON.stringify({ n: 3 }, { relaxed: false }),
      upsert: true,
    })
    expect(JSON.parse(upserted.upserted)).toEqual([{ _id: 'c' }])

    const deleted = await post({ action: 'database.deleteDocInTransaction', collectionName: collection, transactionId, _id: 'b' })
    expect(EJSON.parse(deleted.deleted)).toBe(1)

    // Nothing is visible outside before the commit.
    expect((await t.db.collection(collection).where({}).get()).data).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ])
    expect(await post({ action: 'database.commitTransaction', transactionId })).toEqual({ requestId: expect.any(String) })
    expect((await t.db.collection(collection).where({}).orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a', n: 10 },
      { _id: 'c', n: 3 },
    ])
  })

  it('a missing document reads as null, and an unknown transaction is an error', async () => {
    const { transactionId } = await post({ action: 'database.startTransaction' })
    const got = await post({ action: 'database.getInTransaction', collectionName: collection, transactionId, _id: 'zz' })
    expect(EJSON.parse(got.data)).toBeNull()
    await post({ action: 'database.abortTransaction', transactionId })
    const unknown = await post({ action: 'database.getInTransaction', collectionName: collection, transactionId: 'nope', _id: 'a' })
    expect(unknown.code).toBe('DATABASE_TRANSACTION_FAIL')
  })
})
