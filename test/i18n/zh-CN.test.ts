import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/core/errors'
import { CODES_WITH_TEXT, errorText } from '../../src/i18n/zh-CN'

const CHINESE = /[\u4e00-\u9fa5]/

/** Context as the core and the functions send it, for the codes whose words use it. */
const SAMPLE_DETAILS: Record<string, Record<string, unknown>> = {
  ORDER_OUT_OF_STOCK: { skuId: 'tea-100g', title: '西湖龙井', stock: 0 },
  ORDER_PRODUCT_OFF_SHELF: { skuId: 'tea-100g', title: '西湖龙井' },
  ORDER_TOO_MANY_LINES: { max: 50 },
  ORDER_QUANTITY_TOO_LARGE: { skuId: 'tea-100g', max: 99 },
  ORDER_NOT_PAYABLE: { status: 'paid' },
  ORDER_ILLEGAL_TRANSITION: { event: 'cancel', status: 'shipped', refundStatus: null },
  CART_FULL: { max: 100 },
  CART_QUANTITY_TOO_LARGE: { max: 99 },
  ADDRESS_BOOK_FULL: { max: 20 },
}

describe('the zh-CN words of every code', () => {
  it('every code the core and the functions can answer has words', () => {
    expect(ERROR_CODES.filter((code) => !CODES_WITH_TEXT.includes(code))).toEqual([])
  })

  it('every text is Chinese and uses its context fully', () => {
    for (const code of CODES_WITH_TEXT) {
      const text = errorText(code, SAMPLE_DETAILS[code] ?? {})
      expect(text, code).toMatch(CHINESE)
      expect(text, code).not.toMatch(/undefined|null|\[object/)
    }
  })

  it('says which product ran out and how many may be bought', () => {
    expect(errorText('ORDER_OUT_OF_STOCK', { title: '西湖龙井', stock: 0 })).toBe('西湖龙井 库存不足')
    expect(errorText('ORDER_QUANTITY_TOO_LARGE', { max: 99 })).toBe('单件商品最多购买 99 件')
  })

  it('says why an order cannot make a move from the state it is in', () => {
    const refused = (event: string, status: string, refundStatus: string | null = null) =>
      errorText('ORDER_ILLEGAL_TRANSITION', { event, status, refundStatus })
    expect(refused('cancel', 'shipped')).toBe('订单待收货，不能取消')
    expect(refused('pay', 'paid')).toBe('订单已支付')
    expect(refused('pay', 'cancelled')).toBe('订单已取消，请重新下单')
    expect(refused('ship', 'paid', 'failed')).toBe('订单退款异常，请联系客服')
    expect(refused('confirmReceipt', 'paid', 'requested')).toBe('订单正在退款中')
    expect(refused('requestRefund', 'paid', 'refunded')).toBe('订单已退款')
  })

  it('a code this build does not know reads as a generic line, not as the code', () => {
    expect(errorText('SOMETHING_NEW')).toBe('出了点问题，请稍后重试')
  })
})
