import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retryOnConflict } from '../../cloudfunctions/_shared/retry-on-conflict'
import { TestCloud, freshCollection, startTestCloud } from '../support/local-cloud'

/**
 * On CloudBase a write conflict fails the write itself, which wx-server-sdk's runTransaction does not
 * retry; the shop's functions retry it (`retryOnConflict`, as `inTransaction` does), and so do these
 * tests. Default lock wait and expiry, as the shop runs with them.
 */
describe('transactions under concurrency', () => {
  const transaction = (callback: (tx: any) => Promise<void>) => retryOnConflict(() => t.db.runTransaction(callback, 0))

  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud()
  })
  afterAll(() => t.close())

  it('50 concurrent read-increment-write transactions lose no update and at least 45 succeed', async () => {
    const c = await freshCollection(t.db, 'counter')
    await c.add({ data: { _id: 'counter', value: 0 } })
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        transaction(async (tx: any) => {
          const { data } = await tx.collection(c.collectionName).doc('counter').get()
          await tx.collection(c.collectionName).doc('counter').update({ data: { value: data.value + 1 } })
        }),
      ),
    )
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length
    const { data } = await c.doc('counter').get()
    expect(data.value).toBe(succeeded)
    expect(succeeded).toBeGreaterThanOrEqual(45)
  })

  it('transactions writing a contended document and their own at once all commit: the write the conflict ended is retried too', async () => {
    const c = await freshCollection(t.db, 'hot_and_own')
    await c.add({ data: { _id: 'hot', value: 0 } })
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        transaction(async (tx: any) => {
          const { data } = await tx.collection(c.collectionName).doc('hot').get()
          // Writes sent together (the order's and its effects') may answer in any order; here the
          // conflict's answer is held back, so the sibling's answer — the transaction no longer
          // exists, since the conflict ended it — is the one the work fails with.
          const conflict = await tx.collection(c.collectionName).doc('hot').update({ data: { value: data.value + 1 } }).then(() => null, (error: unknown) => error)
          await tx.collection(c.collectionName).doc(`own-${i}`).set({ data: { i } })
          if (conflict) throw conflict
        }),
      ),
    )
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([])
    expect((await c.doc('hot').get()).data.value).toBe(20)
    expect((await c.where({ i: t.db.command.gte(0) }).count()).total).toBe(20)
  })

  it('concurrent transfers between accounts keep the total constant', async () => {
    const c = await freshCollection(t.db, 'accounts')
    const ids = ['a', 'b', 'c', 'd']
    for (const id of ids) await c.add({ data: { _id: id, balanceFen: 1000 } })
    const transfers = Array.from({ length: 40 }, (_, i) => [ids[i % 4], ids[(i * 7 + 1) % 4]] as const).filter(
      ([from, to]) => from !== to,
    )
    await Promise.allSettled(
      transfers.map(([from, to]) =>
        transaction(async (tx: any) => {
          const src = (await tx.collection(c.collectionName).doc(from).get()).data
          const dst = (await tx.collection(c.collectionName).doc(to).get()).data
          if (src.balanceFen < 100) return
          await tx.collection(c.collectionName).doc(from).update({ data: { balanceFen: src.balanceFen - 100 } })
          await tx.collection(c.collectionName).doc(to).update({ data: { balanceFen: dst.balanceFen + 100 } })
        }),
      ),
    )
    const { data } = await c.where({}).get()
    expect(data.reduce((sum: number, d: any) => sum + d.balanceFen, 0)).toBe(4000)
    expect(data.every((d: any) => d.balanceFen >= 0)).toBe(true)
  })
})
