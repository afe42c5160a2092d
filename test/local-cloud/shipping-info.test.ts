import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addHqAdmin } from '../support/employees'
import { TestCloud, startTestCloud } from '../support/local-cloud'
import { paidOrder, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

/** The error the SDK throws, as `{ errCode, errMsg }`; fails the test if the call was accepted. */
async function refusal(call: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  const error: any = await call.then(
    () => {
      throw new Error('the call was not refused')
    },
    (thrown) => thrown,
  )
  return { errCode: error.errCode, errMsg: error.errMsg }
}

describe('wxa.sec.order.uploadShippingInfo (发货信息管理) in the local cloud', () => {
  let t: TestCloud
  let payment: { transactionId: string; outTradeNo: string }
  const upload = (body: Record<string, unknown>) => t.sdk.openapi.wxa.sec.order.uploadShippingInfo(body)
  /** A well-formed report of the paid order, at `minute` past a fixed hour (each upload must be later). */
  const report = (minute: number, change: Record<string, unknown> = {}) => ({
    orderKey: { orderNumberType: 2, transactionId: payment.transactionId },
    logisticsType: 1,
    deliveryMode: 1,
    shippingList: [{ trackingNo: 'SF1234567890', expressCompany: 'SF', itemDesc: '西湖龙井 100g ×1', contact: { receiverContact: '138****8000' } }],
    uploadTime: `2026-11-29T10:${String(minute).padStart(2, '0')}:00+08:00`,
    payer: { openid: 'o-ship-buyer' },
    ...change,
  })

  beforeAll(async () => {
    t = await startTestCloud()
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
    const { order } = await paidOrder(t.cloud, 'o-ship-buyer')
    const { data } = await t.db.collection('orders').doc(order._id).get()
    payment = { transactionId: data.payment.transactionId, outTradeNo: data.payment.outTradeNo }
  })
  afterAll(() => t.close())

  it.each([
    ['a payment WeChat Pay does not have', { orderKey: { orderNumberType: 2, transactionId: '4200000000000000000000000000' } }, 10060001],
    ['a merchant number the payment is not under', { orderKey: { orderNumberType: 1, mchid: '1234567890', outTradeNo: 'x' } }, 10060001],
    ['no order key type', { orderKey: { transactionId: 'x' } }, 10060014],
    ['a logistics type WeChat does not have', { logisticsType: 9 }, 10060005],
    ['a delivery mode WeChat does not have', { deliveryMode: 3 }, 268485224],
    ['two parcels in a unified delivery', { shippingList: [1, 2].map((n) => ({ trackingNo: `ZT00000${n}`, expressCompany: 'ZTO', itemDesc: '茶' })) }, 268485228],
    ['no item description', { shippingList: [{ trackingNo: 'ZT000001', expressCompany: 'ZTO', itemDesc: '' }] }, 10060008],
    ['an item description over 120 characters', { shippingList: [{ trackingNo: 'ZT000001', expressCompany: 'ZTO', itemDesc: '茶'.repeat(121) }] }, 10060009],
    ['顺丰 without a contact', { shippingList: [{ trackingNo: 'SF000001', expressCompany: 'SF', itemDesc: '茶' }] }, 10060014],
    ['an upload time that is not RFC 3339', { uploadTime: '2026-11-29 10:00:00' }, 268485216],
    ['another payer', { payer: { openid: 'o-someone-else' } }, 10060031],
  ])('refuses %s, with WeChat’s errcode', async (_case, change, errcode) => {
    const { errCode, errMsg } = await refusal(upload(report(1, change)))
    expect(errCode).toBe(errcode)
    expect(errMsg).toMatch(/rid: /)
  })

  it('accepts a report by transaction id or by merchant number and out trade no, once and a re-shipment once, each later than the last', async () => {
    expect(await upload(report(10))).toMatchObject({ errCode: 0 })
    expect((await refusal(upload(report(5)))).errCode).toBe(10060014)
    const byTradeNo = report(20, { orderKey: { orderNumberType: 1, mchid: '1900000109', outTradeNo: payment.outTradeNo } })
    expect(await upload(byTradeNo)).toMatchObject({ errCode: 0 })
    expect((await refusal(upload(report(30)))).errCode).toBe(10060003)
  })

  it('records every report as WeChat received it, and fails the next calls when told to', async () => {
    const recorded = t.cloud.openapi.calls('wxa.sec.order.uploadShippingInfo')
    expect(recorded.at(-1)).toMatchObject({ errcode: 10060003, params: { payer: { openid: 'o-ship-buyer' }, shipping_list: [{ tracking_no: 'SF1234567890', express_company: 'SF' }] } })
    expect(await post(t.cloud, '/dev/openapi/faults', { apiName: 'wxa.sec.order.uploadShippingInfo', errcode: -1, errmsg: 'system error', count: 1 })).toEqual({ ok: true })
    expect((await refusal(upload(report(40)))).errCode).toBe(-1)
    expect(await post(t.cloud, '/dev/openapi/faults', { apiName: 'wxa.sec.order.uploadShippingInfo', errcode: 0, errmsg: '' })).toMatchObject({ ok: false })
  })
})
