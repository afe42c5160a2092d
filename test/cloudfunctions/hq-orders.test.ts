import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hqOrdersContract } from '../../src/contracts/hq-orders'
import { inShanghai } from '../../src/core/time'
import { HQ, addHqAdmin, addHqMember, bindCustomer, employeeWithShop, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, paidOrder, post } from '../support/orders'
import { TEST_ADDRESS, addTestCatalog } from '../support/shop-fixtures'

const UPLOAD = 'wxa.sec.order.uploadShippingInfo'

describe('hq-orders function: HQ finds, ships and reports orders', () => {
  let t: TestCloud
  const log: string[] = []
  const desk = (action: string, payload: unknown = {}, openid = HQ) => callAs(t.cloud, openid, 'hq-orders', action, payload)
  const ids = (answer: any) => answer.data.items.map((o: any) => o._id)
  const reports = () => t.cloud.openapi.calls(UPLOAD)
  let shop: { _id: string; ownerOpenid: string }
  const orders: Record<string, any> = {}

  beforeAll(async () => {
    t = await startTestCloud({ log: (line) => log.push(line) })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
    shop = await employeeWithShop(t.cloud, 'E801', 'o-emp-fang', '王芳')
    await bindCustomer(t.db, 'o-f-shop', shop)
    orders.paid = (await paidOrder(t.cloud, 'o-f-paid')).order
    const refunding = await paidOrder(t.cloud, 'o-f-refund')
    await refunding.b.call('order', 'requestRefund', { orderId: refunding.order._id, reason: '买错了' })
    orders.refunding = refunding.order
    orders.unpaid = (await buyer(t.cloud, 'o-f-unpaid').place([{ skuId: 'tea-100g', quantity: 1 }])).data
    orders.shop = (await paidOrder(t.cloud, 'o-f-shop')).order
    expect(orders.shop.attribution).toMatchObject({ shopId: shop._id })
  })
  afterAll(() => t.close())

  describe('filters', () => {
    it('by status or queue, newest first; 全部 is every order', async () => {
      expect(ids(await desk('listOrders', { status: 'paid' }))).toEqual([orders.shop._id, orders.refunding._id, orders.paid._id])
      expect(ids(await desk('listOrders', { status: 'refund_requested' }))).toEqual([orders.refunding._id])
      expect(ids(await desk('listOrders', { status: 'pending_payment' }))).toEqual([orders.unpaid._id])
      expect(ids(await desk('listOrders'))).toEqual([orders.shop._id, orders.unpaid._id, orders.refunding._id, orders.paid._id])
      expect(await desk('listOrders', { status: 'paid', pageSize: 2 })).toMatchObject({ data: { hasMore: true } })
      expect(ids(await desk('listOrders', { status: 'paid', pageSize: 2, page: 1 }))).toEqual([orders.paid._id])
    })

    it('by shop, alone or with a status', async () => {
      expect(ids(await desk('listOrders', { shopId: shop._id }))).toEqual([orders.shop._id])
      expect(ids(await desk('listOrders', { shopId: shop._id, status: 'paid' }))).toEqual([orders.shop._id])
      expect(ids(await desk('listOrders', { shopId: shop._id, status: 'shipped' }))).toEqual([])
    })

    it('by the Shanghai days they were placed on', async () => {
      const today = inShanghai(new Date()).format('YYYY-MM-DD')
      const yesterday = inShanghai(new Date(Date.now() - 86_400_000)).format('YYYY-MM-DD')
      expect(ids(await desk('listOrders', { fromDay: today, toDay: today }))).toHaveLength(4)
      expect(ids(await desk('listOrders', { toDay: yesterday }))).toEqual([])
      expect(ids(await desk('listOrders', { status: 'paid', shopId: shop._id, fromDay: today }))).toEqual([orders.shop._id])
      expect(await desk('listOrders', { fromDay: today, toDay: yesterday })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'toDay' }] } } })
      expect(await desk('listOrders', { fromDay: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    it('by order number or the receiver’s phone', async () => {
      expect(ids(await desk('listOrders', { search: orders.paid.orderNo }))).toEqual([orders.paid._id])
      expect(ids(await desk('listOrders', { search: orders.paid.orderNo, status: 'shipped' }))).toEqual([])
      expect(ids(await desk('listOrders', { search: TEST_ADDRESS.phone, status: 'paid' }))).toEqual([orders.shop._id, orders.refunding._id, orders.paid._id])
      expect(ids(await desk('listOrders', { search: '13900000000' }))).toEqual([])
      expect(await desk('listOrders', { search: 'DROP;' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    it('every combination of filters is served by an index, never a scan', async () => {
      const today = inShanghai(new Date()).format('YYYY-MM-DD')
      log.length = 0
      for (const status of ['all', 'paid', 'refund_requested', 'shipped']) {
        for (const shopId of [undefined, shop._id]) {
          for (const days of [{}, { fromDay: today }, { fromDay: today, toDay: today }]) {
            for (const search of [undefined, orders.paid.orderNo, TEST_ADDRESS.phone]) {
              expect((await desk('listOrders', { status, ...(shopId ? { shopId } : {}), ...days, ...(search ? { search } : {}) })).ok).toBe(true)
            }
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50)) // the last request's line is written after its answer
      const reads = log.filter((line) => line.includes('database.getDocument orders'))
      expect(reads.filter((line) => line.includes('scan'))).toEqual([])
      for (const index of ['orderNo_unique', 'address.phone_createdAt', 'attribution.shopId_', 'refundStatus_createdAt', 'status_createdAt']) {
        expect(reads.some((line) => line.includes(`(index ${index}`)), index).toBe(true)
      }
    })
  })

  describe('the order page: whose the order is, and why', () => {
    it('a shop\'s order comes with its chain: the binding that made the buyer the shop\'s, and the decision with its rule version', async () => {
      const { data } = await desk('getOrder', { orderId: orders.shop._id })
      expect(data.attribution).toMatchObject({ shopId: shop._id, shopName: '王芳的小店', ownerName: '王芳' })
      expect(data.chain).toMatchObject({
        // The test's binding names a share code no share record holds, and no visit was recorded.
        share: null,
        visit: null,
        binding: { kind: 'bind', reason: 'first_share', at: expect.any(String), expiresAt: expect.any(String) },
        attribution: { shopId: shop._id, reason: 'bound_customer', ruleVersion: 1, channel: 'chat', passedOver: [] },
      })
      // The chain names the decision, not the people behind it twice.
      expect(data.chain.attribution).not.toHaveProperty('ownerName')
    })

    it('HQ\'s own order: the decision alone, read from the order without looking for shares or visits', async () => {
      log.length = 0
      const { data } = await desk('getOrder', { orderId: orders.paid._id })
      expect(data.chain).toEqual({ share: null, visit: null, binding: null, attribution: expect.objectContaining({ shopId: null, reason: 'hq', ruleVersion: 1 }) })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(log.filter((line) => /getDocument (visits|binding_history|shares)/.test(line))).toEqual([])
    })
  })

  describe('shipping', () => {
    it('ships a batch: each order on its own, one bad order does not stop the others, and each shipment is reported to WeChat', async () => {
      const second = (await paidOrder(t.cloud, 'o-s-second')).order
      const before = reports().length
      const answer = await desk('shipOrders', {
        orders: [
          { orderId: orders.paid._id, carrierId: 'SF', trackingNo: 'SF1400000001' },
          { orderId: orders.refunding._id, carrierId: 'ZTO', trackingNo: 'ZT1400000002' },
          { orderId: 'no-such-order', carrierId: 'YTO', trackingNo: 'YT1400000003' },
          { orderId: second._id, carrierId: 'JTSD', trackingNo: 'JT1400000004' },
        ],
      })
      expect(answer.data.outcomes).toMatchObject([
        { orderId: orders.paid._id, ok: true, order: { status: 'shipped', shipment: { carrierId: 'SF', company: '顺丰速运', trackingNo: 'SF1400000001' }, shippingReport: { state: 'accepted', attempts: 1 } } },
        { orderId: orders.refunding._id, ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } },
        { orderId: 'no-such-order', ok: false, error: { code: 'ORDER_NOT_FOUND' } },
        { orderId: second._id, ok: true, order: { status: 'shipped', shipment: { company: '极兔速递' } } },
      ])

      // What WeChat received: by transaction id, one express parcel, the payer, an RFC 3339 Shanghai time.
      const sent = reports().slice(before)
      expect(sent).toHaveLength(2)
      const paid = await t.db.collection('orders').doc(orders.paid._id).get()
      expect(sent[0]).toMatchObject({ errcode: 0, caller: { openid: HQ } })
      expect(sent[0].params).toEqual({
        order_key: { order_number_type: 2, transaction_id: paid.data.payment.transactionId },
        logistics_type: 1,
        delivery_mode: 1,
        shipping_list: [{ tracking_no: 'SF1400000001', express_company: 'SF', item_desc: expect.stringMatching(/ ×1$/), contact: { receiver_contact: '138****8000' } }],
        upload_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/),
        payer: { openid: 'o-f-paid' },
      })
      expect((sent[1].params.shipping_list as object[])[0]).not.toHaveProperty('contact')

      // The buyer sees 已发货 with the carrier and number — and nothing of HQ's side of it.
      const seen = await buyer(t.cloud, 'o-f-paid').order(orders.paid._id)
      expect(seen).toMatchObject({ status: 'shipped', shipment: { company: '顺丰速运', trackingNo: 'SF1400000001' } })
      expect(seen).not.toHaveProperty('shippingReport')
      expect(JSON.stringify(seen)).not.toContain(HQ)

      // The audit entry holds each order of the batch before and after: its status, and the carrier and
      // number it shipped with; a refused order is unchanged, one that does not exist is null both times.
      const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-orders.shipOrders', 'payload.orders.orderId': second._id }).get()
      expect(audit).toMatchObject([{ actorOpenid: HQ, actorRole: 'hq_admin', ok: true }])
      const shipment = (carrierId: string, company: string, trackingNo: string) => ({ carrierId, company, trackingNo, shippedAt: expect.any(Date) })
      expect(audit[0].changes).toEqual([
        { collection: 'orders', id: orders.paid._id, before: { _id: orders.paid._id, status: 'paid' }, after: { _id: orders.paid._id, status: 'shipped', shipment: shipment('SF', '顺丰速运', 'SF1400000001') } },
        { collection: 'orders', id: orders.refunding._id, before: { _id: orders.refunding._id, status: 'paid' }, after: { _id: orders.refunding._id, status: 'paid' } },
        { collection: 'orders', id: 'no-such-order', before: null, after: null },
        { collection: 'orders', id: second._id, before: { _id: second._id, status: 'paid' }, after: { _id: second._id, status: 'shipped', shipment: shipment('JTSD', '极兔速递', 'JT1400000004') } },
      ])
      expect(audit[0]).not.toHaveProperty('change')
    })

    it('a report WeChat refuses stays pending and the timer job retries it, backed off, until accepted', async () => {
      const { order } = await paidOrder(t.cloud, 'o-s-retry')
      t.cloud.openapi.injectFault(UPLOAD, { errcode: -1, errmsg: 'system error' }, 2)
      const shipped = await shipOrder(t.cloud, order._id, 'YD1400000005', 'YD')
      expect(shipped.data).toMatchObject({ status: 'shipped', shippingReport: { state: 'pending', attempts: 1, lastError: { errcode: -1 } } })
      const firstRetryAt = new Date(shipped.data.shippingReport.nextAttemptAt)
      expect(firstRetryAt.getTime() - Date.now()).toBeGreaterThan(30_000)

      // Not due yet: nothing is sent.
      const before = reports().length
      expect(await post(t.cloud, '/triggers/timers/reportShipping')).toMatchObject({ result: { done: 0 } })
      expect(reports()).toHaveLength(before)
      // Due, refused again: the wait doubles.
      expect(await post(t.cloud, `/triggers/timers/reportShipping?time=${firstRetryAt.toISOString()}`)).toMatchObject({ result: { done: 0 } })
      const { data: again } = await t.db.collection('orders').doc(order._id).get()
      expect(again.shippingReport).toMatchObject({ state: 'pending', attempts: 2 })
      expect(new Date(again.shippingReport.nextAttemptAt).getTime() - firstRetryAt.getTime()).toBe(2 * 60_000)
      // Due again, accepted.
      expect(await post(t.cloud, `/triggers/timers/reportShipping?time=${again.shippingReport.nextAttemptAt.toISOString()}`)).toMatchObject({ result: { done: 1 } })
      const { data: accepted } = await t.db.collection('orders').doc(order._id).get()
      expect(accepted.shippingReport).toMatchObject({ state: 'accepted', attempts: 3 })
      expect(reports().slice(before).map((call) => call.errcode)).toEqual([-1, 0])
      expect((await desk('getOrder', { orderId: order._id })).data.shippingReport).toMatchObject({ state: 'accepted' })
    })

    it('only staff whose role covers orders may list or ship; every call, refused or invalid, is audited', async () => {
      await addHqMember(t.db, 'o-s-finance', 'hq_finance')
      const { order } = await paidOrder(t.cloud, 'o-s-role')
      const ship = { orders: [{ orderId: order._id, carrierId: 'SF', trackingNo: 'SF1400000006' }] }
      for (const openid of ['o-s-finance', 'o-s-stranger', 'o-emp-fang']) {
        expect(await desk('shipOrders', ship, openid)).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
        expect(await desk('listOrders', {}, openid)).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      }
      expect(await desk('shipOrders', { orders: [{ orderId: order._id, carrierId: 'NOPE', trackingNo: '!' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect((await buyer(t.cloud, 'o-s-role').order(order._id)).status).toBe('paid')
      const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-orders.shipOrders', 'payload.orders.orderId': order._id }).get()
      expect(audit.map((e: any) => [e.actorOpenid, e.ok ? 'ok' : e.error])).toEqual([
        ['o-s-finance', 'HQ_FORBIDDEN'],
        ['o-s-stranger', 'HQ_FORBIDDEN'],
        ['o-emp-fang', 'HQ_FORBIDDEN'],
        [HQ, 'INVALID_INPUT'],
      ])
    })
  })

  describe('roles: 运营 and the full admin run the order desk; 财务 and strangers are refused; every call is audited', () => {
    // Every allowed call names an order that does not exist (or changes nothing others rely on), so it
    // answers the use case's own refusal or success — never HQ_FORBIDDEN.
    const CALLERS = [
      { openid: 'o-desk-ops', role: 'hq_ops' },
      { openid: 'o-desk-finance', role: 'hq_finance' },
      { openid: 'o-desk-stranger', role: null },
    ] as const
    const ACTIONS: Array<[action: string, payload: unknown]> = [
      ['listOrders', {}],
      ['getOrder', { orderId: 'no-order' }],
      ['shipOrders', { orders: [{ orderId: 'no-order', carrierId: 'SF', trackingNo: 'SF1234567890' }] }],
      ['approveRefund', { orderId: 'no-order' }],
      ['startRefund', { orderId: 'no-order', reason: '商品破损' }],
      ['rejectRefund', { orderId: 'no-order', reason: '已发货' }],
      ['getReturnRules', {}],
      ['setReturnRules', { rules: 'not rules' }],
      ['approveReturn', { orderId: 'no-order' }],
      ['receiveReturn', { orderId: 'no-order' }],
      ['refuseReturn', { orderId: 'no-order', reason: '已拆封' }],
    ]

    beforeAll(async () => {
      for (const caller of CALLERS) if (caller.role) await addHqMember(t.db, caller.openid, caller.role)
    })

    it('the table covers every action of the contract', () => {
      expect(ACTIONS.map(([action]) => action).sort()).toEqual(Object.keys(hqOrdersContract.actions).sort())
    })

    for (const [action, payload] of ACTIONS) {
      it(`${action}: 运营 yes, 财务 and strangers no`, async () => {
        for (const caller of CALLERS) {
          const answer = await desk(action, payload, caller.openid)
          if (caller.role === 'hq_ops') expect(answer.ok ? 'ok' : answer.error.code).not.toBe('HQ_FORBIDDEN')
          else expect(answer).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
          const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: caller.openid, action: `hq-orders.${action}` }).get()
          expect(audit).toMatchObject([{ actorRole: caller.role, payload, ok: answer.ok }])
        }
      })
    }
  })
})
