import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/core/time'
import { addHqAdmin, bindCustomer, employeeWithShop, hq, hqOrders, shipOrder } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const SEND = 'subscribeMessage.send'

/**
 * Subscription messages through the functions and the local cloud's WeChat: a user accepts templates
 * (WeChat's prompt, then the shop records the answers), a move owes a message in its transaction, and
 * the sendNotifications job sends each one the user holds a subscription for — once.
 */
describe('subscription messages', () => {
  let t: TestCloud
  let templates: Record<string, string>
  const sent = (touser: string) => t.cloud.openapi.calls(SEND).filter((call) => call.params.touser === touser)
  const sendNotifications = (at = new Date()) => post(t.cloud, `/triggers/timers/sendNotifications?time=${at.toISOString()}`)
  const owed = async (touser: string) => (await t.db.collection('notifications').where({ touser }).get()).data

  /** The user taps 允许 in WeChat's prompt for these kinds, and the mini program tells the shop. */
  async function subscribe(openid: string, kinds: string[]) {
    const tmplIds = kinds.map((kind) => templates[kind])
    const response = await fetch(`${t.cloud.url}/dev/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify({ tmplIds }) })
    const answers = await response.json()
    expect(answers).toMatchObject({ errMsg: 'requestSubscribeMessage:ok' })
    return callAs(t.cloud, openid, 'user', 'recordSubscriptions', { answers: Object.fromEntries(tmplIds.map((id) => [id, answers[id]])) })
  }

  /**
   * An order paid as the mini program pays it: the cashier, then syncPayment, so a payment notification
   * slowed by a loaded machine does not leave it unpaid.
   */
  async function paidOrder(openid: string, quantity = 1) {
    const b = buyer(t.cloud, openid)
    const { data: order } = await b.place([{ skuId: 'tea-100g', quantity }])
    await b.pay(order._id)
    await b.call('order', 'syncPayment', { orderId: order._id })
    await eventually(() => b.order(order._id), (o) => o.status === 'paid', 20_000)
    return { b, order }
  }

  beforeAll(async () => {
    t = await startTestCloud({ pay: { refundDelayMs: 200 } })
    await addTestCatalog(t.db)
    await addHqAdmin(t.db)
    templates = (await callAs(t.cloud, undefined, 'user', 'subscriptionTemplates', {})).data
  })
  afterAll(() => t.close())

  it('the mini program is told the template ids to ask for, one per kind', () => {
    expect(templates).toEqual({ order_shipped: 'local-order-shipped', refund_result: 'local-refund-result', commission_available: 'local-commission-available' })
  })

  it('an accepted template counts one message; a refused one or an unknown id counts nothing', async () => {
    const answer = await callAs(t.cloud, 'o-n-count', 'user', 'recordSubscriptions', { answers: { [templates.order_shipped]: 'accept', [templates.refund_result]: 'reject', unknown: 'accept' } })
    expect(answer).toEqual({ ok: true, data: { order_shipped: 1, refund_result: 0, commission_available: 0 } })
    expect((await callAs(t.cloud, 'o-n-count', 'user', 'recordSubscriptions', { answers: { [templates.order_shipped]: 'accept' } })).data.order_shipped).toBe(2)
    expect(await callAs(t.cloud, undefined, 'user', 'recordSubscriptions', { answers: {} })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    const four = { a: 'accept', b: 'accept', c: 'accept', d: 'accept' }
    expect(await callAs(t.cloud, 'o-n-count', 'user', 'recordSubscriptions', { answers: four })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('HQ ships an order: the buyer who subscribed gets exactly one shipped message, with its fields and the order page', async () => {
    await subscribe('o-n-ship', ['order_shipped', 'refund_result'])
    const { order } = await paidOrder('o-n-ship')
    expect((await shipOrder(t.cloud, order._id, 'SF7000000001')).ok).toBe(true)
    expect(sent('o-n-ship')).toHaveLength(0)

    expect(await sendNotifications()).toMatchObject({ result: { done: 1 } })
    expect(await sendNotifications()).toMatchObject({ result: { done: 0 } })
    const [message] = sent('o-n-ship')
    expect(sent('o-n-ship')).toHaveLength(1)
    expect(message).toMatchObject({ errcode: 0, params: { template_id: templates.order_shipped, page: `package-orders/pages/detail/index?id=${order._id}`, miniprogram_state: 'formal' } })
    expect(message.params.data).toEqual({
      character_string1: { value: order.orderNo },
      thing2: { value: order.lines[0].title },
      thing3: { value: '顺丰速运' },
      character_string4: { value: 'SF7000000001' },
      date5: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
    })
    expect(await owed('o-n-ship')).toMatchObject([{ kind: 'order_shipped', state: 'sent', attempts: 1 }])
    const { data: held } = await t.db.collection('subscriptions').doc('o-n-ship').get()
    expect(held.remaining).toEqual({ order_shipped: 0, refund_result: 1, commission_available: 0 })
  })

  it('a buyer who never subscribed is sent nothing, and the shipment is as it would be', async () => {
    const { b, order } = await paidOrder('o-n-silent')
    await shipOrder(t.cloud, order._id, 'SF7000000002')
    await sendNotifications()
    expect(sent('o-n-silent')).toHaveLength(0)
    expect(await owed('o-n-silent')).toMatchObject([{ kind: 'order_shipped', state: 'unsubscribed' }])
    expect((await b.order(order._id)).status).toBe('shipped')
  })

  it('HQ refuses a refund: the buyer gets the refund result, refused, with HQ’s reason', async () => {
    await subscribe('o-n-refused', ['refund_result'])
    const { b, order } = await paidOrder('o-n-refused')
    await b.call('order', 'requestRefund', { orderId: order._id, reason: '不想要了' })
    expect((await hqOrders(t.cloud, 'rejectRefund', { orderId: order._id, reason: '已超过售后期' })).ok).toBe(true)
    await sendNotifications()
    expect(sent('o-n-refused').map((call) => call.params.data)).toEqual([
      {
        character_string1: { value: order.orderNo },
        amount2: { value: expect.stringMatching(/^¥\d+\.\d{2}$/) },
        phrase3: { value: '退款被拒' },
        thing4: { value: '已超过售后期' },
        date5: { value: expect.any(String) },
      },
    ])
  })

  it('a refund that went through: the buyer gets the refund result, refunded, with the amount', async () => {
    await subscribe('o-n-refunded', ['refund_result'])
    const { b, order } = await paidOrder('o-n-refunded')
    await b.call('order', 'requestRefund', { orderId: order._id, reason: '买错了' })
    await hqOrders(t.cloud, 'approveRefund', { orderId: order._id })
    await eventually(() => b.order(order._id), (o) => o.refund.status === 'refunded')
    await sendNotifications()
    expect(sent('o-n-refunded').map((call) => call.params.data)).toMatchObject([{ amount2: { value: `¥${(order.payableFen / 100).toFixed(2)}` }, phrase3: { value: '退款成功' }, thing4: { value: '买错了' } }])
  })

  it('WeChat refusing (43101: no subscription on its side) is recorded and not retried; the shipment stands', async () => {
    // The shop counted an acceptance WeChat does not hold (say, the user turned the template off since).
    await callAs(t.cloud, 'o-n-refuse', 'user', 'recordSubscriptions', { answers: { [templates.order_shipped]: 'accept' } })
    const { b, order } = await paidOrder('o-n-refuse')
    await shipOrder(t.cloud, order._id, 'SF7000000003')
    await sendNotifications()
    await sendNotifications(addDays(new Date(), 1))
    expect(sent('o-n-refuse').map((call) => call.errcode)).toEqual([43101])
    expect(await owed('o-n-refuse')).toMatchObject([{ state: 'failed', errcode: 43101, errmsg: expect.stringContaining('user refuse to accept the msg') }])
    expect((await b.order(order._id)).status).toBe('shipped')
  })

  it('WeChat busy: the message is sent again later, on the same subscription, and arrives once', async () => {
    await subscribe('o-n-busy', ['order_shipped'])
    const { order } = await paidOrder('o-n-busy')
    await shipOrder(t.cloud, order._id, 'SF7000000004')
    t.cloud.openapi.injectFault(SEND, { errcode: -1, errmsg: 'system error' })
    const now = new Date()
    await sendNotifications(now)
    expect(await owed('o-n-busy')).toMatchObject([{ state: 'sending', attempts: 1, errcode: -1 }])
    await sendNotifications(now)
    expect(sent('o-n-busy')).toHaveLength(1)
    await sendNotifications(new Date(now.getTime() + 3 * 60_000))
    expect(sent('o-n-busy').map((call) => call.errcode)).toEqual([-1, 0])
    expect(await owed('o-n-busy')).toMatchObject([{ state: 'sent', attempts: 2 }])
    expect(t.cloud.openapi.subscriptions.held('o-n-busy', templates.order_shipped)).toBe(0)
  })

  it('commission becoming withdrawable: the shop owner gets one message, opening 我的佣金', async () => {
    const shop = await employeeWithShop(t.cloud, 'E901', 'o-n-emp', '周敏')
    expect(await hq(t.cloud, 'setCommissionRules', { rules: { defaultRateBps: 1000 } })).toMatchObject({ ok: true })
    await subscribe('o-n-emp', ['commission_available'])
    await bindCustomer(t.db, 'o-n-friend', shop)
    const { b, order } = await paidOrder('o-n-friend', 2)
    await shipOrder(t.cloud, order._id, 'SF7000000005')
    await b.call('order', 'confirmReceipt', { orderId: order._id })
    const releasedAt = addDays(new Date(), 8)
    await post(t.cloud, `/triggers/timers/settleCommissions?time=${releasedAt.toISOString()}`)
    const { data: account } = await t.db.collection('commission_accounts').doc(shop._id).get()
    expect(account.totals.releasedNetFen).toBeGreaterThan(0)

    await sendNotifications(releasedAt)
    await sendNotifications(releasedAt)
    expect(sent('o-n-emp')).toHaveLength(1)
    expect(sent('o-n-emp')[0]).toMatchObject({
      errcode: 0,
      params: {
        template_id: templates.commission_available,
        page: 'package-shop/pages/commission/index',
        data: { amount1: { value: `¥${(account.totals.releasedNetFen / 100).toFixed(2)}` }, number2: { value: '1' }, thing4: { value: '佣金已可提现，点击查看' } },
      },
    })
  })
})
