import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addHqAdmin, HQ, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, paidOrder } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

/** 删除订单: a buyer takes a finished order out of their own list; the order itself stays, for HQ. */
describe("deleting a finished order from the buyer's list", () => {
  let t: TestCloud
  const ONE = [{ skuId: 'tea-100g', quantity: 1 }]
  const listed = async (b: ReturnType<typeof buyer>, tab = 'all') => (await b.call('order', 'listOrders', { tab })).data.items.map((o: any) => o._id)

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 4 })
    await addTestCatalog(t.db)
    await addHqAdmin(t.db)
  })
  afterAll(() => t.close())

  it('a cancelled order leaves the buyer’s list and stays for HQ', async () => {
    const lin = buyer(t.cloud, 'o-hide-cancelled')
    const { data: kept } = await lin.place(ONE)
    const { data: order } = await lin.place(ONE)
    const cancelled = await lin.call('order', 'cancelOrder', { orderId: order._id, reason: '不想买了' })
    expect(cancelled.data.actions).toEqual(['buyAgain', 'hide'])

    const hidden = await lin.call('order', 'hideOrder', { orderId: order._id })
    expect(hidden).toMatchObject({ ok: true, data: { status: 'cancelled', actions: ['buyAgain'] } })
    expect(hidden.data.hiddenByBuyerAt).toBeTruthy()
    expect(await listed(lin)).toEqual([kept._id])
    expect(await listed(lin, 'pending_payment')).toEqual([kept._id])

    const atHq = await callAs(t.cloud, HQ, 'hq-orders', 'getOrder', { orderId: order._id })
    expect(atHq).toMatchObject({ ok: true, data: { _id: order._id, status: 'cancelled' } })
  })

  it('a completed order can be deleted; its tab no longer shows it', async () => {
    const { b, order } = await paidOrder(t.cloud, 'o-hide-completed')
    await shipOrder(t.cloud, order._id, 'SF1234567890')
    expect((await b.call('order', 'confirmReceipt', { orderId: order._id })).data.status).toBe('completed')
    expect(await listed(b, 'completed')).toEqual([order._id])
    expect(await b.call('order', 'hideOrder', { orderId: order._id })).toMatchObject({ ok: true })
    expect(await listed(b, 'completed')).toEqual([])
    expect(await b.call('order', 'hideOrder', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_HIDEABLE' } })
  })

  it('an order that is not finished stays, and is not changed', async () => {
    const lin = buyer(t.cloud, 'o-hide-unpaid')
    const { data: order } = await lin.place(ONE)
    expect(await lin.call('order', 'hideOrder', { orderId: order._id })).toEqual({
      ok: false,
      error: { code: 'ORDER_NOT_HIDEABLE', details: { status: 'pending_payment', refundStatus: null } },
    })
    const { b, order: paid } = await paidOrder(t.cloud, 'o-hide-paid')
    expect(await b.call('order', 'hideOrder', { orderId: paid._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_HIDEABLE' } })
    expect(await listed(lin)).toEqual([order._id])
    expect(await listed(b)).toEqual([paid._id])
  })

  it('only the buyer’s own order: someone else’s is "not found" and stays in its buyer’s list', async () => {
    const lin = buyer(t.cloud, 'o-hide-owner')
    const { data: order } = await lin.place(ONE)
    await lin.call('order', 'cancelOrder', { orderId: order._id, reason: '不想买了' })
    const other = buyer(t.cloud, 'o-hide-other')
    expect(await other.call('order', 'hideOrder', { orderId: order._id })).toEqual({ ok: false, error: { code: 'ORDER_NOT_FOUND', details: { orderId: order._id } } })
    expect(await listed(lin)).toEqual([order._id])
    expect((await t.db.collection('orders').doc(order._id).get()).data.hiddenByBuyerAt).toBeUndefined()
  })
})
