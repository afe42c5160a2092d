import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Order, Refund, buyerActions, buyerStatusOf, keepsGoods, paidFenOf, refundedGoodsFenOf, refundedOf, refundsOf, requestKeyOf, transition } from '../../src/core/order'
import { CatalogLine, quoteOrder } from '../../src/core/pricing'
import { ok } from '../../src/core/result'
import { MAX_REFUNDS_PER_ORDER, RefundAsk, approveRefund, approveReturn, closeReturn, planRefund, receiveReturn, refuseReturn, requestRefund, shipReturn, startRefund, withdrawRefund } from '../../src/core/refund'
import { ReturnTerms, returnTermsOf } from '../../src/core/return-rules'

const at = new Date('2026-11-25T02:00:00Z')
const buyer = { kind: 'buyer' as const, openid: 'o1' }
const hq = { kind: 'hq' as const, openid: 'o-hq' }
const wechat = { kind: 'wechat' as const }

const catalogLine = (skuId: string, priceFen: number, quantity: number): CatalogLine => ({
  sku: { _id: skuId, productId: `p-${skuId}`, specs: {}, priceFen, stock: 100 },
  product: { _id: `p-${skuId}`, title: skuId, images: [], onShelf: true, categoryId: 'cat' },
  quantity,
})

/**
 * Three 龙井 at ¥10.00 and one 白茶 at ¥5.00, ¥1.00 off (¥0.86 and ¥0.14 of it by line), ¥8.00 shipping:
 * the buyer paid ¥29.14 + ¥4.86 for the goods and ¥42.00 in all. A 龙井 is worth ¥9.71, ¥9.71, ¥9.72.
 */
function paidOrder(): Order {
  const quote = quoteOrder([catalogLine('longjing', 1000, 3), catalogLine('baicha', 500, 1)], {
    shipping: { freeOverFen: 10000, feeFen: 800 },
    policies: [{ discountsFor: () => ok([{ source: 'coupon:1', label: '立减', amountFen: 100 }]) }],
  })
  if (!quote.ok) throw new Error('quote')
  return {
    _id: 'o',
    orderNo: '20261125100000000001',
    buyerOpenid: 'o1',
    requestKey: requestKeyOf('o1', 'r1'),
    status: 'paid',
    ...quote.data,
    address: { name: '林', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路1号' },
    remark: '',
    payment: { outTradeNo: '20261125100000000001', paidFen: quote.data.payableFen, paidAt: at },
    timeline: [],
    createdAt: at,
    expiresAt: at,
    updatedAt: at,
  }
}

const must = <T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`)
  return result.data
}

/** HQ refunds as asked and WeChat Pay succeeds. */
const refunded = (order: Order, ask: RefundAsk): Order => must(transition(must(startRefund(order, ask, '售后', hq, at)), 'refundSucceeded', wechat, at))

describe('the order as paid', () => {
  it('is the order the rules below are read against', () => {
    const order = paidOrder()
    expect(order.lines.map((l) => [l.quantity, l.paidFen])).toEqual([
      [3, 2914],
      [1, 486],
    ])
    expect([order.shippingFen, order.payableFen]).toEqual([800, 4200])
  })
})

describe('what a refund sends back', () => {
  const line = (lineIndex: number, quantity: number) => ({ lineIndex, quantity })

  it.each<[string, RefundAsk, Array<[number, number, number]>, number, number, boolean]>([
    // what is asked, [line, units, goods] per line, goods, shipping, final
    ['the whole order: every unit, all the goods and the shipping fee', {}, [[0, 3, 2914], [1, 1, 486]], 3400, 800, true],
    ['one 龙井: its share of what the line paid, rounded down', { lines: [line(0, 1)] }, [[0, 1, 971]], 971, 0, false],
    ['two 龙井', { lines: [line(0, 2)] }, [[0, 2, 1942]], 1942, 0, false],
    ['all three 龙井: the line as paid, no shipping (白茶 is still the buyer’s)', { lines: [line(0, 3)] }, [[0, 3, 2914]], 2914, 0, false],
    ['the 白茶', { lines: [line(1, 1)] }, [[1, 1, 486]], 486, 0, false],
    ['every line chosen by hand: the last goods bring the shipping fee', { lines: [line(1, 1), line(0, 3)] }, [[1, 1, 486], [0, 3, 2914]], 3400, 800, true],
    ['HQ, one 龙井 for ¥5.00', { lines: [line(0, 1)], amountFen: 500 }, [[0, 1, 500]], 500, 0, false],
    ['HQ, ¥10.00 alone: spread over the lines, the goods stay with the buyer', { amountFen: 1000 }, [[0, 0, 857], [1, 0, 143]], 1000, 0, false],
    ['HQ, ¥35.00 alone: all the goods money, then shipping', { amountFen: 3500 }, [[0, 0, 2914], [1, 0, 486]], 3400, 100, true],
    ['HQ, the whole order less the shipping fee: goods first, so no shipping', { lines: [line(0, 3), line(1, 1)], amountFen: 3400 }, [[0, 3, 2914], [1, 1, 486]], 3400, 0, true],
    ['HQ, the whole order for ¥20.00: the lines keep their part of the goods', { lines: [line(0, 3), line(1, 1)], amountFen: 2000 }, [[0, 3, 1714], [1, 1, 286]], 2000, 0, true],
  ])('%s', (_rule, ask, lines, goodsFen, shippingFen, final) => {
    const plan = must(planRefund(paidOrder(), ask))
    expect(plan.lines.map((l) => [l.lineIndex, l.quantity, l.goodsFen])).toEqual(lines)
    expect(plan).toMatchObject({ goodsFen, shippingFen, amountFen: goodsFen + shippingFen, final })
  })

  it.each<[string, RefundAsk, string, Record<string, unknown>]>([
    ['a line the order does not have', { lines: [line(2, 1)] }, 'REFUND_LINE_INVALID', { lineIndex: 2, maxQuantity: 0 }],
    ['more units than the line has', { lines: [line(0, 4)] }, 'REFUND_LINE_INVALID', { lineIndex: 0, maxQuantity: 3 }],
    ['no units', { lines: [line(0, 0)] }, 'REFUND_LINE_INVALID', { lineIndex: 0, maxQuantity: 3 }],
    ['a line twice', { lines: [line(0, 1), line(0, 1)] }, 'REFUND_LINE_INVALID', { lineIndex: 0, maxQuantity: 3 }],
    ['more than was paid', { amountFen: 4201 }, 'REFUND_AMOUNT_INVALID', { maxFen: 4200 }],
    ['more than the lines come to', { lines: [line(1, 1)], amountFen: 487 }, 'REFUND_AMOUNT_INVALID', { maxFen: 486 }],
    ['nothing', { amountFen: 0 }, 'REFUND_AMOUNT_INVALID', { maxFen: 4200 }],
    ['a fraction of a fen', { amountFen: 10.5 }, 'REFUND_AMOUNT_INVALID', { maxFen: 4200 }],
  ])('refuses %s', (_case, ask, code, details) => {
    expect(planRefund(paidOrder(), ask)).toEqual({ ok: false, error: { code, details } })
  })
})

describe('撤销申请: the buyer withdraws a request', () => {
  it('while HQ has not decided it: the order is as it was, the timeline says so, and the buyer may ask again under a new number', () => {
    const asked = must(requestRefund(paidOrder(), [{ lineIndex: 0, quantity: 1 }], '拍错了', buyer, at))
    expect(buyerActions(asked)).toEqual(['withdrawRefund'])
    const withdrawn = must(withdrawRefund(asked, buyer, at))
    expect(withdrawn.status).toBe('paid')
    expect(withdrawn.refund).toMatchObject({ status: 'withdrawn', decidedAt: at })
    expect(withdrawn.timeline.map((e) => e.event)).toEqual(['requestRefund', 'withdrawRefund'])
    expect(refundedOf(withdrawn).fen).toBe(0)
    expect(buyerActions(withdrawn)).toEqual(['requestRefund'])
    const again = must(requestRefund(withdrawn, undefined, '还是不要了', buyer, at))
    expect(refundsOf(again).map((r) => [r.outRefundNo, r.status])).toEqual([
      [`R${again.orderNo}1`, 'withdrawn'],
      [`R${again.orderNo}2`, 'requested'],
    ])
  })

  it.each([
    ['approved', (o: Order) => approveRefund(o, undefined, hq, at)],
    ['rejected', (o: Order) => transition(o, 'rejectRefund', hq, at)],
  ] as const)('not once HQ has %s it, and HQ cannot decide a withdrawn one', (_, decide) => {
    const asked = must(requestRefund(paidOrder(), undefined, '不想要了', buyer, at))
    expect(withdrawRefund(must(decide(asked)), buyer, at)).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
    expect(decide(must(withdrawRefund(asked, buyer, at)))).toMatchObject({ ok: false, error: { details: { refundStatus: 'withdrawn' } } })
  })

  it('a withdrawn request was never sent to WeChat Pay, so it does not count towards its limit', () => {
    let order = paidOrder()
    for (let i = 0; i < MAX_REFUNDS_PER_ORDER + 1; i++) order = must(withdrawRefund(must(requestRefund(order, [{ lineIndex: 1, quantity: 1 }], '拍错了', buyer, at)), buyer, at))
    expect(planRefund(order, {}).ok).toBe(true)
  })
})

describe('退货退款: a return after the goods have shipped', () => {
  const shipped = () => must(transition(paidOrder(), 'ship', hq, at))
  const warehouse = { name: '王仓管', phone: '13800138000', province: '云南省', city: '昆明市', district: '官渡区', detail: '茶城路 8 号' }
  const terms: ReturnTerms = must(returnTermsOf({ returnDays: 7, address: warehouse }, at))
  const dueAt = terms.returnDueAt
  const second = (n: number) => new Date(dueAt.getTime() + n * 1000)
  /** A return of one 龙井 HQ agreed to at `at`: the buyer has until `dueAt` to send it. */
  const awaiting = () => must(approveReturn(must(requestRefund(shipped(), [{ lineIndex: 0, quantity: 1 }], '质量问题', buyer, at, 'return')), undefined, terms, hq, at))

  it('is not offered before shipping: there is nothing to send back', () => {
    expect(requestRefund(paidOrder(), undefined, '不想要了', buyer, at, 'return')).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { event: 'requestReturn' } } })
  })

  it('HQ agrees (for less, here), the buyer sends the goods with a tracking number, HQ has them and the refund is approved, then sent', () => {
    const asked = must(requestRefund(shipped(), [{ lineIndex: 0, quantity: 1 }], '质量问题', buyer, at, 'return'))
    expect(asked.refund).toMatchObject({ kind: 'return', status: 'requested', amountFen: 971 })
    expect(asked.timeline.at(-1)).toMatchObject({ event: 'requestReturn' })

    // A return is agreed to as a return: with where the goods go and by when, never as a money-only refund.
    expect(approveRefund(asked, undefined, hq, at)).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { kind: 'return' } } })
    const agreed = must(approveReturn(asked, 900, terms, hq, at))
    expect(agreed.refund).toMatchObject({ status: 'awaiting_return', amountFen: 900, returnAddress: warehouse, returnDueAt: new Date('2026-12-02T02:00:00Z') })
    expect(buyerActions(agreed)).toEqual(['withdrawRefund', 'shipReturn'])
    // Not money yet, and not by HQ's hand before the goods are back.
    expect(receiveReturn(agreed, hq, at).ok).toBe(false)

    const sent = must(shipReturn(agreed, 'SF', '顺丰速运', 'SF1234567', buyer, at))
    expect(sent.refund).toMatchObject({ status: 'returning', returnShipment: { carrierId: 'SF', company: '顺丰速运', trackingNo: 'SF1234567', shippedAt: at } })
    expect(sent.timeline.at(-1)).toMatchObject({ event: 'shipReturn', note: '顺丰速运 SF1234567' })
    expect(buyerActions(sent)).toEqual([])
    expect(withdrawRefund(sent, buyer, at).ok).toBe(false)

    const later = new Date(at.getTime() + 86_400_000)
    const received = must(receiveReturn(sent, hq, later))
    expect(received.refund).toMatchObject({ status: 'approved', amountFen: 900, decidedAt: later, returnShipment: { receivedAt: later } })
    const done = must(transition(received, 'refundSucceeded', wechat, later))
    expect(refundedOf(done).fen).toBe(900)
    expect(done.status).toBe('shipped')
  })

  it('the goods may be sent until one second before the deadline; from the deadline on, only the clock closes the return', () => {
    expect(must(shipReturn(awaiting(), 'SF', '顺丰速运', 'SF1234567', buyer, second(-1))).refund!.status).toBe('returning')
    for (const late of [second(0), second(1)]) {
      expect(shipReturn(awaiting(), 'SF', '顺丰速运', 'SF1234567', buyer, late)).toEqual({ ok: false, error: { code: 'RETURN_OVERDUE', details: { dueAt } } })
    }
    expect(closeReturn(awaiting(), second(-1))).toEqual({ ok: false, error: { code: 'RETURN_NOT_DUE', details: { dueAt } } })
    expect(must(closeReturn(awaiting(), second(0))).refund!.status).toBe('closed')
    expect(must(closeReturn(awaiting(), second(1))).refund!.status).toBe('closed')
  })

  it('closed for want of goods: the order is where it was, nothing was sent, the timeline says the system closed it, and the buyer may ask again', () => {
    const closed = must(closeReturn(awaiting(), second(1)))
    expect(closed).toMatchObject({ status: 'shipped', refund: { status: 'closed', decidedAt: second(1) } })
    expect(closed.timeline.at(-1)).toMatchObject({ event: 'closeReturn', actor: { kind: 'system' }, at: second(1) })
    expect(buyerActions(closed)).toEqual(['confirmReceipt', 'requestRefund'])
    expect(refundedOf(closed).fen).toBe(0)
    // Sent goods are no longer the clock's: a return on its way is never closed.
    const sent = must(shipReturn(awaiting(), 'SF', '顺丰速运', 'SF1234567', buyer, second(-1)))
    expect(closeReturn(sent, second(1))).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { refundStatus: 'returning' } } })
    const again = must(requestRefund(closed, undefined, '还是想退', buyer, second(2), 'return'))
    expect(again.refund).toMatchObject({ status: 'requested', outRefundNo: `R${closed.orderNo}2` })
    expect(again.previousRefunds!.map((r) => r.status)).toEqual(['closed'])
  })

  it('HQ may refuse the refund as the goods arrive, saying why: the order is as before the request, and the buyer may ask again', () => {
    const sent = must(shipReturn(awaiting(), 'ZTO', '中通快递', 'ZT7300012345', buyer, at))
    // Not before the goods are on their way: until then HQ's word is 拒绝 on the request itself.
    expect(refuseReturn(awaiting(), '商品已拆封', hq, at).ok).toBe(false)
    const later = second(60)
    const refused = must(refuseReturn(sent, '商品已拆封使用，不支持退货', hq, later))
    expect(refused).toMatchObject({
      status: 'shipped',
      refund: { status: 'rejected', rejectReason: '商品已拆封使用，不支持退货', decidedAt: later, returnShipment: { trackingNo: 'ZT7300012345', receivedAt: later } },
    })
    expect(refused.timeline.at(-1)).toMatchObject({ event: 'refuseReturn', actor: hq, note: '商品已拆封使用，不支持退货' })
    expect(buyerActions(refused)).toEqual(['confirmReceipt', 'requestRefund'])
    expect(receiveReturn(refused, hq, later).ok).toBe(false)
    expect(refundedOf(refused).fen).toBe(0)
    expect(requestRefund(refused, undefined, '再申请', buyer, later, 'return').ok).toBe(true)
  })

  it('the terms of a return: no return without an address, and the deadline is the days after approval', () => {
    expect(returnTermsOf({ returnDays: 7, address: null }, at)).toEqual({ ok: false, error: { code: 'RETURN_ADDRESS_MISSING' } })
    expect(must(returnTermsOf({ returnDays: 1, address: warehouse }, at)).returnDueAt).toEqual(new Date('2026-11-26T02:00:00Z'))
  })

  it('a money-only request is approved and sent at once, never waiting for goods', () => {
    const asked = must(requestRefund(shipped(), [{ lineIndex: 1, quantity: 1 }], '少发了', buyer, at))
    expect(asked.refund!.kind).toBe('refund_only')
    expect(must(approveRefund(asked, undefined, hq, at)).refund!.status).toBe('approved')
    expect(shipReturn(asked, 'SF', '顺丰速运', 'SF1234567', buyer, at).ok).toBe(false)
  })
})

describe('several refunds of one order', () => {
  it('three 龙井 one by one, then the 白茶: the units add up to the line, the last refund brings the shipping, and no more than was paid', () => {
    let order = paidOrder()
    const amounts: number[] = []
    for (const lines of [[{ lineIndex: 0, quantity: 1 }], [{ lineIndex: 0, quantity: 1 }], [{ lineIndex: 0, quantity: 1 }], [{ lineIndex: 1, quantity: 1 }]]) {
      expect(keepsGoods(order)).toBe(true)
      order = refunded(order, { lines })
      amounts.push(order.refund!.amountFen)
    }
    expect(amounts).toEqual([971, 971, 972, 486 + 800])
    expect(refundsOf(order).map((r) => r.outRefundNo)).toEqual([1, 2, 3, 4].map((n) => `R${order.orderNo}${n}`))
    expect(refundedOf(order)).toMatchObject({ fen: paidFenOf(order), goodsFen: 3400, shippingFen: 800 })
    expect(refundedGoodsFenOf(order)).toBe(3400)
    expect(buyerStatusOf(order)).toBe('refunded')
    expect(order.refund!.final).toBe(true)
    // Nothing is left: not for the buyer, not for HQ.
    expect(buyerActions(order)).toEqual([])
    expect(requestRefund(order, undefined, '再退', buyer, at)).toMatchObject({ ok: false, error: { details: { refundedAll: true } } })
    expect(startRefund(order, { amountFen: 1 }, '再退', hq, at)).toMatchObject({ ok: false, error: { details: { refundedAll: true } } })
  })

  it('HQ may keep the shipping fee of a whole-order refund, and send it back later on its own', () => {
    const asked = must(requestRefund(paidOrder(), undefined, '不想要了', buyer, at))
    expect(asked.refund).toMatchObject({ status: 'requested', startedBy: 'buyer', requestedFen: 4200, amountFen: 4200 })
    const approved = must(approveRefund(asked, 3400, hq, at))
    expect(approved.refund).toMatchObject({ status: 'approved', requestedFen: 4200, amountFen: 3400, goodsFen: 3400, shippingFen: 0, final: true, decidedAt: at })
    const order = must(transition(approved, 'refundSucceeded', wechat, at))
    expect(buyerStatusOf(order)).toBe('refunded')
    // The buyer has no goods to ask about; HQ can still send back the fee.
    expect(buyerActions(order)).toEqual([])
    expect(must(planRefund(order, {}))).toMatchObject({ lines: [], goodsFen: 0, shippingFen: 800, amountFen: 800 })
    const fee = refunded(order, {})
    expect(refundedOf(fee).fen).toBe(4200)
  })

  it('an amount alone, then lines: each line gives back what is left of it, and the total is what was paid', () => {
    let order = refunded(paidOrder(), { amountFen: 1000 })
    expect(buyerStatusOf(order)).toBe('paid')
    expect(buyerActions(order)).toEqual(['requestRefund'])
    order = refunded(order, { lines: [{ lineIndex: 1, quantity: 1 }] })
    expect(order.refund).toMatchObject({ goodsFen: 486 - 143, shippingFen: 0 })
    order = refunded(order, {})
    expect(order.refund).toMatchObject({ lines: [{ lineIndex: 0, quantity: 3, goodsFen: 2914 - 857 }], shippingFen: 800, final: true })
    expect(refundedOf(order).fen).toBe(4200)
  })

  it('a rejected or failed refund sends nothing: what is left is counted from the refunds that succeeded', () => {
    const rejected = must(transition(must(requestRefund(paidOrder(), undefined, '不想要了', buyer, at)), 'rejectRefund', hq, at))
    expect(must(planRefund(rejected, {})).amountFen).toBe(4200)
    const again = must(requestRefund(rejected, [{ lineIndex: 1, quantity: 1 }], '白茶破损', buyer, at))
    expect(again.previousRefunds).toEqual([rejected.refund])
    expect(again.refund).toMatchObject({ outRefundNo: `R${again.orderNo}2`, amountFen: 486 })

    const failed = must(transition(must(startRefund(paidOrder(), {}, '售后', hq, at)), 'refundFailed', wechat, at))
    expect(refundedOf(failed).fen).toBe(0)
    // Until HQ settles it, a failed refund holds the order: no other refund, no shipping.
    expect(startRefund(failed, { amountFen: 1 }, '再退', hq, at)).toMatchObject({ ok: false, error: { details: { refundStatus: 'failed' } } })
  })

  it('one refund at a time: while one is asked for or on its way, another is refused', () => {
    const asked = must(requestRefund(paidOrder(), [{ lineIndex: 0, quantity: 1 }], '买多了', buyer, at))
    expect(startRefund(asked, { amountFen: 100 }, '售后', hq, at)).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION', details: { refundStatus: 'requested' } } })
    const approved = must(approveRefund(asked, undefined, hq, at))
    expect(requestRefund(approved, [{ lineIndex: 1, quantity: 1 }], '再退', buyer, at)).toMatchObject({ ok: false, error: { details: { refundStatus: 'approved' } } })
    expect(approveRefund(approved, undefined, hq, at)).toMatchObject({ ok: false, error: { code: 'ORDER_ILLEGAL_TRANSITION' } })
  })

  it('HQ approves less, never more, than was asked', () => {
    const asked = must(requestRefund(paidOrder(), [{ lineIndex: 0, quantity: 1 }], '买多了', buyer, at))
    expect(approveRefund(asked, 972, hq, at)).toEqual({ ok: false, error: { code: 'REFUND_AMOUNT_INVALID', details: { maxFen: 971 } } })
    expect(must(approveRefund(asked, 500, hq, at)).refund).toMatchObject({ requestedFen: 971, amountFen: 500, lines: [{ lineIndex: 0, quantity: 1, goodsFen: 500 }] })
  })

  it(`WeChat Pay refunds a payment at most ${MAX_REFUNDS_PER_ORDER} times, so the ${MAX_REFUNDS_PER_ORDER + 1}st is refused before it is sent`, () => {
    let order: Order = { ...paidOrder(), payment: { ...paidOrder().payment, paidFen: 4200 } }
    for (let i = 0; i < MAX_REFUNDS_PER_ORDER; i++) order = refunded(order, { amountFen: 1 })
    expect(startRefund(order, { amountFen: 1 }, '售后', hq, at)).toEqual({ ok: false, error: { code: 'REFUND_LIMIT_REACHED', details: { max: MAX_REFUNDS_PER_ORDER } } })
  })
})

describe('whatever refunds are asked, in whatever order', () => {
  const ask = fc.oneof(
    fc.record({ kind: fc.constant('lines' as const), lines: fc.array(fc.record({ lineIndex: fc.nat(2), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }), share: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }),
    fc.record({ kind: fc.constant('amount' as const), amountFen: fc.integer({ min: 1, max: 4300 }) }),
    fc.record({ kind: fc.constant('whole' as const), share: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }),
  )

  it('never more than was paid, no line more than it paid, no unit twice, and shipping only when no goods money is left', () => {
    fc.assert(
      fc.property(fc.array(ask, { maxLength: 12 }), (asks) => {
        let order = paidOrder()
        for (const a of asks) {
          const plan = planRefund(order, a.kind === 'amount' ? { amountFen: a.amountFen } : { lines: a.kind === 'lines' ? a.lines : undefined })
          if (!plan.ok) continue
          // HQ approves all or part of it.
          const share = a.kind === 'amount' ? null : a.share
          const amountFen = share === null ? undefined : Math.max(1, Math.floor(plan.data.amountFen * share))
          const started = startRefund(order, a.kind === 'amount' ? { amountFen: a.amountFen } : { lines: a.kind === 'lines' ? a.lines : undefined, amountFen }, '售后', hq, at)
          if (!started.ok) continue
          const refund: Refund = started.data.refund!
          const before = refundedOf(order)
          order = must(transition(started.data, 'refundSucceeded', wechat, at))
          const after = refundedOf(order)
          if (refund.shippingFen > 0) expect(after.goodsFen).toBe(3400)
          expect(refund.amountFen).toBe(refund.goodsFen + refund.shippingFen)
          expect(after.fen - before.fen).toBe(refund.amountFen)
        }
        const total = refundedOf(order)
        expect(total.fen).toBeLessThanOrEqual(paidFenOf(order))
        expect(total.shippingFen).toBeLessThanOrEqual(order.shippingFen)
        order.lines.forEach((line, i) => {
          expect(total.lines[i].goodsFen).toBeLessThanOrEqual(line.paidFen)
          expect(total.lines[i].quantity).toBeLessThanOrEqual(line.quantity)
        })
        expect(new Set(refundsOf(order).map((r) => r.outRefundNo)).size).toBe(refundsOf(order).length)
      }),
      { numRuns: 300 },
    )
  })
})
