import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { addHqAdmin, shipOrder } from '../support/employees'
import { buyer, eventually, paidOrder, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

describe('order function', () => {
  let t: TestCloud
  const stockOf = async (skuId: string) => (await t.db.collection('skus').doc(skuId).get()).data.stock

  beforeAll(async () => {
    // WeChat's notification retries and refund delay, shortened so the tests of unreliable moments are quick.
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { retryDelaysMs: [300, 300, 300], refundDelayMs: 200 } })
    await addTestCatalog(t.db)
    await addHqAdmin(t.db)
  })
  afterAll(() => t.close())

  describe('placing', () => {
    it('prices on the server, snapshots the lines and the address, reserves stock, and starts unpaid', async () => {
      const lin = buyer(t.cloud, 'o-place')
      const before = await stockOf('tea-100g')
      const placed = await lin.place([{ skuId: 'tea-100g', quantity: 2 }], { remark: '请用礼盒包装' })
      expect(placed).toMatchObject({ ok: true })
      const order = placed.data
      expect(order).toMatchObject({
        status: 'pending_payment',
        buyerStatus: 'pending_payment',
        goodsFen: 13600,
        shippingFen: 0,
        payableFen: 13600,
        remark: '请用礼盒包装',
        address: { name: '林小雨', phone: '13800138000', city: '杭州市' },
        actions: ['pay', 'cancel'],
      })
      expect(order.lines[0]).toMatchObject({ skuId: 'tea-100g', title: '西湖龙井', specs: { 规格: '100g' }, unitPriceFen: 6800, quantity: 2 })
      expect(order.orderNo).toMatch(/^\d{20}$/)
      expect(order.timeline.map((e: any) => e.event)).toEqual(['place'])
      expect(order).not.toHaveProperty('buyerOpenid')
      expect(await stockOf('tea-100g')).toBe(before - 2)
    })

    it('charges shipping below the free-shipping threshold', async () => {
      await t.db.collection('skus').add({ data: { _id: 'tea-sample', productId: 'p-tea', specs: { 规格: '10g' }, priceFen: 1500, stock: 10 } })
      const placed = await buyer(t.cloud, 'o-ship-fee').place([{ skuId: 'tea-sample', quantity: 1 }])
      expect(placed.data).toMatchObject({ goodsFen: 1500, shippingFen: 1000, payableFen: 2500 })
    })

    it('the same request id makes one order, even sent five times at once', async () => {
      const wang = buyer(t.cloud, 'o-double-tap')
      const requestId = randomUUID()
      const payload = { requestId, lines: [{ skuId: 'tea-250g', quantity: 1 }], addressId: await wang.addressId() }
      const before = await stockOf('tea-250g')
      const answers = await Promise.all(Array.from({ length: 5 }, () => wang.call('order', 'placeOrder', payload)))
      expect(answers.every((a) => a.ok)).toBe(true)
      expect(new Set(answers.map((a) => a.data._id)).size).toBe(1)
      expect(await stockOf('tea-250g')).toBe(before - 1)
      expect((await wang.call('order', 'listOrders', { tab: 'all' })).data.items).toHaveLength(1)
    })

    it('50 buyers racing for the last 10 units: exactly 10 orders, the rest told 库存不足, stock ends at 0', async () => {
      await t.db.collection('skus').add({ data: { _id: 'tea-last', productId: 'p-tea', specs: { 规格: '限量' }, priceFen: 9900, stock: 10 } })
      const buyers = Array.from({ length: 50 }, (_, i) => buyer(t.cloud, `o-race-${i}`))
      await Promise.all(buyers.map((b) => b.addressId()))
      const answers = await Promise.all(buyers.map((b) => b.place([{ skuId: 'tea-last', quantity: 1 }])))
      const won = answers.filter((a) => a.ok)
      const lost = answers.filter((a) => !a.ok)
      expect(won).toHaveLength(10)
      expect(lost.every((a) => a.error.code === 'ORDER_OUT_OF_STOCK' && a.error.details.title === '西湖龙井')).toBe(true)
      expect(await stockOf('tea-last')).toBe(0)
      expect((await t.db.collection('orders').where({ 'lines.skuId': 'tea-last' }).count()).total).toBe(10)
    })

    it('refuses bad requests with a clear error and writes nothing', async () => {
      const mallory = buyer(t.cloud, 'o-mallory')
      const addressId = await mallory.addressId()
      const place = (payload: Record<string, unknown>) => mallory.call('order', 'placeOrder', { requestId: randomUUID(), addressId, ...payload })
      const line = (extra: Record<string, unknown>) => ({ lines: [{ skuId: 'tea-100g', quantity: 1, ...extra }] })
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['its own price', line({ priceFen: 1 }), 'INVALID_INPUT'],
        ['a negative quantity', line({ quantity: -1 }), 'INVALID_INPUT'],
        ['a fractional quantity', line({ quantity: 1.5 }), 'INVALID_INPUT'],
        ['a zero quantity', line({ quantity: 0 }), 'INVALID_INPUT'],
        ['10,000 lines', { lines: Array.from({ length: 10_000 }, (_, i) => ({ skuId: `s${i}`, quantity: 1 })) }, 'INVALID_INPUT'],
        ['an unknown SKU', { lines: [{ skuId: 'no-such-sku', quantity: 1 }] }, 'ORDER_SKU_NOT_FOUND'],
        ['an off-shelf product', { lines: [{ skuId: 'old-100g', quantity: 1 }] }, 'ORDER_PRODUCT_OFF_SHELF'],
        ['more than the stock', { lines: [{ skuId: 'tea-100g', quantity: 99 }] }, 'ORDER_OUT_OF_STOCK'],
        ['a total price', { ...line({}), payableFen: 1 }, 'INVALID_INPUT'],
        ['someone else’s address', { ...line({}), addressId: 'not-mine' }, 'ORDER_ADDRESS_NOT_FOUND'],
      ]
      const stock = await stockOf('tea-100g')
      for (const [name, payload, code] of cases) {
        const answer = await place(payload)
        expect(answer, name).toMatchObject({ ok: false, error: { code } })
      }
      expect(await stockOf('tea-100g')).toBe(stock)
      expect((await t.db.collection('orders').where({ buyerOpenid: 'o-mallory' }).count()).total).toBe(0)
    })

    it('someone else’s order is not found, for every action', async () => {
      const owner = buyer(t.cloud, 'o-owner')
      const { data: order } = await owner.place([{ skuId: 'tea-100g', quantity: 1 }])
      const other = buyer(t.cloud, 'o-other')
      for (const [action, extra] of [['getOrder', {}], ['payOrder', {}], ['cancelOrder', { reason: '不想要了' }], ['confirmReceipt', {}], ['requestRefund', { reason: '不想要了' }], ['syncPayment', {}]] as const) {
        expect(await other.call('order', action, { orderId: order._id, ...extra }), action).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } })
      }
      expect((await owner.order(order._id)).status).toBe('pending_payment')
    })
  })

  describe('paying', () => {
    it('the cashier pays, WeChat notifies the callback, and the order is paid with its transaction id', async () => {
      const zhou = buyer(t.cloud, 'o-pay')
      const { data: order } = await zhou.place([{ skuId: 'tea-250g', quantity: 1 }])
      const paid = await zhou.pay(order._id)
      expect(paid.ok).toBe(true)
      const after = await eventually(() => zhou.order(order._id), (o) => o.status === 'paid')
      expect(after.payment.transactionId).toMatch(/\w{10,}/)
      expect(after.payment.paidFen).toBe(order.payableFen)
      expect(after.timeline.map((e: any) => e.event)).toEqual(['place', 'pay'])
      expect(after.actions).toEqual(['requestRefund'])
    })

    it('a notification delivered five times makes one paid state and one timeline entry', async () => {
      const chen = buyer(t.cloud, 'o-pay-5x')
      const { data: order } = await chen.place([{ skuId: 'tea-100g', quantity: 1 }])
      await chen.pay(order._id)
      await eventually(() => chen.order(order._id), (o) => o.status === 'paid')
      const answers = await Promise.all(Array.from({ length: 4 }, () => post(t.cloud, '/dev/pay/redeliver', { outTradeNo: order.orderNo })))
      for (const answer of answers) expect(JSON.stringify(answer)).toContain('"errcode":0')
      const after = await chen.order(order._id)
      expect(after.timeline.filter((e: any) => e.event === 'pay')).toHaveLength(1)
    })

    it('the client asking (syncPayment) while the notification arrives settles the order exactly once', async () => {
      const sun = buyer(t.cloud, 'o-sync')
      const { data: order } = await sun.place([{ skuId: 'tea-100g', quantity: 1 }])
      const [, ...synced] = await Promise.all([
        sun.pay(order._id),
        ...Array.from({ length: 3 }, () => sun.call('order', 'syncPayment', { orderId: order._id })),
      ])
      expect(synced.every((s) => s.ok)).toBe(true)
      const after = await eventually(() => sun.order(order._id), (o) => o.status === 'paid')
      await new Promise((r) => setTimeout(r, 200))
      expect((await sun.order(order._id)).timeline.filter((e: any) => e.event === 'pay')).toHaveLength(1)
      expect(after.payment.paidFen).toBe(order.payableFen)
    })

    it('the callback called by a client (SOURCE wx_client) changes nothing', async () => {
      const eve = buyer(t.cloud, 'o-forger')
      const { data: order } = await eve.place([{ skuId: 'tea-100g', quantity: 1 }])
      const event = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: order.orderNo, transactionId: '4200000000000000000002', totalFee: order.payableFen, timeEnd: '20261125100000' }
      const response = await fetch(`${t.cloud.url}/functions/payment-callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-forger' },
        body: JSON.stringify(event),
      })
      expect(((await response.json()) as any).result.errcode).not.toBe(0)
      expect((await eve.order(order._id)).status).toBe('pending_payment')
    })
  })

  describe('cancelling and expiring', () => {
    it('the buyer cancels an unpaid order: stock comes back once, the payment can no longer be made', async () => {
      const he = buyer(t.cloud, 'o-cancel')
      const before = await stockOf('tea-250g')
      const { data: order } = await he.place([{ skuId: 'tea-250g', quantity: 2 }])
      await he.call('order', 'payOrder', { orderId: order._id })
      const cancelled = await he.call('order', 'cancelOrder', { orderId: order._id, reason: '不想买了' })
      expect(cancelled.data).toMatchObject({ status: 'cancelled', actions: ['buyAgain', 'hide'] })
      expect(cancelled.data.timeline.at(-1)).toMatchObject({ event: 'cancel', note: '不想买了', from: 'pending_payment', to: 'cancelled' })
      expect(await stockOf('tea-250g')).toBe(before)
      expect(await he.call('order', 'cancelOrder', { orderId: order._id, reason: '再取消一次' })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
      expect(await stockOf('tea-250g')).toBe(before)
      expect(await he.call('order', 'payOrder', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_PAYABLE' } })
    })

    it('the expiry job cancels orders unpaid after 30 minutes, closes their payment and returns stock once', async () => {
      const wu = buyer(t.cloud, 'o-expire')
      const before = await stockOf('tea-100g')
      const { data: order } = await wu.place([{ skuId: 'tea-100g', quantity: 3 }])
      await wu.call('order', 'payOrder', { orderId: order._id })
      await t.db.collection('orders').doc(order._id).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
      await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
      await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
      const after = await wu.order(order._id)
      expect(after.status).toBe('cancelled')
      expect(after.timeline.at(-1)).toMatchObject({ event: 'expire', actor: { kind: 'system' } })
      expect(await stockOf('tea-100g')).toBe(before)
      const cashier = await wu.pay(order._id)
      expect(cashier.ok).toBe(false)
    })

    it('a payment that beat the expiry job but whose notification came after it: paid once, stock still reserved', async () => {
      const zheng = buyer(t.cloud, 'o-race-expiry')
      const before = await stockOf('tea-100g')
      const { data: order } = await zheng.place([{ skuId: 'tea-100g', quantity: 1 }])
      await zheng.pay(order._id)
      await eventually(() => zheng.order(order._id), (o) => o.status === 'paid')
      // Rewind the order to unpaid-and-expired, as if the notification were still on its way.
      await t.db.collection('orders').doc(order._id).update({ data: { status: 'pending_payment', expiresAt: new Date(Date.now() - 1000), timeline: [{ event: 'place', at: new Date(), actor: { kind: 'buyer', openid: 'o-race-expiry' } }] } })
      await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
      for (let i = 0; i < 3; i++) await post(t.cloud, '/dev/pay/redeliver', { outTradeNo: order.orderNo })
      const after = await zheng.order(order._id)
      expect(after.status).toBe('paid')
      expect(after.timeline.filter((e: any) => e.event === 'pay')).toHaveLength(1)
      expect(after.timeline.some((e: any) => e.event === 'expire')).toBe(false)
      expect(await stockOf('tea-100g')).toBe(before - 1)
    })

    it('money that arrives for an order already cancelled is refunded automatically and recorded', async () => {
      const qian = buyer(t.cloud, 'o-late')
      const { data: order } = await qian.place([{ skuId: 'tea-100g', quantity: 1 }])
      const started = await qian.call('order', 'payOrder', { orderId: order._id })
      // Cancelled on our side while WeChat Pay still took the money (the close had not reached it).
      await t.db.collection('orders').doc(order._id).update({ data: { status: 'cancelled' } })
      await post(t.cloud, '/dev/cashier/pay', { package: started.data.payment.package })
      const after = await eventually(() => qian.order(order._id), (o) => o.latePayment?.refundedAt !== undefined)
      expect(after.status).toBe('cancelled')
      expect(after.latePayment).toMatchObject({ paidFen: order.payableFen })
      expect(after.timeline.filter((e: any) => e.event === 'latePaymentRefunded')).toHaveLength(1)
    })
  })

  describe('after payment', () => {
    const hqOrders = (action: string, payload: unknown) => callAs(t.cloud, 'o-hq', 'hq-orders', action, payload)

    it('HQ ships, the buyer confirms receipt, and the order is complete', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-receive')
      expect(await b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
      const shipped = await shipOrder(t.cloud, order._id, 'SF1234567890')
      expect(shipped.data).toMatchObject({ status: 'shipped', shipment: { company: '顺丰速运', trackingNo: 'SF1234567890' } })
      const done = await b.call('order', 'confirmReceipt', { orderId: order._id })
      expect(done.data.status).toBe('completed')
      expect(done.data.timeline.map((e: any) => e.event)).toEqual(['place', 'pay', 'ship', 'confirmReceipt'])
      // The buyer sees who moved the order by kind only: no OPENID of HQ's staff, nor their own.
      expect(done.data.timeline.map((e: any) => e.actor)).toEqual([{ kind: 'buyer' }, { kind: 'wechat' }, { kind: 'hq' }, { kind: 'buyer' }])
      expect(JSON.stringify(await b.order(order._id))).not.toMatch(/o-hq|o-receive/)
      const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-orders.shipOrders', 'payload.orders.orderId': order._id }).get()
      expect(audit).toMatchObject([{ actorOpenid: 'o-hq', ok: true }])
    })

    it('only HQ admins may ship or decide refunds', async () => {
      const { order } = await paidOrder(t.cloud, 'o-not-admin')
      expect(await shipOrder(t.cloud, order._id, 'SF1234567890', 'SF', 'o-not-admin')).toMatchObject({
        ok: false,
        error: { code: 'HQ_FORBIDDEN' },
      })
    })

    it('a refund requested by the buyer and approved by HQ goes back through WeChat Pay; unshipped stock returns', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund', 'tea-250g')
      const stockAfterSale = await stockOf('tea-250g')
      const requested = await b.call('order', 'requestRefund', { orderId: order._id, reason: '买错规格了' })
      expect(requested.data.refund).toMatchObject({ status: 'requested', reason: '买错规格了', amountFen: order.payableFen })
      expect(await shipOrder(t.cloud, order._id, 'SF0000000001')).toMatchObject({ ok: false })
      expect((await hqOrders('approveRefund', { orderId: order._id })).data.refund.status).toBe('approved')
      const after = await eventually(() => b.order(order._id), (o) => o.refund.status === 'refunded')
      expect(after.timeline.map((e: any) => e.event)).toEqual(['place', 'pay', 'requestRefund', 'approveRefund', 'refundSucceeded'])
      expect(await stockOf('tea-250g')).toBe(stockAfterSale + 1)
    })

    it('HQ may reject a refund with a reason, and the buyer may ask again', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund-rejected')
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
      const rejected = await hqOrders('rejectRefund', { orderId: order._id, reason: '已超过售后期' })
      expect(rejected.data.refund).toMatchObject({ status: 'rejected', rejectReason: '已超过售后期' })
      expect((await b.call('order', 'requestRefund', { orderId: order._id, reason: '商品有破损' })).data.refund.status).toBe('requested')
    })

    it('orders shipped more than ten days ago complete by themselves', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-auto-complete')
      await shipOrder(t.cloud, order._id, 'ZT1234567890', 'ZTO')
      await t.db.collection('orders').doc(order._id).update({ data: { 'shipment.shippedAt': new Date(Date.now() - 11 * 86_400_000) } })
      await post(t.cloud, '/triggers/timers/autoCompleteOrders')
      const after = await b.order(order._id)
      expect(after.status).toBe('completed')
      expect(after.timeline.at(-1)).toMatchObject({ event: 'autoComplete', actor: { kind: 'system' } })
    })

    it('lists the buyer’s orders by status tab, newest first', async () => {
      const b = buyer(t.cloud, 'o-tabs')
      const first = (await b.place([{ skuId: 'tea-100g', quantity: 1 }])).data
      const second = (await b.place([{ skuId: 'tea-100g', quantity: 1 }])).data
      await b.pay(second._id)
      await eventually(() => b.order(second._id), (o) => o.status === 'paid')
      const all = (await b.call('order', 'listOrders', { tab: 'all' })).data.items
      expect(all.map((o: any) => o._id)).toEqual([second._id, first._id])
      expect((await b.call('order', 'listOrders', { tab: 'pending_payment' })).data.items.map((o: any) => o._id)).toEqual([first._id])
      expect((await b.call('order', 'listOrders', { tab: 'paid' })).data.items.map((o: any) => o._id)).toEqual([second._id])
    })
  })

  describe('when WeChat Pay falters', () => {
    const fault = (apiName: string, kind: string, count = 1) => post(t.cloud, '/dev/pay/faults', { apiName, fault: kind, count })
    const hqOrders = (action: string, payload: unknown) => callAs(t.cloud, 'o-hq', 'hq-orders', action, payload)

    it('a refund WeChat carried out but whose answer was lost stays approved, and its notification settles it', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund-lost')
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
      await fault('refund', 'lost_answer')
      expect((await hqOrders('approveRefund', { orderId: order._id })).data.refund.status).toBe('approved')
      const after = await eventually(() => b.order(order._id), (o) => o.refund.status === 'refunded')
      expect(after.timeline.map((e: any) => e.event)).toEqual(['place', 'pay', 'requestRefund', 'approveRefund', 'refundSucceeded'])
      expect(await hqOrders('rejectRefund', { orderId: order._id, reason: '晚了' })).toMatchObject({ ok: false })
    })

    it('a refund WeChat never received is asked for again by the retry job, with the same refund number', async () => {
      const { b, order } = await paidOrder(t.cloud, 'o-refund-unavailable')
      await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
      await fault('refund', 'unavailable')
      expect((await hqOrders('approveRefund', { orderId: order._id })).data.refund.status).toBe('approved')
      await new Promise((r) => setTimeout(r, 500))
      expect((await b.order(order._id)).refund.status).toBe('approved')
      await t.db.collection('orders').doc(order._id).update({ data: { 'refund.decidedAt': new Date(Date.now() - 10 * 60_000) } })
      await post(t.cloud, '/triggers/timers/retryRefunds')
      const after = await eventually(() => b.order(order._id), (o) => o.refund.status === 'refunded')
      expect(after.timeline.filter((e: any) => e.event === 'refundSucceeded')).toHaveLength(1)
    })

    it('a late payment whose refund fails at first is not acknowledged, so WeChat’s next delivery refunds it', async () => {
      const qian = buyer(t.cloud, 'o-late-retry')
      const { data: order } = await qian.place([{ skuId: 'tea-100g', quantity: 1 }])
      const started = await qian.call('order', 'payOrder', { orderId: order._id })
      await t.db.collection('orders').doc(order._id).update({ data: { status: 'cancelled' } })
      await fault('refund', 'system_error')
      await post(t.cloud, '/dev/cashier/pay', { package: started.data.payment.package })
      const after = await eventually(() => qian.order(order._id), (o) => o.latePayment?.refundedAt !== undefined)
      expect(after.timeline.filter((e: any) => e.event === 'latePaymentRefunded')).toHaveLength(1)
    })

    it('a close WeChat cannot confirm cancels nothing: the order stays unpaid with its stock held', async () => {
      const he = buyer(t.cloud, 'o-close-fails')
      const { data: order } = await he.place([{ skuId: 'tea-250g', quantity: 1 }])
      await he.call('order', 'payOrder', { orderId: order._id })
      const stock = await stockOf('tea-250g')
      await fault('closeOrder', 'system_error')
      await fault('queryOrder', 'system_error')
      const refused = await he.call('order', 'cancelOrder', { orderId: order._id, reason: '不想买了' })
      expect(refused).toMatchObject({ ok: false })
      expect((await he.order(order._id)).status).toBe('pending_payment')
      expect(await stockOf('tea-250g')).toBe(stock)
      expect((await he.call('order', 'cancelOrder', { orderId: order._id, reason: '不想买了' })).data.status).toBe('cancelled')
      expect(await stockOf('tea-250g')).toBe(stock + 1)
    })

    it('the expiry job skips an order it cannot close and still expires the others, without spinning', async () => {
      const stuck = buyer(t.cloud, 'o-expire-stuck')
      const { data: hard } = await stuck.place([{ skuId: 'tea-100g', quantity: 1 }])
      await stuck.call('order', 'payOrder', { orderId: hard._id })
      const { data: easy } = await buyer(t.cloud, 'o-expire-easy').place([{ skuId: 'tea-100g', quantity: 1 }])
      for (const id of [hard._id, easy._id]) {
        await t.db.collection('orders').doc(id).update({ data: { expiresAt: new Date(Date.now() - 60_000) } })
      }
      // One close and the query after it fail: once skipped, the order is not tried again this run.
      await fault('closeOrder', 'unavailable')
      await fault('queryOrder', 'unavailable')
      const started = Date.now()
      await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
      expect(Date.now() - started).toBeLessThan(10_000)
      expect((await stuck.order(hard._id)).status).toBe('pending_payment')
      expect((await t.db.collection('orders').doc(easy._id).get()).data.status).toBe('cancelled')
      await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
      expect((await stuck.order(hard._id)).status).toBe('cancelled')
    })

    it('auto-complete leaves orders in a refund alone and completes the rest', async () => {
      const { b: inRefund, order: refunding } = await paidOrder(t.cloud, 'o-auto-refunding')
      const { b: plain, order: normal } = await paidOrder(t.cloud, 'o-auto-plain')
      for (const id of [refunding._id, normal._id]) {
        await shipOrder(t.cloud, id, 'ZT0000000009', 'ZTO')
        await t.db.collection('orders').doc(id).update({ data: { 'shipment.shippedAt': new Date(Date.now() - 12 * 86_400_000) } })
      }
      await inRefund.call('order', 'requestRefund', { orderId: refunding._id, reason: '商品有破损' })
      await post(t.cloud, '/triggers/timers/autoCompleteOrders')
      expect((await plain.order(normal._id)).status).toBe('completed')
      expect((await inRefund.order(refunding._id)).status).toBe('shipped')
    })
  })
})
