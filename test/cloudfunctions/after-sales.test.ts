import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HQ, addHqAdmin, hq, hqOrders, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { eventually, paidOrder } from '../support/orders'
import { RETURN_ADDRESS, addTestCatalog } from '../support/shop-fixtures'

describe('after-sales: withdrawing a refund request, and the 售后 tab', () => {
  let t: TestCloud
  const log: string[] = []

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, log: (line) => log.push(line) })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  it('the buyer withdraws a request HQ has not decided: the order carries on where it was, HQ’s queue no longer holds it, and HQ cannot approve it', async () => {
    const { b, order } = await paidOrder(t.cloud, 'o-withdraw')
    expect((await shipOrder(t.cloud, order._id, 'SF2026112901')).ok).toBe(true)
    const asked = await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
    expect(asked.data).toMatchObject({ status: 'shipped', refund: { status: 'requested' }, actions: ['withdrawRefund'] })
    expect((await hq(t.cloud, 'getWorkbench')).data).toMatchObject({ refundsRequested: 1 })

    const withdrawn = await b.call('order', 'withdrawRefund', { orderId: order._id })
    expect(withdrawn.data).toMatchObject({ status: 'shipped', buyerStatus: 'shipped', refund: { status: 'withdrawn' }, actions: ['confirmReceipt', 'requestRefund'] })
    expect(withdrawn.data.timeline.at(-1)).toMatchObject({ event: 'withdrawRefund', actor: { kind: 'buyer' } })
    expect((await hq(t.cloud, 'getWorkbench')).data).toMatchObject({ refundsRequested: 0 })
    expect(await hqOrders(t.cloud, 'approveRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { refundStatus: 'withdrawn' } } })
    expect(await b.call('order', 'withdrawRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
    expect((await b.call('order', 'confirmReceipt', { orderId: order._id })).data.status).toBe('completed')
  })

  it('nobody withdraws someone else’s request', async () => {
    const { b, order } = await paidOrder(t.cloud, 'o-withdraw-own')
    await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
    const other = await paidOrder(t.cloud, 'o-withdraw-other')
    expect(await other.b.call('order', 'withdrawRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } })
    expect((await b.order(order._id)).refund.status).toBe('requested')
  })

  it('a withdrawal racing HQ’s approval: exactly one of them wins, and the order says which', async () => {
    for (let i = 0; i < 3; i++) {
      const { b, order } = await paidOrder(t.cloud, `o-withdraw-race-${i}`)
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
      const [withdrawn, approved] = await Promise.all([b.call('order', 'withdrawRefund', { orderId: order._id }), hqOrders(t.cloud, 'approveRefund', { orderId: order._id })])
      expect([withdrawn.ok, approved.ok].filter(Boolean)).toHaveLength(1)
      const loser = withdrawn.ok ? approved : withdrawn
      expect(loser.error.code).toBe('ORDER_ILLEGAL_TRANSITION')
      const after = await b.order(order._id)
      expect(['withdrawn', 'approved', 'refunded']).toContain(after.refund.status)
      expect(after.refund.status === 'withdrawn').toBe(withdrawn.ok)
    }
  })

  it('退货退款: refused before shipping; after it, HQ agrees without sending money, the buyer gives the tracking number, and HQ’s receipt sends the refund', async () => {
    const desk = (action: string, payload: unknown) => callAs(t.cloud, HQ, 'hq-orders', action, payload)
    expect((await desk('setReturnRules', { rules: { address: RETURN_ADDRESS } })).ok).toBe(true)
    const { b, order } = await paidOrder(t.cloud, 'o-return')
    const askReturn = () => b.call('order', 'requestRefund', { orderId: order._id, reason: '质量问题', kind: 'return' })
    expect(await askReturn()).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { event: 'requestReturn' } } })
    expect((await shipOrder(t.cloud, order._id, 'SF2026112902')).ok).toBe(true)
    expect((await askReturn()).data.refund).toMatchObject({ kind: 'return', status: 'requested' })

    // A return is agreed to with its address and deadline, at the order desk; not as a money-only refund.
    expect(await hqOrders(t.cloud, 'approveRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { kind: 'return' } } })
    const agreed = await desk('approveReturn', { orderId: order._id })
    expect(agreed.data.refund.status).toBe('awaiting_return')
    // No money moves before the goods are back: WeChat Pay holds no refund for the payment.
    expect((await t.sdk.cloudPay.queryRefund({ subMchId: '1900000109', outTradeNo: order.orderNo })).resultCode).not.toBe('SUCCESS')
    expect((await b.order(order._id)).actions).toEqual(['withdrawRefund', 'shipReturn'])
    // HQ cannot take receipt of goods not yet sent, and a bad tracking number is refused.
    expect(await desk('receiveReturn', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
    expect(await b.call('order', 'shipReturn', { orderId: order._id, carrierId: 'SF', trackingNo: '顺丰' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const sent = await b.call('order', 'shipReturn', { orderId: order._id, carrierId: 'ZTO', trackingNo: ' ZT7300012345 ' })
    expect(sent.data.refund).toMatchObject({ status: 'returning', returnShipment: { carrierId: 'ZTO', company: '中通快递', trackingNo: 'ZT7300012345' } })
    expect(sent.data.timeline.at(-1)).toMatchObject({ event: 'shipReturn', note: '中通快递 ZT7300012345' })

    expect((await desk('receiveReturn', { orderId: order._id })).data.refund.status).toBe('approved')
    const refunded = await eventually(() => b.order(order._id), (o) => o.refund.status === 'refunded', 10_000)
    expect(refunded).toMatchObject({ buyerStatus: 'refunded', refund: { returnShipment: { trackingNo: 'ZT7300012345' } } })
    expect(refunded.refund.returnShipment.receivedAt).toBeDefined()
  })

  it('售后 lists the buyer’s orders that have had a refund, whatever became of it, newest first, from an index', async () => {
    const plain = await paidOrder(t.cloud, 'o-after-sales')
    const withdrawn = await paidOrder(t.cloud, 'o-after-sales')
    const asking = await paidOrder(t.cloud, 'o-after-sales')
    const b = plain.b
    await b.call('order', 'requestRefund', { orderId: withdrawn.order._id, reason: '拍错了' })
    await b.call('order', 'withdrawRefund', { orderId: withdrawn.order._id })
    await b.call('order', 'requestRefund', { orderId: asking.order._id, reason: '不想要了' })

    log.length = 0
    const listed = await b.call('order', 'listOrders', { tab: 'after_sales' })
    expect(listed.data.items.map((o: any) => [o._id, o.refundStatus])).toEqual([
      [asking.order._id, 'requested'],
      [withdrawn.order._id, 'withdrawn'],
    ])
    expect((await b.call('order', 'listOrders', { tab: 'all' })).data.items).toHaveLength(3)
    await new Promise((resolve) => setTimeout(resolve, 50)) // the last request's line is written after its answer
    expect(log.filter((line) => line.includes('(index ')).length).toBeGreaterThan(0)
    expect(log.filter((line) => line.includes('scan'))).toEqual([])
  })
})
