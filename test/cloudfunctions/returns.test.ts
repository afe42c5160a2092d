import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HQ, addHqAdmin, addHqMember, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { paidOrder, post } from '../support/orders'
import { RETURN_ADDRESS, addTestCatalog } from '../support/shop-fixtures'

const DAY_MS = 86_400_000

/**
 * 退货退款 end to end through the functions: HQ's return address (a versioned HQ setting), kept on each
 * return HQ agrees to with its deadline; the timer closing returns whose goods never came; HQ refusing
 * a refund as the goods arrive.
 */
describe('returns: the return address, the deadline, and HQ refusing on receipt', () => {
  let t: TestCloud
  const desk = (action: string, payload: unknown = {}, openid = HQ) => callAs(t.cloud, openid, 'hq-orders', action, payload)
  const stored = async (orderId: string) => (await t.db.collection('orders').doc(orderId).get()).data
  const closeOverdue = (at: Date) => post(t.cloud, `/triggers/timers/closeOverdueReturns?time=${at.toISOString()}`)

  /** An order of `openid`'s, shipped, with a return of it asked for. */
  async function returnAsked(openid: string) {
    const { b, order } = await paidOrder(t.cloud, openid)
    expect((await shipOrder(t.cloud, order._id, 'SF2026113001')).ok).toBe(true)
    expect((await b.call('order', 'requestRefund', { orderId: order._id, reason: '质量问题', kind: 'return' })).ok).toBe(true)
    return { b, order }
  }

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 4 })
    await addHqAdmin(t.db)
    await addHqMember(t.db, 'o-r-ops', 'hq_ops')
    await addHqMember(t.db, 'o-r-finance', 'hq_finance')
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  it('no return is agreed to before HQ has said where the goods go: the order stays as asked', async () => {
    expect((await desk('getReturnRules')).data).toEqual({ version: 1, returnDays: 7, address: null })
    const { b, order } = await returnAsked('o-r-no-address')
    expect(await desk('approveReturn', { orderId: order._id })).toEqual({ ok: false, error: { code: 'RETURN_ADDRESS_MISSING' } })
    expect((await b.order(order._id)).refund.status).toBe('requested')
  })

  it('运营 and the full admin set the return address, each change a new version kept with who set it; 财务 and strangers may not; every call is audited', async () => {
    for (const openid of ['o-r-finance', 'o-r-stranger']) {
      expect(await desk('setReturnRules', { rules: { address: RETURN_ADDRESS } }, openid)).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    }
    expect(await desk('setReturnRules', { rules: { returnDays: 0, address: RETURN_ADDRESS } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await desk('setReturnRules', { rules: { address: { ...RETURN_ADDRESS, phone: '139 0013 9000' } } }, 'o-r-ops')).data).toEqual({ version: 2, returnDays: 7, address: RETURN_ADDRESS })
    const versions = (await t.db.collection('return_rules').get()).data.map((v: any) => [v._id, v.setByOpenid, v.rules.address?.name ?? null])
    expect(versions.sort()).toEqual([['1', null, null], ['2', 'o-r-ops', '王仓管']])

    const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-orders.setReturnRules' }).orderBy('at', 'asc').get()
    expect(audit.map((e: any) => [e.actorOpenid, e.ok ? 'ok' : e.error])).toEqual([
      ['o-r-finance', 'HQ_FORBIDDEN'],
      ['o-r-stranger', 'HQ_FORBIDDEN'],
      [HQ, 'INVALID_INPUT'],
      ['o-r-ops', 'ok'],
    ])
    expect(audit[3].change).toMatchObject({ collection: 'settings', id: 'returnRules', before: null, after: { rules: { version: 2 } } })
  })

  it('an agreed return keeps the address and deadline of the day: a later change of the rules moves neither', async () => {
    const { b, order } = await returnAsked('o-r-snapshot')
    const before = Date.now()
    const agreed = await desk('approveReturn', { orderId: order._id })
    expect(agreed.data.refund).toMatchObject({ status: 'awaiting_return', returnAddress: RETURN_ADDRESS })
    const dueAt = new Date(agreed.data.refund.returnDueAt).getTime()
    expect(dueAt - new Date(agreed.data.refund.decidedAt).getTime()).toBe(7 * DAY_MS)
    expect(dueAt).toBeGreaterThanOrEqual(before + 7 * DAY_MS)

    expect((await desk('setReturnRules', { rules: { returnDays: 3, address: { ...RETURN_ADDRESS, detail: '新仓库 1 号' } } })).data.version).toBe(3)
    const seen = await b.order(order._id)
    expect(seen.refund).toMatchObject({ returnAddress: RETURN_ADDRESS })
    expect(new Date(seen.refund.returnDueAt).getTime()).toBe(dueAt)
    expect(await desk('setReturnRules', { rules: { address: RETURN_ADDRESS } })).toMatchObject({ ok: true, data: { version: 4, returnDays: 7 } })
  })

  it('goods not sent by the deadline: the buyer can no longer send them, the timer closes the return once, and the order carries on as before', async () => {
    const { b, order } = await returnAsked('o-r-overdue')
    const agreed = await desk('approveReturn', { orderId: order._id })
    const dueAt = new Date(agreed.data.refund.returnDueAt)
    // Not yet due: the job leaves it (returns agreed to earlier in this file are due before it, and close).
    expect((await closeOverdue(new Date(dueAt.getTime() - 1000))).result.done).toBeGreaterThanOrEqual(0)
    expect((await stored(order._id)).refund.status).toBe('awaiting_return')

    // The deadline moved into the past, as time would.
    const past = new Date(Date.now() - 1000)
    await t.db.collection('orders').doc(order._id).update({ data: { 'refund.returnDueAt': past } })
    expect(await b.call('order', 'shipReturn', { orderId: order._id, carrierId: 'SF', trackingNo: 'SF1234567890' })).toMatchObject({ ok: false, error: { code: 'RETURN_OVERDUE' } })

    const now = new Date()
    expect(await closeOverdue(now)).toMatchObject({ result: { done: 1 } })
    expect(await closeOverdue(now)).toMatchObject({ result: { done: 0 } })
    const closed = await b.order(order._id)
    expect(closed).toMatchObject({ status: 'shipped', buyerStatus: 'shipped', refund: { status: 'closed' }, actions: ['confirmReceipt', 'requestRefund'] })
    expect(closed.timeline.filter((e: any) => e.event === 'closeReturn')).toEqual([expect.objectContaining({ actor: { kind: 'system' } })])
    // The order's own clock runs again: ten days after shipping it completes by itself.
    await t.db.collection('orders').doc(order._id).update({ data: { 'shipment.shippedAt': new Date(Date.now() - 11 * DAY_MS) } })
    expect(await post(t.cloud, '/triggers/timers/autoCompleteOrders')).toMatchObject({ result: { done: 1 } })
    expect((await b.order(order._id)).status).toBe('completed')
  })

  it('the buyer’s tracking number racing the close: exactly one of them wins', async () => {
    for (let i = 0; i < 3; i++) {
      const { b, order } = await returnAsked(`o-r-race-${i}`)
      await desk('approveReturn', { orderId: order._id })
      const due = new Date(Date.now() + 400)
      await t.db.collection('orders').doc(order._id).update({ data: { 'refund.returnDueAt': due } })
      await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now())))
      const [sent] = await Promise.all([b.call('order', 'shipReturn', { orderId: order._id, carrierId: 'SF', trackingNo: 'SF1234567890' }), closeOverdue(due)])
      const status = (await stored(order._id)).refund.status
      expect(status).toBe(sent.ok ? 'returning' : 'closed')
      if (!sent.ok) expect(['RETURN_OVERDUE', 'ORDER_ILLEGAL_TRANSITION']).toContain(sent.error.code)
    }
  })

  it('HQ refuses the refund as the goods arrive, with a reason the buyer reads; audited; the order is as before and the buyer may ask again', async () => {
    const { b, order } = await returnAsked('o-r-refuse')
    await desk('approveReturn', { orderId: order._id })
    // Not before the goods are on their way.
    expect(await desk('refuseReturn', { orderId: order._id, reason: '商品已拆封' })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
    const queued = async () => (await desk('listOrders', { status: 'refund_requested', pageSize: 100 })).data.items.map((o: any) => o._id)
    expect(await queued()).not.toContain(order._id)
    expect((await b.call('order', 'shipReturn', { orderId: order._id, carrierId: 'ZTO', trackingNo: 'ZT7300012345' })).ok).toBe(true)
    // Goods on their way back wait for HQ: 退款待处理 lists the order until HQ decides.
    expect(await queued()).toContain(order._id)
    expect(await desk('refuseReturn', { orderId: order._id, reason: '商品已拆封' }, 'o-r-finance')).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    expect(await desk('refuseReturn', { orderId: order._id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const refused = await desk('refuseReturn', { orderId: order._id, reason: '商品已拆封使用，不支持退货' }, 'o-r-ops')
    expect(refused.data).toMatchObject({ status: 'shipped', refund: { status: 'rejected', rejectReason: '商品已拆封使用，不支持退货' } })
    expect(refused.data.refund.returnShipment.receivedAt).toBeDefined()
    expect(await queued()).not.toContain(order._id)
    const seen = await b.order(order._id)
    expect(seen).toMatchObject({ buyerStatus: 'shipped', refund: { status: 'rejected', rejectReason: '商品已拆封使用，不支持退货' }, actions: ['confirmReceipt', 'requestRefund'] })
    expect(seen.timeline.at(-1)).toMatchObject({ event: 'refuseReturn', note: '商品已拆封使用，不支持退货', actor: { kind: 'hq' } })
    // Nothing was asked of WeChat Pay.
    expect((await t.sdk.cloudPay.queryRefund({ subMchId: '1900000109', outTradeNo: order.orderNo })).resultCode).not.toBe('SUCCESS')
    expect(await desk('receiveReturn', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })

    const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-orders.refuseReturn', 'payload.orderId': order._id }).orderBy('at', 'asc').get()
    expect(audit.map((e: any) => [e.actorOpenid, e.ok ? 'ok' : e.error])).toEqual([
      [HQ, 'ORDER_ILLEGAL_TRANSITION'],
      ['o-r-finance', 'HQ_FORBIDDEN'],
      [HQ, 'INVALID_INPUT'],
      ['o-r-ops', 'ok'],
    ])
    expect(audit[3].change).toMatchObject({ collection: 'orders', id: order._id, before: { refund: { status: 'returning' } }, after: { refund: { status: 'rejected' } } })

    const again = await b.call('order', 'requestRefund', { orderId: order._id, reason: '再次申请', kind: 'return' })
    expect(again.data.refund).toMatchObject({ status: 'requested', outRefundNo: `R${order.orderNo}2` })
    expect(again.data.previousRefunds.map((r: any) => r.status)).toEqual(['rejected'])
  })

  it('the order desk’s return actions are 运营’s and the full admin’s only', async () => {
    for (const action of ['getReturnRules', 'approveReturn', 'receiveReturn']) {
      expect(await desk(action, action === 'getReturnRules' ? {} : { orderId: 'no-order' }, 'o-r-finance')).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      expect(await desk(action, action === 'getReturnRules' ? {} : { orderId: 'no-order' }, 'o-r-ops')).not.toMatchObject({ error: { code: 'HQ_FORBIDDEN' } })
    }
  })
})
