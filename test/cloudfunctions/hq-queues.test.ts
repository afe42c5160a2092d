import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addHqAdmin, hq } from '../support/employees'
import { TestCloud, startTestCloud } from '../support/local-cloud'
import { paidOrder } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

describe('hq function: the 工作台 and the order queues', () => {
  let t: TestCloud
  const log: string[] = []
  const ids = (answer: any) => answer.data.items.map((o: any) => o._id)

  beforeAll(async () => {
    t = await startTestCloud({ log: (line) => log.push(line) })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  it('counts what waits, lists 待发货 newest first, and moves an order on when it ships', async () => {
    const first = (await paidOrder(t.cloud, 'o-q1')).order
    const second = (await paidOrder(t.cloud, 'o-q2')).order
    const refunding = await paidOrder(t.cloud, 'o-q3')
    expect((await refunding.b.call('order', 'requestRefund', { orderId: refunding.order._id, reason: '买错了' })).ok).toBe(true)

    expect(await hq(t.cloud, 'getWorkbench')).toEqual({ ok: true, data: { toShip: 3, refundsRequested: 1, withdrawalsReviewing: 0, shopsPending: 0 } })
    expect(ids(await hq(t.cloud, 'listOrders', {}))).toEqual([refunding.order._id, second._id, first._id])
    expect(ids(await hq(t.cloud, 'listOrders', { queue: 'refund_requested' }))).toEqual([refunding.order._id])
    expect(await hq(t.cloud, 'listOrders', { pageSize: 2 })).toMatchObject({ data: { hasMore: true } })

    expect((await hq(t.cloud, 'shipOrder', { orderId: first._id, company: '顺丰速运', trackingNo: 'SF1234567890' })).ok).toBe(true)
    expect(ids(await hq(t.cloud, 'listOrders', { queue: 'shipped' }))).toEqual([first._id])
    expect((await hq(t.cloud, 'getWorkbench')).data).toMatchObject({ toShip: 2 })
    expect(ids(await hq(t.cloud, 'listOrders', { queue: 'all' }))).toEqual([refunding.order._id, second._id, first._id])
  })

  it('finds an order by its number, and shows one order whole', async () => {
    const { order } = await paidOrder(t.cloud, 'o-q4')
    expect(ids(await hq(t.cloud, 'listOrders', { queue: 'shipped', orderNo: order.orderNo }))).toEqual([order._id])
    expect(ids(await hq(t.cloud, 'listOrders', { orderNo: '1' }))).toEqual([])
    expect(await hq(t.cloud, 'listOrders', { orderNo: 'DROP;' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const shown = await hq(t.cloud, 'getOrder', { orderId: order._id })
    expect(shown.data).toMatchObject({ orderNo: order.orderNo, status: 'paid', address: { name: expect.any(String) } })
    expect(shown.data.buyerOpenid).toBeUndefined()
    expect(await hq(t.cloud, 'getOrder', { orderId: 'no-order' })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } })
  })

  it('every queue, count and search is served by an index', async () => {
    log.length = 0
    await hq(t.cloud, 'getWorkbench')
    for (const queue of ['to_ship', 'refund_requested', 'shipped', 'all']) await hq(t.cloud, 'listOrders', { queue })
    await hq(t.cloud, 'listOrders', { orderNo: '20260101000000000000' })
    await new Promise((resolve) => setTimeout(resolve, 50)) // the last request's line is written after its answer
    expect(log.filter((line) => line.includes('(index ')).length).toBeGreaterThan(0)
    expect(log.filter((line) => line.includes('scan'))).toEqual([])
  })
})
