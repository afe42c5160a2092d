import { describe, expect, it } from 'vitest'
import { afterAttempt, backoffMinutes, itemDescription, pendingReport, shippingInfoRequest } from '../../src/core/shipping'

const at = new Date('2026-11-29T02:03:04.005Z')
const lines: Array<{ title: string; specs: Record<string, string>; quantity: number }> = [
  { title: '明前龙井', specs: { 规格: '100g' }, quantity: 2 },
  { title: '白茶饼', specs: {}, quantity: 1 },
]
const shipped = {
  lines,
  address: { phone: '13800138000' },
  payment: { outTradeNo: '20261129100304000001', transactionId: '4200000001202611290000000001' },
  buyerOpenid: 'o-buyer',
  shipment: { trackingNo: 'SF1234567890', carrierId: 'SF' as const },
}

describe('the shipping report to WeChat (发货信息管理)', () => {
  it('names the payment by transaction id, one express parcel, the payer, and a Shanghai RFC 3339 time', () => {
    expect(shippingInfoRequest(shipped, '1900000109', at)).toEqual({
      orderKey: { orderNumberType: 2, transactionId: '4200000001202611290000000001' },
      logisticsType: 1,
      deliveryMode: 1,
      shippingList: [{ trackingNo: 'SF1234567890', expressCompany: 'SF', itemDesc: '明前龙井 100g ×2；白茶饼 ×1', contact: { receiverContact: '138****8000' } }],
      uploadTime: '2026-11-29T10:03:04.005+08:00',
      payer: { openid: 'o-buyer' },
    })
  })

  it('without a transaction id, by merchant number and out trade no; only 顺丰 carries a contact', () => {
    const request = shippingInfoRequest({ ...shipped, payment: { outTradeNo: 'N1' }, shipment: { trackingNo: 'ZT1', carrierId: 'ZTO' } }, '1900000109', at)
    expect(request?.orderKey).toEqual({ orderNumberType: 1, mchid: '1900000109', outTradeNo: 'N1' })
    expect(request?.shippingList[0]).not.toHaveProperty('contact')
  })

  it('nothing to report for an order shipped before carriers had WeChat ids', () => {
    expect(shippingInfoRequest({ ...shipped, shipment: { trackingNo: 'X1' } }, '1900000109', at)).toBeNull()
  })

  it('cuts the item description to WeChat’s 120 characters', () => {
    const text = itemDescription(Array.from({ length: 30 }, (_, i) => ({ title: `茶${i}`, specs: {}, quantity: 1 })))
    expect([...text]).toHaveLength(120)
    expect(text.endsWith('…')).toBe(true)
  })

  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [7, 60],
    [30, 60],
  ])('after %i failed attempts the next waits %i minutes', (attempts, minutes) => {
    expect(backoffMinutes(attempts)).toBe(minutes)
  })

  it('is first tried by whoever ships, and by the retry job only a minute on; a refusal backs off, acceptance ends it', () => {
    const pending = pendingReport(at)
    expect(pending).toEqual({ state: 'pending', attempts: 0, nextAttemptAt: new Date(at.getTime() + 60_000) })
    const refused = afterAttempt(pending, { accepted: false, errcode: -1, errmsg: 'system error' }, at)
    expect(refused).toEqual({ state: 'pending', attempts: 1, nextAttemptAt: new Date(at.getTime() + 60_000), lastError: { errcode: -1, errmsg: 'system error', at } })
    expect(afterAttempt(refused, { accepted: false, errcode: 0, errmsg: 'timeout' }, at).nextAttemptAt).toEqual(new Date(at.getTime() + 120_000))
    expect(afterAttempt(refused, { accepted: true }, at)).toEqual({ state: 'accepted', attempts: 2, acceptedAt: at })
  })
})
