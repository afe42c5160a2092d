import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addHqAdmin, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const SUB_MCH_ID = '1900000109'

describe('refunds by line or amount, several per order', () => {
  let t: TestCloud
  const stockOf = async (skuId: string) => (await t.db.collection('skus').doc(skuId).get()).data.stock
  const hqOrders = (action: string, payload: unknown) => callAs(t.cloud, 'o-hq', 'hq-orders', action, payload)
  /** The refunds WeChat Pay holds for a payment, oldest first: number, amount and state. */
  const refundsAtWechat = async (outTradeNo: string) => {
    const answer = await t.sdk.cloudPay.queryRefund({ subMchId: SUB_MCH_ID, outTradeNo })
    if (answer.resultCode !== 'SUCCESS') return []
    return (answer.outRefundNoList as string[]).map((no, i) => ({ no, fen: answer.refundFeeList[i] as number, state: answer.refundStatusList[i] as string }))
  }
  const settled = (b: ReturnType<typeof buyer>, orderId: string) => eventually(() => b.order(orderId), (o) => o.refund?.status === 'refunded', 10_000)

  /** Two 试饮装 A at ¥15.00 and one B at ¥20.00: ¥50.00 of goods, below free shipping, so ¥10.00 more. */
  async function paidOrder(openid: string) {
    const b = buyer(t.cloud, openid)
    const { data: order } = await b.place([
      { skuId: 'sample-a', quantity: 2 },
      { skuId: 'sample-b', quantity: 1 },
    ])
    await b.pay(order._id)
    await eventually(() => b.order(order._id), (o) => o.status === 'paid')
    return { b, order }
  }

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { retryDelaysMs: [300, 300, 300], refundDelayMs: 200 } })
    await addTestCatalog(t.db)
    for (const [_id, priceFen] of [['sample-a', 1500], ['sample-b', 2000]] as const) {
      await t.db.collection('skus').add({ data: { _id, productId: 'p-tea', specs: { 规格: `试饮装${_id.slice(-1).toUpperCase()}` }, priceFen, stock: 100 } })
    }
    await addHqAdmin(t.db)
  })
  afterAll(() => t.close())

  it('one unit, then an amount HQ starts, then a third refund above what is left is refused — here and at WeChat Pay — and the rest brings the shipping fee', async () => {
    const { b, order } = await paidOrder('o-partial')
    expect(order).toMatchObject({ goodsFen: 5000, shippingFen: 1000, payableFen: 6000 })
    const [stockA, stockB] = [await stockOf('sample-a'), await stockOf('sample-b')]

    // 1. The buyer gives back one A before it ships: ¥15.00, and that unit is on sale again.
    const asked = await b.call('order', 'requestRefund', { orderId: order._id, reason: '买多了一盒', lines: [{ lineIndex: 0, quantity: 1 }] })
    expect(asked.data.refund).toMatchObject({ status: 'requested', startedBy: 'buyer', lines: [{ lineIndex: 0, quantity: 1, goodsFen: 1500 }], amountFen: 1500, shippingFen: 0, final: false })
    expect((await hqOrders('approveRefund', { orderId: order._id })).data.refund.status).toBe('approved')
    const first = await settled(b, order._id)
    expect(first).toMatchObject({ status: 'paid', buyerStatus: 'paid', actions: ['requestRefund'] })
    expect([await stockOf('sample-a'), await stockOf('sample-b')]).toEqual([stockA + 1, stockB])

    // 2. It ships; HQ then sends back ¥12.00 on its own (a dented box), the goods stay with the buyer.
    expect((await shipOrder(t.cloud, order._id, 'SF2026112501')).data.status).toBe('shipped')
    const started = await hqOrders('startRefund', { orderId: order._id, reason: '外盒压损，补偿 12 元', amountFen: 1200 })
    expect(started.data.refund).toMatchObject({ status: 'approved', startedBy: 'hq', amountFen: 1200, goodsFen: 1200, shippingFen: 0 })
    expect(started.data.refund.lines.every((l: any) => l.quantity === 0)).toBe(true)
    const second = await eventually(() => b.order(order._id), (o) => o.refund.outRefundNo.endsWith('2') && o.refund.status === 'refunded')
    expect(second.previousRefunds.map((r: any) => [r.outRefundNo, r.status])).toEqual([[`R${order.orderNo}1`, 'refunded']])
    expect(await stockOf('sample-a')).toBe(stockA + 1)

    // 3. ¥33.00 is left (goods ¥23.00 and the ¥10.00 fee): a cent more is refused, by the order and by WeChat Pay.
    expect(await hqOrders('startRefund', { orderId: order._id, reason: '多退', amountFen: 3301 })).toMatchObject({ ok: false, error: { code: 'REFUND_AMOUNT_INVALID', details: { maxFen: 3300 } } })
    const direct = await t.sdk.cloudPay.refund({ subMchId: SUB_MCH_ID, outTradeNo: order.orderNo, outRefundNo: `X${order.orderNo}`, totalFee: 6000, refundFee: 3301, envId: 'local', functionName: 'payment-callback' })
    expect(direct).toMatchObject({ resultCode: 'FAIL', errCodeDes: 'refund_fee大于可退金额' })

    // 4. The buyer asks for the rest: the last goods bring the shipping fee, and the order is refunded whole.
    const rest = await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
    expect(rest.data.refund).toMatchObject({ amountFen: 3300, goodsFen: 2300, shippingFen: 1000, final: true })
    await hqOrders('approveRefund', { orderId: order._id })
    const after = await eventually(() => b.order(order._id), (o) => o.refund.outRefundNo.endsWith('3') && o.refund.status === 'refunded')
    expect(after).toMatchObject({ status: 'shipped', buyerStatus: 'refunded', actions: [] })
    // Shipped goods do not go back on sale by a refund.
    expect(await stockOf('sample-a')).toBe(stockA + 1)
    expect(await refundsAtWechat(order.orderNo)).toEqual([
      { no: `R${order.orderNo}1`, fen: 1500, state: 'SUCCESS' },
      { no: `R${order.orderNo}2`, fen: 1200, state: 'SUCCESS' },
      { no: `R${order.orderNo}3`, fen: 3300, state: 'SUCCESS' },
    ])
    expect(await hqOrders('startRefund', { orderId: order._id, reason: '再退', amountFen: 1 })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { refundedAll: true } } })
  })

  it('ten HQ refunds started at once for more than half each: one goes through, WeChat Pay is asked once, never beyond what was paid', async () => {
    const { b, order } = await paidOrder('o-race-start')
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => hqOrders('startRefund', { orderId: order._id, reason: `售后 ${i}`, amountFen: 3500 })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    for (const refused of answers.filter((a) => !a.ok)) expect(['ORDER_ILLEGAL_TRANSITION', 'REFUND_AMOUNT_INVALID']).toContain(refused.error.code)
    const after = await settled(b, order._id)
    expect(after.previousRefunds ?? []).toEqual([])
    expect(await refundsAtWechat(order.orderNo)).toEqual([{ no: `R${order.orderNo}1`, fen: 3500, state: 'SUCCESS' }])
  })

  it('five approvals of one request at once, for different amounts: one is recorded and sent, for the amount it recorded', async () => {
    const { b, order } = await paidOrder('o-race-approve')
    await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
    const answers = await Promise.all([6000, 5000, 4000, 3000, 2000].map((amountFen) => hqOrders('approveRefund', { orderId: order._id, amountFen })))
    const approved = answers.filter((a) => a.ok)
    expect(approved).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'ORDER_ILLEGAL_TRANSITION')).toBe(true)
    const amountFen = approved[0].data.refund.amountFen
    const after = await settled(b, order._id)
    expect(after.refund).toMatchObject({ requestedFen: 6000, amountFen })
    expect(await refundsAtWechat(order.orderNo)).toEqual([{ no: `R${order.orderNo}1`, fen: amountFen, state: 'SUCCESS' }])
  })

  it('refuses a line the order does not have, or more units than are left of it', async () => {
    const { b, order } = await paidOrder('o-bad-lines')
    const ask = (lines: unknown) => b.call('order', 'requestRefund', { orderId: order._id, reason: '退一盒', lines })
    expect(await ask([{ lineIndex: 2, quantity: 1 }])).toMatchObject({ ok: false, error: { code: 'REFUND_LINE_INVALID', details: { lineIndex: 2, maxQuantity: 0 } } })
    expect(await ask([{ lineIndex: 0, quantity: 3 }])).toMatchObject({ ok: false, error: { code: 'REFUND_LINE_INVALID', details: { lineIndex: 0, maxQuantity: 2 } } })
    expect(await ask([{ lineIndex: 0, quantity: 1, goodsFen: 9999 }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // The buyer asks; amounts are HQ's.
    expect(await b.call('order', 'requestRefund', { orderId: order._id, reason: '退钱', amountFen: 100 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await b.order(order._id)).refund).toBeUndefined()
  })

  it('a notification of an earlier refund, delivered again after the next began, is acknowledged and changes nothing', async () => {
    const { b, order } = await paidOrder('o-renotified')
    await hqOrders('startRefund', { orderId: order._id, reason: '补偿', amountFen: 100 })
    const first = await settled(b, order._id)
    await b.call('order', 'requestRefund', { orderId: order._id, reason: '退一盒', lines: [{ lineIndex: 1, quantity: 1 }] })
    const notice = { returnCode: 'SUCCESS', outTradeNo: order.orderNo, outRefundNo: first.refund.outRefundNo, refundFee: 100, refundStatus: 'SUCCESS', successTime: '2026-11-25 10:00:00' }
    expect(await t.cloud.functions.invoke('payment-callback', notice, { source: 'wx_paycallback' })).toMatchObject({ result: { errcode: 0 } })
    const after = await b.order(order._id)
    expect(after.refund).toMatchObject({ status: 'requested', outRefundNo: `R${order.orderNo}2` })
    expect(after.timeline.filter((e: any) => e.event === 'refundSucceeded')).toHaveLength(1)
    expect((await t.db.collection('payment_anomalies').where({ outTradeNo: order.orderNo }).get()).data).toEqual([])
  })

  it('auto-complete completes an order refunded in part, and leaves one refunded whole alone', async () => {
    const { b: partBuyer, order: part } = await paidOrder('o-auto-part')
    const { b: wholeBuyer, order: whole } = await paidOrder('o-auto-whole')
    for (const id of [part._id, whole._id]) await shipOrder(t.cloud, id, 'ZT2026112501', 'ZTO')
    await hqOrders('startRefund', { orderId: part._id, reason: '补偿', amountFen: 500 })
    await hqOrders('startRefund', { orderId: whole._id, reason: '整单退款' })
    await settled(partBuyer, part._id)
    await settled(wholeBuyer, whole._id)
    await t.db.collection('orders').where({ _id: t.db.command.in([part._id, whole._id]) }).update({ data: { 'shipment.shippedAt': new Date(Date.now() - 11 * 86_400_000) } })
    expect(await post(t.cloud, '/triggers/timers/autoCompleteOrders')).toMatchObject({ result: { done: 1 } })
    expect(await partBuyer.order(part._id)).toMatchObject({ status: 'completed', buyerStatus: 'completed' })
    expect(await wholeBuyer.order(whole._id)).toMatchObject({ status: 'shipped', buyerStatus: 'refunded' })
  })
})
