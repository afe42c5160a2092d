import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorText } from '../../src/i18n/zh-CN'
import { HQ, addHqAdmin } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

/** Unpaid orders hold stock: one buyer may have only HQ's number of them at once (5 unless HQ says otherwise). */
describe('the unpaid-order limit per buyer', () => {
  let t: TestCloud
  const stockOf = async (skuId: string) => (await t.db.collection('skus').doc(skuId).get()).data.stock
  const unpaidOf = async (openid: string) => (await t.db.collection('orders').where({ buyerOpenid: openid, status: 'pending_payment' }).count()).total
  const ONE = [{ skuId: 'tea-100g', quantity: 1 }]
  const settings = (action: string, payload?: unknown) => callAs(t.cloud, HQ, 'hq-settings', action, payload)

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 6 })
    await addTestCatalog(t.db, { 'tea-100g': 1000 })
    await addHqAdmin(t.db)
  })
  afterAll(() => t.close())

  it('the sixth unpaid order is refused with the limit; cancelling, paying or expiring one makes room', async () => {
    const lin = buyer(t.cloud, 'o-limit')
    const placed: any[] = []
    for (let i = 0; i < 5; i++) placed.push((await lin.place(ONE)).data)
    const stock = await stockOf('tea-100g')
    const refused = await lin.place(ONE)
    expect(refused).toEqual({ ok: false, error: { code: 'ORDER_UNPAID_LIMIT', details: { max: 5 } } })
    expect(errorText(refused.error.code, refused.error.details)).toBe('您有 5 笔未付款订单，请先支付或取消')
    expect(await stockOf('tea-100g')).toBe(stock)

    expect(await lin.call('order', 'cancelOrder', { orderId: placed[0]._id, reason: '不想要了' })).toMatchObject({ ok: true })
    expect(await lin.place(ONE)).toMatchObject({ ok: true })
    expect(await lin.place(ONE)).toMatchObject({ ok: false, error: { code: 'ORDER_UNPAID_LIMIT' } })

    await lin.pay(placed[1]._id)
    await expect.poll(() => lin.order(placed[1]._id).then((o) => o.status)).toBe('paid')
    expect(await lin.place(ONE)).toMatchObject({ ok: true })

    await t.db.collection('orders').doc(placed[2]._id).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
    await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
    expect((await lin.order(placed[2]._id)).status).toBe('cancelled')
    expect(await lin.place(ONE)).toMatchObject({ ok: true })
    expect(await unpaidOf('o-limit')).toBe(5)
  })

  it('a repeated request at the limit gets back the order it placed, not a refusal', async () => {
    const he = buyer(t.cloud, 'o-limit-retry')
    const payload = { requestId: 'retry-at-the-limit', lines: ONE, addressId: await he.addressId() }
    for (let i = 0; i < 4; i++) await he.place(ONE)
    const fifth = await he.call('order', 'placeOrder', payload)
    expect(fifth).toMatchObject({ ok: true })
    expect(await he.call('order', 'placeOrder', payload)).toMatchObject({ ok: true, data: { _id: fifth.data._id } })
  })

  it('ten orders of one buyer at once: five are placed, five refused, and only the placed hold stock', async () => {
    const zhou = buyer(t.cloud, 'o-limit-burst')
    await zhou.addressId()
    const stock = await stockOf('tea-100g')
    const answers = await Promise.all(Array.from({ length: 10 }, () => zhou.place(ONE)))
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(Array(5).fill('ORDER_UNPAID_LIMIT'))
    expect(await unpaidOf('o-limit-burst')).toBe(5)
    expect(await stockOf('tea-100g')).toBe(stock - 5)
  })

  it('HQ sets the limit as a new version of the order rules, and it holds from the next order', async () => {
    expect(await settings('setOrderRules', { rules: { maxUnpaidOrders: 0 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await settings('setOrderRules', { rules: { maxUnpaidOrders: 2 } })).toMatchObject({ ok: true, data: { version: 2, maxUnpaidOrders: 2 } })
    expect((await settings('getRules')).data.orders).toEqual({ version: 2, maxUnpaidOrders: 2, unpaidOrderMinutes: 30 })
    const wu = buyer(t.cloud, 'o-limit-hq')
    await wu.place(ONE)
    await wu.place(ONE)
    expect(await wu.place(ONE)).toMatchObject({ ok: false, error: { code: 'ORDER_UNPAID_LIMIT', details: { max: 2 } } })
  })
})
