import { describe, expect, it } from 'vitest'
import { DEFAULT_FIELD_KEYS } from '../../cloudfunctions/_shared/notifications/config'
import type { Order } from '../../src/core/order'
import {
  commissionAvailableNotification,
  fieldTypeOf,
  fitField,
  refundResultNotification,
  shippedNotification,
  templateData,
} from '../../src/core/subscribe-message'
import { notificationTexts } from '../../src/i18n/zh-CN'
// WeChat's own check, as the local cloud plays it: what the shop words and cuts must pass it.
import { fieldProblem } from '../../local-cloud/openapi/subscribe-message'

const at = new Date('2026-11-29T02:03:04Z')
const order = {
  _id: 'ord-1',
  orderNo: 'E20261129000001',
  buyerOpenid: 'o-buyer',
  lines: [
    { title: '明前龙井（特级）礼盒装 250 克 两罐 送礼佳品', quantity: 2 },
    { title: '白茶饼', quantity: 1 },
  ],
  shipment: { company: '顺丰速运', carrierId: 'SF', trackingNo: 'SF1234567890', shippedAt: at },
} as unknown as Order

describe('subscription message data, as WeChat takes it', () => {
  it('a key names its field type by its prefix; keys WeChat has no type for have none', () => {
    expect(fieldTypeOf('thing1')).toBe('thing')
    expect(fieldTypeOf('character_string12')).toBe('character_string')
    expect(fieldTypeOf('phone_number3')).toBe('phone_number')
    expect(fieldTypeOf('thing')).toBeNull()
    expect(fieldTypeOf('colour1')).toBeNull()
  })

  it('free text is cut behind an ellipsis, codes lose what they may not hold, and every cut value fits', () => {
    expect(fitField('thing2', '明前龙井（特级）礼盒装 250 克 两罐 送礼佳品')).toBe('明前龙井（特级）礼盒装 250 克 两…')
    expect([...fitField('thing2', '明前龙井（特级）礼盒装 250 克 两罐 送礼佳品')]).toHaveLength(20)
    expect(fitField('character_string1', '单号 SF 1234')).toBe('SF1234')
    expect(fitField('character_string1', 'X'.repeat(40))).toBe('X'.repeat(32))
    expect(fitField('name3', '欧阳'.repeat(6))).toBe('欧阳'.repeat(5))
    expect(fitField('thing2', '白茶饼')).toBe('白茶饼')
    for (const [key, value] of [['thing2', 'あ'.repeat(50)], ['character_string1', '订单 E2026 号'.repeat(9)], ['name3', 'x'.repeat(30)]]) {
      expect(fieldProblem(key, fitField(key, value))).toBeNull()
    }
  })

  it('data puts each worded field under its template key as { value }', () => {
    expect(templateData({ orderNo: 'E1', goods: '白茶饼', spare: 'x' }, { orderNo: 'character_string1', goods: 'thing2' })).toEqual({
      character_string1: { value: 'E1' },
      thing2: { value: '白茶饼' },
    })
  })
})

describe('the messages the shop sends', () => {
  it('order shipped: to the buyer, opening the order, with its number, goods, carrier, tracking number and time', () => {
    const message = shippedNotification(order)
    expect(message).toMatchObject({ kind: 'order_shipped', touser: 'o-buyer', page: 'package-orders/pages/detail/index?id=ord-1' })
    const data = templateData(notificationTexts(message), DEFAULT_FIELD_KEYS.order_shipped)
    expect(data).toEqual({
      character_string1: { value: 'E20261129000001' },
      thing2: { value: '明前龙井（特级）礼盒装 250 克 两…' },
      thing3: { value: '顺丰速运' },
      character_string4: { value: 'SF1234567890' },
      date5: { value: '2026年11月29日 10:03' },
    })
    expect(Object.entries(data).map(([key, { value }]) => fieldProblem(key, value))).toEqual([null, null, null, null, null])
    expect(notificationTexts(message).goods).toBe('明前龙井（特级）礼盒装 250 克 两罐 送礼佳品 等3件')
  })

  it('refund result: refunded with its amount and reason, or refused with HQ’s reason', () => {
    const refund = { status: 'refunded', amountFen: 12800, reason: '买错规格了', refundedAt: at, decidedAt: at }
    const refunded = refundResultNotification({ ...order, refund } as unknown as Order, new Date())
    expect(templateData(notificationTexts(refunded), DEFAULT_FIELD_KEYS.refund_result)).toEqual({
      character_string1: { value: 'E20261129000001' },
      amount2: { value: '¥128.00' },
      phrase3: { value: '退款成功' },
      thing4: { value: '买错规格了' },
      date5: { value: '2026年11月29日 10:03' },
    })
    const rejected = refundResultNotification({ ...order, refund: { ...refund, status: 'rejected', rejectReason: '已超过售后期', refundedAt: undefined } } as unknown as Order, new Date())
    expect(rejected.facts).toMatchObject({ outcome: 'rejected', reason: '已超过售后期', at })
    expect(notificationTexts(rejected)).toMatchObject({ outcome: '退款被拒', reason: '已超过售后期' })
  })

  it('commission available: to the shop owner, opening 我的佣金, with the amount and orders released', () => {
    const message = commissionAvailableNotification('o-emp', 2040, 2, at)
    expect(message).toMatchObject({ touser: 'o-emp', page: 'package-shop/pages/commission/index' })
    const data = templateData(notificationTexts(message), DEFAULT_FIELD_KEYS.commission_available)
    expect(data).toEqual({ amount1: { value: '¥20.40' }, number2: { value: '2' }, date3: { value: '2026年11月29日 10:03' }, thing4: { value: '佣金已可提现，点击查看' } })
    expect(Object.entries(data).every(([key, { value }]) => fieldProblem(key, value) === null)).toBe(true)
  })
})
