import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ADDRESS_FIELD_PROBLEMS, addressInput } from '../../src/core/address'
import { ERROR_CODES } from '../../src/core/errors'
import { ORDER_TABS } from '../../src/core/order'
import {
  CODES_WITH_TEXT,
  addressFieldText,
  buyerActionText,
  buyerStatusText,
  errorText,
  orderEventText,
  orderTabText,
  priceRangeText,
  refundStatusText,
  roleText,
  unavailableNote,
  unavailableText,
} from '../../src/i18n/zh-CN'

const CHINESE = /[\u4e00-\u9fa5]/

/** Context as the core and the functions send it, for the codes whose words use it. */
const SAMPLE_DETAILS: Record<string, Record<string, unknown>> = {
  ORDER_OUT_OF_STOCK: { skuId: 'tea-100g', title: '西湖龙井', stock: 0 },
  ORDER_PRODUCT_OFF_SHELF: { skuId: 'tea-100g', title: '西湖龙井' },
  ORDER_TOO_MANY_LINES: { max: 50 },
  ORDER_UNPAID_LIMIT: { max: 5 },
  ORDER_QUANTITY_TOO_LARGE: { skuId: 'tea-100g', max: 99 },
  CAMPAIGN_TOO_LARGE: { max: 300 },
  CAMPAIGN_PRICE_ABOVE_LIST: { skuId: 'tea-100g', listPriceFen: 6800 },
  ORDER_NOT_PAYABLE: { status: 'paid' },
  ORDER_ILLEGAL_TRANSITION: { event: 'cancel', status: 'shipped', refundStatus: null },
  CART_FULL: { max: 100 },
  FAVORITES_FULL: { max: 200 },
  CART_QUANTITY_TOO_LARGE: { max: 99 },
  ADDRESS_BOOK_FULL: { max: 20 },
  REFUND_AMOUNT_INVALID: { maxFen: 6800 },
  REFUND_LIMIT_REACHED: { max: 50 },
  REFUND_LINE_INVALID: { lineIndex: 1, maxQuantity: 2 },
  CATALOG_IMAGES_INVALID: { max: 9 },
  CATALOG_SPEC_TOO_MANY_DIMENSIONS: { max: 3 },
  CATALOG_SPEC_DUPLICATE: { name: '规格', value: '50g' },
  CATALOG_SPEC_VALUES_INVALID: { name: '规格', max: 10 },
  CATALOG_TOO_MANY_SKUS: { max: 50, count: 60 },
  CATALOG_SKU_SPEC_UNKNOWN: { specs: '75g' },
  CATALOG_SKU_DUPLICATE: { specs: '50g / 礼盒' },
  CATALOG_SKU_MISSING: { specs: '50g / 礼盒' },
  CATALOG_SKU_PRICE_INVALID: { specs: '50g / 礼盒', maxPriceFen: 10_000_000 },
  CATALOG_SKU_STOCK_INVALID: { specs: '50g / 礼盒', max: 999_999 },
  CATALOG_SKU_STOCK_LEFT: { specs: '50g / 礼盒', stock: 3 },
  CATALOG_STOCK_NEGATIVE: { skuId: 'tea-50g', stock: 2 },
  CATALOG_STOCK_TOO_LARGE: { skuId: 'tea-50g', max: 999_999 },
  CATALOG_CATEGORY_NOT_EMPTY: { categoryId: 'cat-green', products: 4 },
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
    expect(refused('requestRefund', 'cancelled')).toBe('订单已取消，不能申请退款')
    expect(errorText('ORDER_ILLEGAL_TRANSITION', { event: 'requestRefund', status: 'paid', refundStatus: 'refunded', refundedAll: true })).toBe('订单已全部退款')
  })

  it('a code this build does not know reads as a generic line, not as the code', () => {
    expect(errorText('SOMETHING_NEW')).toBe('出了点问题，请稍后重试')
  })
})

describe('the zh-CN words of what the core answers with', () => {
  it.each([
    ['pending_payment', '待付款'],
    ['paid', '待发货'],
    ['shipped', '待收货'],
    ['completed', '已完成'],
    ['cancelled', '已取消'],
    ['refunded', '已退款'],
  ] as const)('an order the buyer sees as %s reads %s', (status, text) => {
    expect(buyerStatusText(status)).toBe(text)
  })

  it.each([
    ['requested', '退款申请中'],
    ['approved', '退款处理中'],
    ['refunded', '已退款'],
    ['rejected', '退款被拒绝'],
    ['failed', '退款异常'],
  ] as const)('a refund %s reads %s', (status, text) => {
    expect(refundStatusText(status)).toBe(text)
  })

  it('names each tab of 我的订单 after the status it lists, in order, with 售后 last', () => {
    expect(ORDER_TABS.map((t) => orderTabText(t.key))).toEqual(['全部', '待付款', '待发货', '待收货', '已完成', '售后'])
  })

  it('words the timeline and the buyer\'s buttons', () => {
    expect((['place', 'pay', 'approveRefund', 'refundSucceeded'] as const).map(orderEventText)).toEqual(['下单', '支付成功', '退款已同意', '退款成功'])
    expect((['cancel', 'requestRefund', 'confirmReceipt', 'pay'] as const).map(buyerActionText)).toEqual(['取消订单', '申请退款', '确认收货', '去支付'])
  })

  it.each([
    ['off_shelf', 0, '已下架', '已下架'],
    ['sold_out', 0, '已售罄', '已售罄'],
    ['not_enough_stock', 3, '库存不足', '库存不足，仅剩 3 件'],
    ['gone', 0, '商品已失效', '商品已失效'],
  ] as const)('a cart line %s is marked %s, and says %s under its title', (reason, stock, mark, note) => {
    expect(unavailableText(reason)).toBe(mark)
    expect(unavailableNote(reason, stock)).toBe(note)
  })

  it('names the roles', () => {
    expect((['consumer', 'employee', 'hq_admin'] as const).map(roleText)).toEqual(['顾客', '员工', '总部管理员'])
  })

  it('a range shows its lowest price with 起; a single price shows as is', () => {
    expect(priceRangeText(6800, 12800)).toBe('¥68.00起')
    expect(priceRangeText(6800, 6800)).toBe('¥68.00')
  })
})

describe('the address form', () => {
  it('has words for every problem the schema can name', () => {
    for (const problem of ADDRESS_FIELD_PROBLEMS) expect(addressFieldText(problem), problem).toMatch(CHINESE)
  })

  it('says what each field of an empty form lacks', () => {
    const parsed = addressInput.safeParse({ name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false })
    expect(parsed.success).toBe(false)
    const said = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], addressFieldText(issue.message)]))
    expect(said).toEqual({ name: '请填写收货人', phone: '请填写正确的手机号', province: '请选择省份', city: '请选择城市', detail: '请填写详细地址' })
  })

  it('a message that is not a problem code reads as a general line', () => {
    expect(addressFieldText('Required')).toBe('请检查填写的内容')
  })
})

describe('the core has no words', () => {
  const CORE = path.resolve(__dirname, '../../src/core')

  /** Every string and template piece in a file (comments are not tokens, so they are left out). */
  function literals(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const found: string[] = []
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text)
      ts.forEachChild(node, visit)
    }
    visit(source)
    return found
  }

  it('no string in src/core is Chinese: what people read is in src/i18n', () => {
    const chinese = readdirSync(CORE, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => literals(path.join(CORE, name)).filter((text) => CHINESE.test(text)).map((text) => `${name}: ${text}`))
    expect(chinese).toEqual([])
  })
})
