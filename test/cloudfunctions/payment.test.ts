import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { addHqAdmin, shipOrder } from '../support/employees'
import { buyer, eventually, paidOrder, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const SUB_MCH_ID = '1900000109'

describe('money that does not fit: wrong amounts, unknown orders, refunds that fail', () => {
  let t: TestCloud
  const stockOf = async (skuId: string) => (await t.db.collection('skus').doc(skuId).get()).data.stock
  const fault = (fault: string) => post(t.cloud, '/dev/pay/faults', { apiName: 'refund', fault })
  const hq = (action: string, payload: unknown) => callAs(t.cloud, 'o-hq', 'hq', action, payload)
  const hqOrders = (action: string, payload: unknown) => callAs(t.cloud, 'o-hq', 'hq-orders', action, payload)
  const trigger = (job: string) => post(t.cloud, `/triggers/timers/${job}`)
  const anomaliesOf = async (outTradeNo: string) => (await t.db.collection('payment_anomalies').where({ outTradeNo }).get()).data
  /** The refunds WeChat Pay holds for a payment: how many, and how each ended. */
  const refundsAtWechat = async (outTradeNo: string) => {
    const answer = await t.sdk.cloudPay.queryRefund({ subMchId: SUB_MCH_ID, outTradeNo })
    return answer.resultCode === 'SUCCESS' ? (answer.refundStatusList as string[]) : []
  }
  const paymentCallback = (event: Record<string, unknown>) => t.cloud.functions.invoke('payment-callback', event, { source: 'wx_paycallback' })

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { retryDelaysMs: [300, 300, 300], refundDelayMs: 200 } })
    await addTestCatalog(t.db)
    await addHqAdmin(t.db)
  })
  afterAll(() => t.close())

  /**
   * An order whose payment at WeChat Pay was opened for 1 fen instead of the order's amount (a bug or a
   * tampered request), and the package the cashier pays it with.
   */
  async function underpaidOrder(openid: string, skuId: string) {
    const b = buyer(t.cloud, openid)
    const { data: order } = await b.place([{ skuId, quantity: 2 }])
    const opened = await t.sdk.cloudPay.unifiedOrder({
      body: '云岭茶舍-西湖龙井',
      outTradeNo: order.orderNo,
      spbillCreateIp: '127.0.0.1',
      subMchId: SUB_MCH_ID,
      totalFee: 1,
      envId: 'local',
      functionName: 'payment-callback',
      subOpenid: openid,
    })
    return { b, order, pkg: opened.payment.package as string }
  }


  describe('a payment of the wrong amount', () => {
    it('cancels the order, returns its stock once and the money once, and makes one anomaly — notice delivered 5 times, timers run again and again', async () => {
      await t.db.collection('skus').add({ data: { _id: 'tea-mismatch', productId: 'p-tea', specs: { 规格: '试饮' }, priceFen: 6800, stock: 10 } })
      const { b, order, pkg } = await underpaidOrder('o-underpaid', 'tea-mismatch')
      expect(await stockOf('tea-mismatch')).toBe(8)

      await post(t.cloud, '/dev/cashier/pay', { package: pkg })
      // Four more deliveries, racing the first.
      const again = await Promise.all(Array.from({ length: 4 }, () => post(t.cloud, '/dev/pay/redeliver', { outTradeNo: order.orderNo })))
      for (const answer of again) expect(answer).toMatchObject({ acknowledged: true })
      for (let i = 0; i < 2; i++) {
        await trigger('expireUnpaidOrders')
        await trigger('retryRefunds')
      }

      const after = await eventually(() => b.order(order._id), (o) => o.latePayment?.refundedAt !== undefined)
      expect(after).toMatchObject({ status: 'cancelled', buyerStatus: 'cancelled', actions: ['buyAgain', 'hide'], latePayment: { paidFen: 1, outRefundNo: `L${order.orderNo}` } })
      expect(after.payment.paidFen).toBeUndefined()
      expect(after.timeline.map((e: any) => e.event)).toEqual(['place', 'rejectPayment', 'latePaymentRefunded'])
      expect(after.timeline[1]).toMatchObject({ actor: { kind: 'system' }, from: 'pending_payment', to: 'cancelled' })
      expect(await stockOf('tea-mismatch')).toBe(10)
      expect(await refundsAtWechat(order.orderNo)).toEqual(['SUCCESS'])
      const [anomaly, ...more] = await anomaliesOf(order.orderNo)
      expect(more).toHaveLength(0)
      expect(anomaly).toMatchObject({ _id: `amount_mismatch:${order.orderNo}`, kind: 'amount_mismatch', orderId: order._id, notice: { paidFen: 1, payableFen: order.payableFen } })
      expect(anomaly.count).toBeGreaterThanOrEqual(5)

      // The order is out of the buyer's way; the same request elsewhere is not.
      expect(await b.call('order', 'payOrder', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_PAYABLE' } })
      expect(await b.call('order', 'cancelOrder', { orderId: order._id, reason: '不要了' })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
      for (let i = 0; i < 2; i++) await trigger('expireUnpaidOrders')
      expect(await stockOf('tea-mismatch')).toBe(10)
      expect(await anomaliesOf(order.orderNo)).toHaveLength(1)
    })

    it('found by the buyer asking (syncPayment) instead of the notification, it ends the same way', async () => {
      const { b, order, pkg } = await underpaidOrder('o-underpaid-sync', 'tea-250g')
      const stock = await stockOf('tea-250g')
      await post(t.cloud, '/dev/cashier/pay', { package: pkg })
      // The buyer's app asks while the notification is on its way.
      const synced = await Promise.all([0, 1, 2].map(() => b.call('order', 'syncPayment', { orderId: order._id })))
      for (const answer of synced) if (!answer.ok) expect(answer.error.code).toBe('PAYMENT_AMOUNT_MISMATCH')
      const after = await eventually(() => b.order(order._id), (o) => o.latePayment?.refundedAt !== undefined)
      expect(after.timeline.filter((e: any) => e.event === 'rejectPayment')).toHaveLength(1)
      expect(await stockOf('tea-250g')).toBe(stock + 2)
      expect(await refundsAtWechat(order.orderNo)).toEqual(['SUCCESS'])
      expect(await anomaliesOf(order.orderNo)).toHaveLength(1)
    })

    it('found by the buyer cancelling before its notification arrives, the cancel succeeds and the money goes back', async () => {
      const b = buyer(t.cloud, 'o-underpaid-cancel')
      const { data: order } = await b.place([{ skuId: 'tea-100g', quantity: 1 }])
      // The notification goes nowhere, so only the cancel's own close-and-query finds the payment.
      const opened = await t.sdk.cloudPay.unifiedOrder({
        body: '云岭茶舍-西湖龙井', outTradeNo: order.orderNo, spbillCreateIp: '127.0.0.1', subMchId: SUB_MCH_ID,
        totalFee: 1, envId: 'local', functionName: 'no-such-function', subOpenid: 'o-underpaid-cancel',
      })
      await t.db.collection('orders').doc(order._id).update({ data: { 'payment.startedAt': new Date() } })
      await post(t.cloud, '/dev/cashier/pay', { package: opened.payment.package })
      const cancelled = await b.call('order', 'cancelOrder', { orderId: order._id, reason: '不想要了' })
      expect(cancelled).toMatchObject({ ok: true, data: { status: 'cancelled', latePayment: { paidFen: 1 } } })
      await eventually(() => refundsAtWechat(order.orderNo), (list) => list.length === 1)
    })

    it('whose refund WeChat closes is not asked again with the same number: the order says so and HQ has it', async () => {
      const { b, order, pkg } = await underpaidOrder('o-underpaid-closed', 'tea-100g')
      await fault('refund_closed')
      await post(t.cloud, '/dev/cashier/pay', { package: pkg })
      const after = await eventually(() => b.order(order._id), (o) => o.latePayment?.refundFailure !== undefined)
      expect(after.latePayment).toMatchObject({ refundFailure: { reason: 'closed' } })
      expect(after.latePayment.refundedAt).toBeUndefined()
      expect(after.timeline.at(-1)).toMatchObject({ event: 'latePaymentRefundFailed', note: expect.stringContaining('退款已关闭') })

      await t.db.collection('orders').doc(order._id).update({ data: { updatedAt: new Date(Date.now() - 10 * 60_000) } })
      await trigger('retryRefunds')
      await trigger('retryRefunds')
      expect(await refundsAtWechat(order.orderNo)).toEqual(['REFUNDCLOSE'])
      const kinds = (await anomaliesOf(order.orderNo)).map((a: any) => a._id).sort()
      expect(kinds).toEqual([`amount_mismatch:${order.orderNo}`, `refund_failed:${order.orderNo}:L${order.orderNo}`])
    })
  })

  it('a payment for an order we never issued, delivered five times at once, is one anomaly', async () => {
    const outTradeNo = `20260101000000${String(Date.now()).slice(-6)}`
    const event = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo, transactionId: '4200000000000000000099', totalFee: 500, timeEnd: '20261125100000' }
    const answers = await Promise.all(Array.from({ length: 5 }, () => paymentCallback(event)))
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, result: { errcode: 0 } })
    const anomalies = await anomaliesOf(outTradeNo)
    expect(anomalies).toEqual([expect.objectContaining({ _id: `unknown_order:${outTradeNo}`, kind: 'unknown_order', count: 5, notice: expect.objectContaining({ paidFen: 500 }) })])
  })

  describe('refunds', () => {
    it('a payment in 转入退款 (REFUND) is not a refund that succeeded: an approved refund still processing stays approved', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund-processing')
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
      await fault('refund_processing')
      expect((await hqOrders('approveRefund', { orderId: order._id })).data.refund.status).toBe('approved')
      expect(await t.sdk.cloudPay.queryOrder({ subMchId: SUB_MCH_ID, outTradeNo: order.orderNo })).toMatchObject({ tradeState: 'REFUND' })

      await t.db.collection('orders').doc(order._id).update({ data: { 'refund.decidedAt': new Date(Date.now() - 10 * 60_000) } })
      await trigger('retryRefunds')
      await trigger('retryRefunds')
      const after = await b.order(order._id)
      expect(after.refund.status).toBe('approved')
      expect(after.buyerStatus).toBe('paid')
      expect(after.timeline.some((e: any) => e.event === 'refundSucceeded')).toBe(false)
      expect(await refundsAtWechat(order.orderNo)).toEqual(['PROCESSING'])
      expect(await anomaliesOf(order.orderNo)).toHaveLength(0)
    })

    it('a refund that ends in CHANGE (退款异常) is not shown as refunded, not retried, and is one anomaly HQ can list', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund-change')
      const stock = await stockOf('tea-100g')
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '买错了' })
      await fault('refund_change')
      await hqOrders('approveRefund', { orderId: order._id })
      const after = await eventually(() => b.order(order._id), (o) => o.refund.status === 'failed')
      expect(after).toMatchObject({ status: 'paid', buyerStatus: 'paid', actions: [], refund: { status: 'failed', failure: { reason: 'change' } } })
      expect(after.refund.refundedAt).toBeUndefined()
      expect(after.timeline.at(-1)).toMatchObject({ event: 'refundFailed', actor: { kind: 'wechat' }, note: expect.stringContaining('原支付账户无法入账') })
      expect(await stockOf('tea-100g')).toBe(stock)

      // The same notice again, and the retry job: nothing more is asked of WeChat, nothing more is recorded.
      const notice = { returnCode: 'SUCCESS', outTradeNo: order.orderNo, outRefundNo: after.refund.outRefundNo, refundFee: order.payableFen, refundStatus: 'CHANGE' }
      expect(await paymentCallback(notice)).toMatchObject({ result: { errcode: 0 } })
      await t.db.collection('orders').doc(order._id).update({ data: { 'refund.decidedAt': new Date(Date.now() - 10 * 60_000) } })
      await trigger('retryRefunds')
      expect(await refundsAtWechat(order.orderNo)).toEqual(['CHANGE'])
      expect((await b.order(order._id)).timeline.filter((e: any) => e.event === 'refundFailed')).toHaveLength(1)
      expect(await anomaliesOf(order.orderNo)).toEqual([
        expect.objectContaining({ _id: `refund_failed:${order.orderNo}:${after.refund.outRefundNo}`, kind: 'refund_failed', orderId: order._id, count: 1 }),
      ])
      expect(await shipOrder(t.cloud, order._id, 'SF0000000077')).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { refundStatus: 'failed' } } })

      // Handled by hand at the merchant platform, the refund may still succeed: then it counts.
      expect(await paymentCallback({ ...notice, refundStatus: 'SUCCESS', successTime: '2026-11-26 10:00:00' })).toMatchObject({ result: { errcode: 0 } })
      const refunded = await b.order(order._id)
      expect(refunded).toMatchObject({ buyerStatus: 'refunded', refund: { status: 'refunded' } })
      expect(await stockOf('tea-100g')).toBe(stock + 1)
    })

    it('a refund whose notification never came is settled by the retry job from WeChat Pay’s account of that refund', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund-unnotified')
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
      await hqOrders('approveRefund', { orderId: order._id })
      await eventually(() => b.order(order._id), (o) => o.refund.status === 'refunded')
      // Rewind the order to approved, as if the notification had been lost.
      const { data: stored } = await t.db.collection('orders').doc(order._id).get()
      await t.db.collection('orders').doc(order._id).update({
        data: {
          'refund.status': 'approved',
          'refund.refundedAt': t.db.command.remove(),
          'refund.decidedAt': new Date(Date.now() - 10 * 60_000),
          timeline: stored.timeline.filter((e: any) => e.event !== 'refundSucceeded'),
        },
      })
      await trigger('retryRefunds')
      const after = await b.order(order._id)
      expect(after).toMatchObject({ buyerStatus: 'refunded', refund: { status: 'refunded' } })
      expect(Math.abs(new Date(after.refund.refundedAt).getTime() - stored.refund.refundedAt.getTime())).toBeLessThan(1000)
      expect(after.timeline.filter((e: any) => e.event === 'refundSucceeded')).toEqual([expect.objectContaining({ actor: { kind: 'wechat' } })])
      expect(await refundsAtWechat(order.orderNo)).toEqual(['SUCCESS'])
    })

    it('HQ lists anomalies newest first, page by page; others may not, and every call is audited', async () => {
      const first = await hq('listPaymentAnomalies', { pageSize: 2 })
      expect(first).toMatchObject({ ok: true, data: { hasMore: true } })
      expect(first.data.items).toHaveLength(2)
      const seen = first.data.items.map((a: any) => new Date(a.lastSeenAt).getTime())
      expect(seen[0]).toBeGreaterThanOrEqual(seen[1])
      const second = await hq('listPaymentAnomalies', { page: 1, pageSize: 2 })
      expect(second.data.items.map((a: any) => a._id)).not.toContain(first.data.items[0]._id)
      expect(await hq('listPaymentAnomalies', { pageSize: 1000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

      expect(await callAs(t.cloud, 'o-refund-change', 'hq', 'listPaymentAnomalies', {})).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq.listPaymentAnomalies' }).get()
      expect(audit.map((a: any) => [a.actorOpenid, a.ok])).toEqual([
        ['o-hq', true],
        ['o-hq', true],
        // The page too large: refused, and audited all the same.
        ['o-hq', false],
        ['o-refund-change', false],
      ])
    })
  })
})
