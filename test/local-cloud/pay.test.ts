import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, startTestCloud } from '../support/local-cloud'

const FUNCTIONS = path.join(__dirname, '../fixtures/cloudfunctions')
const SCHEMA = path.join(__dirname, '../fixtures/schema.json')
const APP_ID = 'wxlocal0000000000'
const SUB_MCH_ID = '1900000109'
const BUYER = 'o-buyer-1'

let orderCounter = 0
const newOutTradeNo = () => `T${process.pid}x${Date.now()}x${++orderCounter}`

describe('WeChat Pay in the local cloud', () => {
  let t: TestCloud
  const log: string[] = []
  beforeAll(async () => {
    t = await startTestCloud({
      functionsRoot: FUNCTIONS,
      schemaFile: SCHEMA,
      pay: { retryDelaysMs: [50, 250], refundDelayMs: 20 },
      log: (line) => log.push(line),
    })
  })
  afterAll(() => t.close())

  /** Runs `cloud.cloudPay[op]` inside the payfixture function, called by the buyer from the mini program. */
  const cloudPay = async (op: string, params: Record<string, unknown>, openid = BUYER) => {
    const response = await fetch(`${t.cloud.url}/functions/payfixture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ op, ...params }),
    })
    const body = (await response.json()) as { result?: any; errMsg?: string }
    if (!body.result) throw new Error(`payfixture ${op}: ${body.errMsg}`)
    return body.result
  }

  const placeOrder = (outTradeNo: string, totalFee = 1280, extra: Record<string, unknown> = {}) =>
    cloudPay('unifiedOrder', {
      body: '云岭茶舍-普洱',
      outTradeNo,
      spbillCreateIp: '127.0.0.1',
      subMchId: SUB_MCH_ID,
      totalFee,
      envId: 'local',
      functionName: 'paycallback-fixture',
      nonceStr: 'n0nce',
      tradeType: 'JSAPI',
      ...extra,
    })

  const dev = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(`${t.cloud.url}${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as any }
  }

  const notifications = async (outTradeNo: string, kind: 'payment' | 'refund') =>
    (await t.db.collection('pay_notifications').where({ outTradeNo, kind }).orderBy('at', 'asc').get()).data

  const waitForNotifications = async (outTradeNo: string, kind: 'payment' | 'refund', count: number) => {
    const deadline = Date.now() + 5_000
    for (;;) {
      const found = await notifications(outTradeNo, kind)
      if (found.length >= count || Date.now() > deadline) return found
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  const paidOrder = async (totalFee = 1280) => {
    const outTradeNo = newOutTradeNo()
    const placed = await placeOrder(outTradeNo, totalFee)
    expect((await dev('POST', '/dev/cashier/pay', { package: placed.payment.package })).status).toBe(200)
    const [notification] = await waitForNotifications(outTradeNo, 'payment', 1)
    return { outTradeNo, placed, transactionId: notification.event.transactionId as string }
  }

  it('unifiedOrder answers the signed parameters wx.requestPayment takes', async () => {
    const result = await placeOrder(newOutTradeNo())
    expect(result).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      subMchId: SUB_MCH_ID,
      tradeType: 'JSAPI',
      errCode: 0,
      errMsg: 'cloudPay.unifiedOrder:ok',
    })
    expect(result.payment).toEqual({
      appId: APP_ID,
      timeStamp: expect.stringMatching(/^\d{10}$/),
      nonceStr: expect.stringMatching(/^\w{1,32}$/),
      package: `prepay_id=${result.prepayId}`,
      signType: 'MD5',
      paySign: expect.stringMatching(/^[0-9A-F]{32}$/),
    })
  })

  it('the cashier shows the order, pays it, and the callback gets the notification once, as wx_paycallback', async () => {
    const outTradeNo = newOutTradeNo()
    const { payment } = await placeOrder(outTradeNo, 2560, { attach: 'order-42' })
    const shown = await dev('GET', `/dev/cashier/order?package=${encodeURIComponent(payment.package)}`)
    expect(shown).toEqual({ status: 200, body: { outTradeNo, totalFee: 2560, body: '云岭茶舍-普洱', state: 'NOTPAY' } })

    expect(await dev('POST', '/dev/cashier/pay', { package: payment.package })).toEqual({ status: 200, body: { ok: true } })
    const received = await waitForNotifications(outTradeNo, 'payment', 1)
    await new Promise((r) => setTimeout(r, 100))
    expect(await notifications(outTradeNo, 'payment')).toHaveLength(1)
    const [{ event, context, answer }] = received
    expect(context).toMatchObject({ OPENID: BUYER, APPID: APP_ID, SOURCE: 'wx_paycallback' })
    expect(event).toEqual({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      appid: APP_ID,
      mchId: expect.any(String),
      subAppid: APP_ID,
      subMchId: SUB_MCH_ID,
      nonceStr: expect.any(String),
      openid: expect.not.stringMatching(BUYER),
      isSubscribe: 'N',
      subOpenid: BUYER,
      subIsSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: 2560,
      feeType: 'CNY',
      cashFee: 2560,
      transactionId: expect.stringMatching(/^\d{28}$/),
      outTradeNo,
      attach: 'order-42',
      timeEnd: expect.stringMatching(/^\d{14}$/),
    })
    expect(answer).toEqual({ errcode: 0, errmsg: 'OK' })

    const query = await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })
    expect(query).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      tradeState: 'SUCCESS',
      transactionId: event.transactionId,
      totalFee: 2560,
      cashFee: 2560,
      timeEnd: event.timeEnd,
      openid: event.openid,
      subOpenid: BUYER,
      attach: 'order-42',
      errMsg: 'cloudPay.queryOrder:ok',
    })
    const byTransaction = await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, transactionId: event.transactionId, nonceStr: 'q' })
    expect(byTransaction.outTradeNo).toBe(outTradeNo)
    expect((await dev('POST', '/dev/cashier/pay', { package: payment.package })).status).toBe(409)
  })

  it('redeliver sends the same payment notification again and answers what the callback returned', async () => {
    const { outTradeNo, transactionId } = await paidOrder()
    const again = await dev('POST', '/dev/pay/redeliver', { outTradeNo })
    expect(again).toEqual({ status: 200, body: { acknowledged: true, answer: { errcode: 0, errmsg: 'OK' } } })
    const received = await notifications(outTradeNo, 'payment')
    expect(received).toHaveLength(2)
    expect(received.map((n: any) => n.event.transactionId)).toEqual([transactionId, transactionId])

    const unpaid = newOutTradeNo()
    await placeOrder(unpaid)
    expect((await dev('POST', '/dev/pay/redeliver', { outTradeNo: unpaid })).status).toBe(409)
    expect((await dev('POST', '/dev/pay/redeliver', { outTradeNo: 'nosuchorder' })).status).toBe(404)
  })

  it('closeOrder closes an unpaid order, which the cashier then refuses to pay', async () => {
    const outTradeNo = newOutTradeNo()
    const { payment } = await placeOrder(outTradeNo)
    const closed = await cloudPay('closeOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'c' })
    expect(closed).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', errMsg: 'cloudPay.closeOrder:ok' })
    expect((await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })).tradeState).toBe('CLOSED')
    expect(await dev('POST', '/dev/cashier/pay', { package: payment.package })).toEqual({
      status: 409,
      body: { ok: false, errMsg: '该订单已关闭' },
    })
    expect(await placeOrder(outTradeNo)).toMatchObject({ resultCode: 'FAIL', errCodeDes: '该订单已关闭' })
    expect(await cloudPay('closeOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'c' })).toMatchObject({
      resultCode: 'FAIL',
      errCodeDes: '订单已关闭，无需继续调用',
    })
  })

  it('closeOrder on a paid order fails with ORDERPAID, which the SDK shows in errCodeDes (errCode is always 0)', async () => {
    const { outTradeNo } = await paidOrder()
    const closed = await cloudPay('closeOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'c' })
    expect(closed).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 0, errCodeDes: '订单已支付，不能发起关单' })
    expect((await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })).tradeState).toBe('SUCCESS')
  })

  it('the cashier cancel leaves the order unpaid', async () => {
    const outTradeNo = newOutTradeNo()
    const { payment } = await placeOrder(outTradeNo)
    expect(await dev('POST', '/dev/cashier/cancel', { package: payment.package })).toEqual({ status: 200, body: { ok: true } })
    expect((await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })).tradeState).toBe('NOTPAY')
    expect((await dev('POST', '/dev/cashier/cancel', { package: 'prepay_id=wxnothing' })).status).toBe(404)
    expect((await dev('POST', '/dev/cashier/pay', {})).status).toBe(400)
  })

  it('refund answers at once, then the refund succeeds and its notification reaches the refund callback', async () => {
    const { outTradeNo, transactionId } = await paidOrder(1000)
    const refundParams = {
      subMchId: SUB_MCH_ID,
      outTradeNo,
      outRefundNo: `R${outTradeNo}`,
      totalFee: 1000,
      refundFee: 400,
      envId: 'local',
      functionName: 'paycallback-fixture',
      nonceStr: 'r',
    }
    const refund = await cloudPay('refund', refundParams)
    expect(refund).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      transactionId,
      outTradeNo,
      outRefundNo: `R${outTradeNo}`,
      refundId: expect.stringMatching(/^\d{29}$/),
      refundFee: 400,
      totalFee: 1000,
      cashRefundFee: 400,
      errMsg: 'cloudPay.refund:ok',
    })
    const [{ event, context }] = await waitForNotifications(outTradeNo, 'refund', 1)
    expect(context).toMatchObject({ OPENID: BUYER, SOURCE: 'wx_paycallback' })
    expect(event).toMatchObject({
      returnCode: 'SUCCESS',
      appid: APP_ID,
      subMchId: SUB_MCH_ID,
      transactionId,
      outTradeNo,
      refundId: refund.refundId,
      outRefundNo: `R${outTradeNo}`,
      totalFee: 1000,
      refundFee: 400,
      settlementRefundFee: 400,
      refundStatus: 'SUCCESS',
      successTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      refundRecvAccout: '支付用户零钱',
    })
    expect((await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })).tradeState).toBe('REFUND')

    // The same out_refund_no is the same refund: no second refund, no second notification.
    expect((await cloudPay('refund', refundParams)).refundId).toBe(refund.refundId)
    await new Promise((r) => setTimeout(r, 100))
    expect(await notifications(outTradeNo, 'refund')).toHaveLength(1)

    const queried = await cloudPay('queryRefund', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'qr' })
    expect(queried).toMatchObject({
      resultCode: 'SUCCESS',
      refundCount: 1,
      outRefundNoList: [`R${outTradeNo}`],
      refundIdList: [refund.refundId],
      refundFeeList: [400],
      refundStatusList: ['SUCCESS'],
      errMsg: 'cloudPay.queryRefund:ok',
    })
  })

  it('an injected refund fault makes the next refund end in CHANGE or REFUNDCLOSE, with the notification WeChat sends', async () => {
    for (const [fault, status] of [['refund_change', 'CHANGE'], ['refund_closed', 'REFUNDCLOSE']] as const) {
      const { outTradeNo } = await paidOrder(1000)
      const params = { subMchId: SUB_MCH_ID, outTradeNo, outRefundNo: `R${outTradeNo}`, totalFee: 1000, refundFee: 1000, envId: 'local', functionName: 'paycallback-fixture', nonceStr: 'r' }
      expect(await dev('POST', '/dev/pay/faults', { apiName: 'refund', fault })).toEqual({ status: 200, body: { ok: true } })
      // Accepted like any refund: how it ends is known only later.
      expect(await cloudPay('refund', params)).toMatchObject({ resultCode: 'SUCCESS', outRefundNo: `R${outTradeNo}` })
      const [{ event }] = await waitForNotifications(outTradeNo, 'refund', 1)
      expect(event).toMatchObject({ outRefundNo: `R${outTradeNo}`, refundFee: 1000, refundStatus: status })
      expect(event).not.toHaveProperty('successTime')
      expect(await cloudPay('queryRefund', { subMchId: SUB_MCH_ID, outRefundNo: `R${outTradeNo}`, nonceStr: 'qr' })).toMatchObject({
        outRefundNoList: [`R${outTradeNo}`],
        refundStatusList: [status],
        refundSuccessTimeList: [''],
      })
      // 转入退款 stays the payment's state whatever became of the refund.
      expect((await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })).tradeState).toBe('REFUND')
    }
  })

  it('refund_processing leaves the refund PROCESSING, with no notification; refund faults are for refund only', async () => {
    const { outTradeNo } = await paidOrder(1000)
    await dev('POST', '/dev/pay/faults', { apiName: 'refund', fault: 'refund_processing' })
    const refund = { subMchId: SUB_MCH_ID, outTradeNo, outRefundNo: `R${outTradeNo}`, totalFee: 1000, refundFee: 300, envId: 'local', functionName: 'paycallback-fixture', nonceStr: 'r' }
    expect(await cloudPay('refund', refund)).toMatchObject({ resultCode: 'SUCCESS' })
    await new Promise((r) => setTimeout(r, 200))
    expect(await notifications(outTradeNo, 'refund')).toHaveLength(0)
    expect((await cloudPay('queryRefund', { subMchId: SUB_MCH_ID, outRefundNo: `R${outTradeNo}`, nonceStr: 'qr' })).refundStatusList).toEqual(['PROCESSING'])
    expect((await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo, nonceStr: 'q' })).tradeState).toBe('REFUND')
    // The fault was used up: the next refund succeeds as usual.
    expect(await cloudPay('refund', { ...refund, outRefundNo: `S${outTradeNo}` })).toMatchObject({ resultCode: 'SUCCESS' })
    const [{ event }] = await waitForNotifications(outTradeNo, 'refund', 1)
    expect(event).toMatchObject({ outRefundNo: `S${outTradeNo}`, refundStatus: 'SUCCESS' })

    expect((await dev('POST', '/dev/pay/faults', { apiName: 'queryOrder', fault: 'refund_change' })).status).toBe(400)
    expect((await dev('POST', '/dev/pay/faults', { apiName: 'refund', fault: 'refund_lost' })).status).toBe(400)
    expect((await cloudPay('queryRefund', { subMchId: SUB_MCH_ID, outRefundNo: 'Rnosuchrefund', nonceStr: 'qr' }))).toMatchObject({ resultCode: 'FAIL', errCodeDes: '退款订单查询失败' })
  })

  it('refuses to refund more than was paid and left to refund', async () => {
    const { outTradeNo } = await paidOrder(1000)
    const refund = (outRefundNo: string, refundFee: number, totalFee = 1000) =>
      cloudPay('refund', { subMchId: SUB_MCH_ID, outTradeNo, outRefundNo, totalFee, refundFee, envId: 'local', functionName: 'paycallback-fixture', nonceStr: 'r' })

    expect(await refund(`A${outTradeNo}`, 1001)).toMatchObject({ returnCode: 'FAIL', returnMsg: 'invalid refund_fee' })
    expect(await refund(`A${outTradeNo}`, 600)).toMatchObject({ resultCode: 'SUCCESS' })
    expect(await refund(`B${outTradeNo}`, 500)).toMatchObject({ resultCode: 'FAIL', errCodeDes: 'refund_fee大于可退金额' })
    expect(await refund(`A${outTradeNo}`, 500)).toMatchObject({ resultCode: 'FAIL', errCodeDes: expect.stringMatching(/不一致/) })
    expect(await refund(`B${outTradeNo}`, 400, 2000)).toMatchObject({ resultCode: 'FAIL', errCodeDes: expect.stringMatching(/不一致/) })
    expect(await refund(`B${outTradeNo}`, 400)).toMatchObject({ resultCode: 'SUCCESS' })
    expect(await refund(`C${outTradeNo}`, 1)).toMatchObject({ resultCode: 'FAIL', errCodeDes: '订单已全额退款' })

    const unpaid = newOutTradeNo()
    await placeOrder(unpaid)
    expect(
      await cloudPay('refund', { subMchId: SUB_MCH_ID, outTradeNo: unpaid, outRefundNo: `R${unpaid}`, totalFee: 1280, refundFee: 1, envId: 'local', functionName: 'paycallback-fixture', nonceStr: 'r' }),
    ).toMatchObject({ resultCode: 'FAIL', errCodeDes: '订单状态错误' })
  })

  it('an out_trade_no placed again gives the same prepay_id, but not with another amount, nor once paid', async () => {
    const outTradeNo = newOutTradeNo()
    const first = await placeOrder(outTradeNo, 1280)
    expect((await placeOrder(outTradeNo, 1280)).prepayId).toBe(first.prepayId)
    expect(await placeOrder(outTradeNo, 1)).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '商户订单号重复' })

    const { outTradeNo: paid } = await paidOrder(1280)
    expect(await placeOrder(paid, 999)).toMatchObject({ resultCode: 'FAIL', errCodeDes: '该订单已支付' })
  })

  it('rejects bad parameters as WeChat Pay does, and unknown cloudPay APIs as a cloud error', async () => {
    expect(await placeOrder(newOutTradeNo(), 12.5)).toMatchObject({ returnCode: 'FAIL', returnMsg: 'invalid total_fee' })
    expect(await placeOrder('T12', 100)).toMatchObject({ returnCode: 'FAIL', returnMsg: 'invalid out_trade_no' })
    expect(await placeOrder(newOutTradeNo(), 100, { functionName: undefined })).toMatchObject({
      returnCode: 'FAIL',
      returnMsg: '缺少参数function_name',
    })
    expect(await cloudPay('queryOrder', { subMchId: SUB_MCH_ID, outTradeNo: 'nosuchorder', nonceStr: 'q' })).toMatchObject({
      resultCode: 'FAIL',
      errCodeDes: '订单不存在',
    })
    const thrown = await t.sdk.cloudPay.downloadBill({ subMchId: SUB_MCH_ID }).catch((e: any) => e)
    expect(thrown.errCode).toBe(-501007)
    expect(thrown.errMsg).toMatch(/^cloudPay\.downloadBill:fail .*not supported by the local cloud/)
  })

  it('a script outside any function must name the payer', async () => {
    const params = { body: 'x', outTradeNo: newOutTradeNo(), spbillCreateIp: '127.0.0.1', subMchId: SUB_MCH_ID, totalFee: 1, envId: 'local', functionName: 'paycallback-fixture' }
    expect(await t.sdk.cloudPay.unifiedOrder(params)).toMatchObject({ returnCode: 'FAIL' })
    expect(await t.sdk.cloudPay.unifiedOrder({ ...params, subOpenid: BUYER })).toMatchObject({ resultCode: 'SUCCESS' })
  })

  it('delivers again, with backoff, a notification the callback does not acknowledge', async () => {
    const outTradeNo = newOutTradeNo()
    const { payment } = await placeOrder(outTradeNo, 1280, { attach: 'fail:2' })
    await dev('POST', '/dev/cashier/pay', { package: payment.package })
    const received = await waitForNotifications(outTradeNo, 'payment', 3)
    expect(received.map((n: any) => n.answer.errcode)).toEqual([1, 1, 0])
    const gaps = received.slice(1).map((n: any, i: number) => n.at.getTime() - received[i].at.getTime())
    expect(gaps[0]).toBeGreaterThanOrEqual(50)
    expect(gaps[1]).toBeGreaterThanOrEqual(250)
    expect(log.filter((l) => l.includes(`payment notification for ${outTradeNo}`) && l.includes('delivering again'))).toHaveLength(2)

    // A callback that never acknowledges is given up after the configured retries.
    const stubborn = newOutTradeNo()
    const placed = await placeOrder(stubborn, 1280, { attach: 'fail:99' })
    await dev('POST', '/dev/cashier/pay', { package: placed.payment.package })
    await waitForNotifications(stubborn, 'payment', 3)
    await new Promise((r) => setTimeout(r, 400))
    expect(await notifications(stubborn, 'payment')).toHaveLength(3)
    expect(log.some((l) => l.includes(`payment notification for ${stubborn}`) && l.includes('giving up after 3 attempts'))).toBe(true)
  })
})

describe('WeChat Pay across restarts', () => {
  it('keeps payment orders in the store, and finishes a refund that was processing', async () => {
    const options = { functionsRoot: FUNCTIONS, schemaFile: SCHEMA }
    const order = (outTradeNo: string) => ({
      body: '茶',
      outTradeNo,
      spbillCreateIp: '127.0.0.1',
      subMchId: SUB_MCH_ID,
      totalFee: 300,
      envId: 'local',
      functionName: 'paycallback-fixture',
      subOpenid: BUYER,
    })
    const pay = (url: string, pkg: string) =>
      fetch(`${url}/dev/cashier/pay`, { method: 'POST', body: JSON.stringify({ package: pkg }) })

    const first = await startTestCloud({ ...options, pay: { refundDelayMs: 60_000 } })
    const unpaid = newOutTradeNo()
    const placed = await first.sdk.cloudPay.unifiedOrder(order(unpaid))
    const refunded = newOutTradeNo()
    await pay(first.cloud.url, (await first.sdk.cloudPay.unifiedOrder(order(refunded))).payment.package)
    const refund = await first.sdk.cloudPay.refund({
      subMchId: SUB_MCH_ID,
      outTradeNo: refunded,
      outRefundNo: `R${refunded}`,
      totalFee: 300,
      refundFee: 300,
      envId: 'local',
      functionName: 'paycallback-fixture',
    })
    expect(refund.resultCode).toBe('SUCCESS')
    await first.close()

    const second = await startTestCloud({ ...options, dataDir: first.dataDir, pay: { refundDelayMs: 20 } })
    try {
      const shown = await fetch(`${second.cloud.url}/dev/cashier/order?package=${encodeURIComponent(placed.payment.package)}`)
      expect(await shown.json()).toMatchObject({ outTradeNo: unpaid, totalFee: 300, state: 'NOTPAY' })
      expect((await pay(second.cloud.url, placed.payment.package)).status).toBe(200)
      expect(await second.sdk.cloudPay.queryOrder({ subMchId: SUB_MCH_ID, outTradeNo: unpaid })).toMatchObject({
        tradeState: 'SUCCESS',
        totalFee: 300,
        transactionId: expect.stringMatching(/^\d{28}$/),
      })

      expect(await second.sdk.cloudPay.queryOrder({ subMchId: SUB_MCH_ID, outTradeNo: refunded })).toMatchObject({ tradeState: 'REFUND' })
      const deadline = Date.now() + 5_000
      let notified: any[] = []
      while (!notified.length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20))
        notified = (await second.db.collection('pay_notifications').where({ outTradeNo: refunded, kind: 'refund' }).get()).data
      }
      expect(notified).toHaveLength(1)
      expect(notified[0].event).toMatchObject({ refundId: refund.refundId, refundStatus: 'SUCCESS' })
      const queried = await second.sdk.cloudPay.queryRefund({ subMchId: SUB_MCH_ID, outRefundNo: `R${refunded}` })
      expect(queried.refundStatusList).toEqual(['SUCCESS'])
    } finally {
      await second.close()
    }
  })
})
