import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, startTestCloud } from '../support/local-cloud'

describe('declared indexes', () => {
  let t: TestCloud
  const log: string[] = []
  beforeAll(async () => {
    t = await startTestCloud({ schemaFile: path.join(__dirname, '../fixtures/schema.json'), log: (l) => log.push(l) })
    const items = t.db.collection('items')
    const rows = [
      { sku: 'lj-250', category: 'green', priceFen: 12800, tags: ['green', 'gift'] },
      { sku: 'lj-100', category: 'green', priceFen: 6800, tags: ['green'] },
      { sku: 'pe-357', category: 'puer', priceFen: 29800, tags: ['puer', 'gift'] },
      { sku: 'dh-200', category: 'oolong', priceFen: 15800 },
    ]
    for (const data of rows) await items.add({ data })
  })
  afterAll(() => t.close())

  const planOf = (collection: string) => log.filter((l) => l.includes(`getDocument ${collection}`)).pop()

  it('creates the declared collections at start', async () => {
    expect((await t.db.collection('ticks').count()).total).toBe(0)
  })

  it('a duplicate key on a unique index fails the insert with a clear error and writes nothing', async () => {
    await expect(t.db.collection('items').add({ data: { sku: 'lj-250', category: 'green' } })).rejects.toThrow(
      /duplicate key.*sku_unique/,
    )
    expect((await t.db.collection('items').where({ sku: 'lj-250' }).count()).total).toBe(1)
  })

  it('an update that would duplicate a unique key fails and leaves the document as it was', async () => {
    const _ = t.db.command
    await expect(t.db.collection('items').where({ sku: 'lj-100' }).update({ data: { sku: 'lj-250' } })).rejects.toThrow(
      /duplicate key/,
    )
    expect((await t.db.collection('items').where({ sku: _.in(['lj-100', 'lj-250']) }).count()).total).toBe(2)
  })

  it('a where-update touching many documents is all or nothing when one of them collides', async () => {
    await expect(t.db.collection('items').where({ category: 'green' }).update({ data: { sku: 'same' } })).rejects.toThrow(
      /duplicate key/,
    )
    expect((await t.db.collection('items').where({ sku: 'same' }).count()).total).toBe(0)
  })

  it('a transaction whose insert collides with a unique key commits nothing', async () => {
    await expect(
      t.db.runTransaction(async (tx: any) => {
        await tx.collection('items').add({ data: { sku: 'new-1', category: 'black' } })
        await tx.collection('items').add({ data: { sku: 'pe-357', category: 'black' } })
      }),
    ).rejects.toThrow(/duplicate key/)
    expect((await t.db.collection('items').where({ category: 'black' }).count()).total).toBe(0)
  })

  it('a compound unique index allows the same shop with different customers, not the same pair twice', async () => {
    const bindings = t.db.collection('bindings')
    await bindings.add({ data: { shopId: 's1', customerId: 'c1' } })
    await bindings.add({ data: { shopId: 's1', customerId: 'c2' } })
    await expect(bindings.add({ data: { shopId: 's1', customerId: 'c1' } })).rejects.toThrow(/duplicate key/)
  })

  it('a query that pins an indexed field is served by the index, with the same answer as a scan', async () => {
    const _ = t.db.command
    const { data } = await t.db
      .collection('items')
      .where({ category: 'green', priceFen: _.gt(7000) })
      .get()
    expect(data.map((d: any) => d.sku)).toEqual(['lj-250'])
    expect(planOf('items')).toMatch(/index category_price/)

    const byTag = await t.db.collection('items').where({ tags: 'gift' }).orderBy('priceFen', 'asc').get()
    expect(byTag.data.map((d: any) => d.sku)).toEqual(['lj-250', 'pe-357'])
    expect(planOf('items')).toMatch(/index tags/)

    const inList = await t.db.collection('items').where({ sku: _.in(['dh-200', 'pe-357', 'nope']) }).get()
    expect(inList.data.map((d: any) => d.sku).sort()).toEqual(['dh-200', 'pe-357'])
    expect(planOf('items')).toMatch(/index sku_unique/)
  })

  it('_id is always indexed: _id in a list, with other conditions, reads just those documents', async () => {
    const all = (await t.db.collection('items').where({}).get()).data
    const ids = [all[0]._id, all[1]._id, 'no-such-id']
    const { data } = await t.db.collection('items').where({ _id: t.db.command.in(ids), sku: all[1].sku }).get()
    expect(data.map((d: any) => d._id)).toEqual([all[1]._id])
    expect(planOf('items')).toMatch(/index _id_/)
  })

  it('in transactions, documents sharing a value of an ordinary index do not conflict; a unique key taken by another open transaction does', async () => {
    const items = t.db.collection('items')
    const { _id: a } = await items.add({ data: { sku: 'tx-a', category: 'white', priceFen: 100 } })
    const { _id: b } = await items.add({ data: { sku: 'tx-b', category: 'white', priceFen: 100 } })
    const one = await t.db.startTransaction()
    const two = await t.db.startTransaction()
    await one.collection('items').doc(a).update({ data: { priceFen: 200 } })
    await two.collection('items').doc(b).update({ data: { priceFen: 200 } })
    await one.commit()
    await two.commit()
    expect((await items.where({ category: 'white', priceFen: 200 }).get()).data).toHaveLength(2)

    const three = await t.db.startTransaction()
    const four = await t.db.startTransaction()
    await three.collection('items').add({ data: { sku: 'tx-same', category: 'white', priceFen: 1 } })
    await expect(four.collection('items').add({ data: { sku: 'tx-same', category: 'white', priceFen: 1 } })).rejects.toThrow(/TransactionConflict/)
    await three.commit()
  })

  it('a query on no indexed field is logged as a collection scan', async () => {
    await t.db.collection('items').where({ priceFen: 6800 }).get()
    expect(planOf('items')).toMatch(/collection scan/)
  })

  it('an index sees updates and removals', async () => {
    const items = t.db.collection('items')
    await items.where({ sku: 'dh-200' }).update({ data: { category: 'green' } })
    expect((await items.where({ category: 'green' }).count()).total).toBe(3)
    await items.where({ sku: 'dh-200' }).remove()
    expect((await items.where({ category: 'green' }).count()).total).toBe(2)
    expect((await items.where({ category: 'oolong' }).count()).total).toBe(0)
  })
})
