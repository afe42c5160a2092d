import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../src/core/result'
import { CatalogLine, DiscountPolicy, PricingTerms, LineProblem, MAX_QUANTITY_PER_LINE, freeShippingShortfallFen, normalizeLines, shipsEverythingFree, quoteOrder, reviewCheckout, unitsAllowed } from '../../src/core/pricing'

const line = (skuId: string, priceFen: number, quantity: number, extra: { stock?: number; onShelf?: boolean } = {}): CatalogLine => ({
  sku: { _id: skuId, productId: `p-${skuId}`, specs: { 规格: '100g' }, priceFen, stock: extra.stock ?? 100 },
  product: { _id: `p-${skuId}`, title: `茶 ${skuId}`, images: [`/${skuId}.jpg`], onShelf: extra.onShelf ?? true, categoryId: 'cat' },
  quantity,
})

const flat = (amountFen: number): DiscountPolicy => ({ discountsFor: () => ok([{ source: 'test', label: '立减', amountFen }]) })
/** 满 ¥99 包邮, else ¥10: the demo shop's rule. */
const SHIPPING = { freeOverFen: 9900, feeFen: 1000 }
const terms = (...policies: DiscountPolicy[]): PricingTerms => ({ shipping: SHIPPING, policies })

describe('pricing an order from the catalog', () => {
  it('prices each line from the SKU, and the order from its lines', () => {
    const quote = quoteOrder([line('a', 6800, 2), line('b', 1500, 1)], terms())
    expect(quote.ok && quote.data).toMatchObject({ goodsFen: 15100, discountFen: 0, shippingFen: 0, payableFen: 15100 })
    expect(quote.ok && quote.data.lines[0]).toMatchObject({ unitPriceFen: 6800, quantity: 2, lineTotalFen: 13600, paidFen: 13600 })
  })

  it.each([
    ['below the threshold pays the fee', 9899, 1000],
    ['exactly at the threshold ships free', 9900, 0],
    ['above the threshold ships free', 12800, 0],
  ])('shipping: goods %s', (_name, priceFen, shippingFen) => {
    const quote = quoteOrder([line('a', priceFen, 1)], terms())
    expect(quote.ok && quote.data.shippingFen).toBe(shippingFen)
    expect(quote.ok && quote.data.payableFen).toBe(priceFen + shippingFen)
  })

  it('free shipping is judged on what is paid for the goods after discounts', () => {
    const quote = quoteOrder([line('a', 10000, 1)], terms(flat(500)))
    expect(quote.ok && quote.data).toMatchObject({ goodsFen: 10000, discountFen: 500, shippingFen: 1000, payableFen: 10500 })
  })

  it.each([
    ['nothing yet', 0, 9900],
    ['one fen short', 9899, 1],
    ['exactly at the threshold', 9900, 0],
    ['over it', 12800, 0],
  ])('the shopper is told how much more ships free: %s', (_name, paidGoodsFen, shortfallFen) => {
    expect(freeShippingShortfallFen(paidGoodsFen, SHIPPING)).toBe(shortfallFen)
  })

  it.each([
    ['no threshold', { freeOverFen: 0, feeFen: 1000 }],
    ['no fee', { freeOverFen: 9900, feeFen: 0 }],
  ])('with %s every order ships free, and no one is told to buy more', (_name, shipping) => {
    expect(shipsEverythingFree(shipping)).toBe(true)
    expect(freeShippingShortfallFen(100, shipping)).toBe(0)
    const quote = quoteOrder([line('a', 100, 1)], { shipping, policies: [] })
    expect(quote.ok && quote.data).toMatchObject({ shippingFen: 0, payableFen: 100 })
  })

  it('HQ\'s own rule prices the order: 满 ¥199 包邮, else ¥15', () => {
    const shipping = { freeOverFen: 19900, feeFen: 1500 }
    expect(shipsEverythingFree(shipping)).toBe(false)
    const below = quoteOrder([line('a', 12800, 1)], { shipping, policies: [] })
    expect(below.ok && below.data).toMatchObject({ shippingFen: 1500, payableFen: 14300 })
    const at = quoteOrder([line('a', 19900, 1)], { shipping, policies: [] })
    expect(at.ok && at.data.shippingFen).toBe(0)
    expect(freeShippingShortfallFen(12800, shipping)).toBe(7100)
  })

  it('discounts are prorated over the lines and never exceed the goods amount; shipping is never discounted', () => {
    const quote = quoteOrder([line('a', 3000, 1), line('b', 1000, 1)], terms(flat(100), flat(99_999)))
    expect(quote.ok && quote.data).toMatchObject({ goodsFen: 4000, discountFen: 4000, shippingFen: 1000, payableFen: 1000 })
    const split = quoteOrder([line('a', 3000, 1), line('b', 1000, 1)], terms(flat(1001)))
    expect(split.ok && split.data.lines.map((l) => [l.discountFen, l.paidFen])).toEqual([
      [751, 2249],
      [250, 750],
    ])
  })

  it('applies the policies in order, each seeing what the ones before it granted', () => {
    const seen: number[][] = []
    const recording: DiscountPolicy = {
      discountsFor: (_lines, earlier) => {
        seen.push(earlier.map((d) => d.amountFen))
        return ok([])
      },
    }
    quoteOrder([line('a', 10000, 1)], terms(recording, flat(300), recording, flat(200), recording))
    expect(seen).toEqual([[], [300], [300, 200]])
  })

  it('a policy that refuses (a chosen coupon that cannot apply) refuses the quote with its code', () => {
    const refusing: DiscountPolicy = { discountsFor: () => fail('ORDER_EMPTY') }
    const quote = quoteOrder([line('a', 10000, 1)], terms(flat(100), refusing))
    expect(quote.ok ? undefined : quote.error.code).toBe('ORDER_EMPTY')
  })

  it('a unit price from the terms (a 限时折扣) prices the line, the goods and the review alike, and the line names its campaign', () => {
    const halfPrice: PricingTerms = { ...terms(), unitPrice: (sku) => ({ unitPriceFen: Math.floor(sku.priceFen / 2), campaignId: 'c-half' }) }
    const quote = quoteOrder([line('a', 6800, 2)], halfPrice)
    expect(quote.ok && quote.data).toMatchObject({ goodsFen: 6800, shippingFen: 1000, lines: [{ unitPriceFen: 3400, campaignId: 'c-half', lineTotalFen: 6800 }] })
    const catalog = { skus: new Map([['a', line('a', 6800, 0).sku]]), products: new Map([['p-a', line('a', 6800, 0).product]]) }
    const review = reviewCheckout([{ skuId: 'a', quantity: 2 }], catalog, halfPrice)
    expect(review.ok && review.data.lines[0]).toMatchObject({ unitPriceFen: 3400, campaignId: 'c-half' })
    expect(review.ok && review.data.quote?.goodsFen).toBe(6800)
  })

  it.each([
    ['off the shelf', line('a', 100, 1, { onShelf: false }), 'ORDER_PRODUCT_OFF_SHELF'],
    ['more than the stock', line('a', 100, 3, { stock: 2 }), 'ORDER_OUT_OF_STOCK'],
  ])('refuses a product %s', (_name, catalogLine, code) => {
    const quote = quoteOrder([catalogLine], terms())
    expect(quote.ok ? undefined : quote.error.code).toBe(code)
  })

  it('merges repeated SKUs and refuses empty, oversized and over-long requests', () => {
    expect(normalizeLines([{ skuId: 'a', quantity: 1 }, { skuId: 'a', quantity: 2 }])).toEqual({ ok: true, data: [{ skuId: 'a', quantity: 3 }] })
    const code = (r: ReturnType<typeof normalizeLines>) => (r.ok ? undefined : r.error.code)
    expect(code(normalizeLines([]))).toBe('ORDER_EMPTY')
    expect(code(normalizeLines([{ skuId: 'a', quantity: 60 }, { skuId: 'a', quantity: 40 }]))).toBe('ORDER_QUANTITY_TOO_LARGE')
    expect(code(normalizeLines(Array.from({ length: 51 }, (_, i) => ({ skuId: `s${i}`, quantity: 1 }))))).toBe('ORDER_TOO_MANY_LINES')
  })
})

describe('reviewing a checkout: every line shown, the ones that cannot be bought marked with their fix', () => {
  const catalogOf = (...lines: CatalogLine[]) => ({
    skus: new Map(lines.map((l) => [l.sku._id, l.sku])),
    products: new Map(lines.map((l) => [l.product._id, l.product])),
  })
  const catalog = catalogOf(line('a', 6800, 0, { stock: 5 }), line('b', 1500, 0, { stock: 0 }), line('c', 900, 0, { onShelf: false }), line('d', 100, 0, { stock: 500 }))
  const review = (...requested: Array<[string, number]>) => reviewCheckout(requested.map(([skuId, quantity]) => ({ skuId, quantity })), catalog, terms())

  it.each<[string, [string, number], LineProblem | null, number]>([
    ['within stock: nothing to fix', ['a', 5], null, 0],
    ['more than the stock: 改为 the stock', ['a', 6], { kind: 'short', available: 5 }, 5],
    ['sold out: only 删除', ['b', 1], { kind: 'short', available: 0 }, 0],
    ['off the shelf: only 删除', ['c', 1], { kind: 'unavailable' }, 0],
    ['a SKU that no longer exists: only 删除', ['gone', 1], { kind: 'unavailable' }, 0],
    ['over the per-line limit with stock to spare: 改为 the limit', ['d', MAX_QUANTITY_PER_LINE + 1], { kind: 'over_limit', max: MAX_QUANTITY_PER_LINE }, MAX_QUANTITY_PER_LINE],
  ])('%s', (_name, requested, problem, units) => {
    const reviewed = review(requested)
    expect(reviewed.ok && reviewed.data.lines[0].problem).toEqual(problem)
    if (problem) expect(unitsAllowed(problem)).toBe(units)
  })

  it('a short line never offers more than the per-line limit', () => {
    expect(unitsAllowed({ kind: 'short', available: 500 })).toBe(MAX_QUANTITY_PER_LINE)
  })

  it('prices nothing while any line has a problem, and the rest once it is fixed or dropped', () => {
    const blocked = review(['a', 2], ['b', 1])
    expect(blocked.ok && blocked.data.quote).toBeNull()
    expect(blocked.ok && blocked.data.lines.map((l) => [l.skuId, l.title, l.problem?.kind ?? null])).toEqual([
      ['a', '茶 a', null],
      ['b', '茶 b', 'short'],
    ])
    const rest = review(['a', 2])
    expect(rest.ok && rest.data.quote).toMatchObject({ goodsFen: 13600, payableFen: 13600 })
  })

  it('a repeated SKU is one line, judged on its total', () => {
    const reviewed = review(['a', 3], ['a', 3])
    expect(reviewed.ok && reviewed.data.lines).toHaveLength(1)
    expect(reviewed.ok && reviewed.data.lines[0]).toMatchObject({ quantity: 6, problem: { kind: 'short', available: 5 } })
  })

  it('an empty checkout is refused, as placing it would be', () => {
    expect(review()).toMatchObject({ ok: false, error: { code: 'ORDER_EMPTY' } })
  })
})
