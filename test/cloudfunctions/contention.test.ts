import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_ADDRESSES } from '../../src/core/address'
import { TestCloud, startTestCloud } from '../support/local-cloud'
import { buyer, post } from '../support/orders'
import { TEST_ADDRESS, addTestCatalog } from '../support/shop-fixtures'

/**
 * Contention is retried, never shown to the buyer: what many people do at the same moment on the same
 * documents all goes through, as it must on CloudBase, where a conflicting transactional write fails
 * at once.
 */
describe('contention', () => {
  let t: TestCloud
  const stockOf = async (skuId: string) => (await t.db.collection('skus').doc(skuId).get()).data.stock
  const addSku = (id: string, stock: number) =>
    t.db.collection('skus').add({ data: { _id: id, productId: 'p-tea', specs: { 规格: id }, priceFen: 6800, stock } })

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 16 })
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  it('40 buyers cancelling orders of one SKU at the same moment all succeed, and every unit is back', async () => {
    await addSku('hot-cancel', 100)
    const buyers = Array.from({ length: 40 }, (_, i) => buyer(t.cloud, `o-cancel-${i}`))
    const orders: any[] = []
    for (const b of buyers) orders.push((await b.place([{ skuId: 'hot-cancel', quantity: 1 }])).data)
    expect(await stockOf('hot-cancel')).toBe(60)

    const answers = await Promise.all(buyers.map((b, i) => b.call('order', 'cancelOrder', { orderId: orders[i]._id, reason: '不想要了' })))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(await stockOf('hot-cancel')).toBe(100)
  })

  it('one expiry run expires every due order while buyers keep ordering the same SKU', async () => {
    await addSku('flash', 1000)
    const late = Array.from({ length: 30 }, (_, i) => buyer(t.cloud, `o-flash-late-${i}`))
    const due: any[] = []
    for (const b of late) due.push((await b.place([{ skuId: 'flash', quantity: 1 }])).data)
    for (const order of due) await t.db.collection('orders').doc(order._id).update({ data: { expiresAt: new Date(Date.now() - 60_000) } })

    const shoppers = Array.from({ length: 30 }, (_, i) => buyer(t.cloud, `o-flash-now-${i}`))
    for (const b of shoppers) await b.addressId()
    const [run, ...placed] = await Promise.all([
      post(t.cloud, '/triggers/timers/expireUnpaidOrders'),
      ...shoppers.map((b) => b.place([{ skuId: 'flash', quantity: 1 }])),
    ])
    expect(run.result).toEqual({ done: 30 })
    expect(placed.filter((p) => !p.ok).map((p) => p.error)).toEqual([])
    const { data } = await t.db.collection('orders').where({ _id: t.db.command.in(due.map((o) => o._id)) }).limit(100).get()
    expect(data.map((o: any) => o.status)).toEqual(Array(30).fill('cancelled'))
    expect(await stockOf('flash')).toBe(1000 - 30)
  })

  it('20 double-taps on "save as default" leave exactly one default address every time', async () => {
    const lin = buyer(t.cloud, 'o-double-default')
    const home = (await lin.call('address', 'saveAddress', { address: TEST_ADDRESS })).data
    const office = (await lin.call('address', 'saveAddress', { address: { ...TEST_ADDRESS, detail: '文三路 90 号' } })).data
    for (let round = 0; round < 20; round++) {
      const target = round % 2 === 0 ? office : home
      const taps = await Promise.all(
        [0, 1].map(() => lin.call('address', 'saveAddress', { addressId: target._id, address: { ...TEST_ADDRESS, detail: target.detail, isDefault: true } })),
      )
      expect(taps.every((a) => a.ok)).toBe(true)
      const { items } = (await lin.call('address', 'listAddresses', {})).data
      expect(items.filter((a: any) => a.isDefault).map((a: any) => a._id)).toEqual([target._id])
    }
  })

  it('saves at the same moment never take the address book past its limit', async () => {
    const wang = buyer(t.cloud, 'o-full-book')
    for (let i = 0; i < MAX_ADDRESSES - 3; i++) await wang.call('address', 'saveAddress', { address: { ...TEST_ADDRESS, detail: `龙井路 ${i} 号` } })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => wang.call('address', 'saveAddress', { address: { ...TEST_ADDRESS, detail: `新地址 ${i} 号`, isDefault: i % 2 === 0 } })),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(3)
    expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(Array(7).fill('ADDRESS_BOOK_FULL'))
    const { items } = (await wang.call('address', 'listAddresses', {})).data
    expect(items).toHaveLength(MAX_ADDRESSES)
    expect(items.filter((a: any) => a.isDefault)).toHaveLength(1)
    expect((await t.db.collection('addresses').where({ openid: 'o-full-book' }).count()).total).toBe(MAX_ADDRESSES)
  })
})
