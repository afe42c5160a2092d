import type { Product, Sku } from './catalog'
import type { CouponOffer } from './coupon-offer'
import { prorate } from './money'
import { Result, fail, ok } from './result'

/**
 * Pricing an order. The server prices every line from the catalog: the client sends only SKU ids and
 * quantities, never a price. All amounts are integer fen.
 */

export const MAX_LINES = 50
export const MAX_QUANTITY_PER_LINE = 99

/** HQ's shipping rule: free when the goods (after discounts) reach `freeOverFen`, else `feeFen`. */
export interface ShippingRule {
  freeOverFen: number
  feeFen: number
}

/** No order pays shipping: no threshold, or no fee (全场包邮). */
export const shipsEverythingFree = (rule: ShippingRule): boolean => rule.freeOverFen === 0 || rule.feeFen === 0

/** How much more the goods (after discounts) must come to for the order to ship free; 0 once it does. */
export function freeShippingShortfallFen(paidGoodsFen: number, rule: ShippingRule): number {
  return shipsEverythingFree(rule) ? 0 : Math.max(0, rule.freeOverFen - paidGoodsFen)
}

export interface LineRequest {
  skuId: string
  quantity: number
}

/** What the catalog says about one requested line, loaded by the caller. */
export interface CatalogLine {
  sku: Sku
  product: Pick<Product, '_id' | 'title' | 'images' | 'onShelf' | 'categoryId'>
  quantity: number
}

export interface PricedLine {
  skuId: string
  productId: string
  categoryId: string
  title: string
  specs: Record<string, string>
  image: string
  unitPriceFen: number
  /** The 限时折扣 campaign whose price unitPriceFen is, when one priced the line. */
  campaignId?: string
  quantity: number
  /** unitPriceFen × quantity */
  lineTotalFen: number
  /** This line's share of the order's discounts (prorated), so refunds and commissions use what was paid. */
  discountFen: number
  /** lineTotalFen − discountFen: the goods amount actually paid for this line. */
  paidFen: number
}

export interface AppliedDiscount {
  /** e.g. 'coupon:…', 'campaign:…' */
  source: string
  label: string
  amountFen: number
  /** Points spent for it (source 'points'). */
  points?: number
}

/** The source of the discount points pay for (its `points` say how many). */
export const POINTS_SOURCE = 'points'

/** A line priced at its unit price, before the order's discounts are shared out over the lines. */
export type UndiscountedLine = Omit<PricedLine, 'discountFen' | 'paidFen'>

/**
 * The extension point for member discounts, coupons and points: given the priced lines and what the
 * policies before it granted, a policy says which discounts apply — or refuses, when what the buyer
 * chose cannot apply (a coupon below its threshold). It never changes prices itself; the quote caps
 * and prorates what they return.
 */
export interface DiscountPolicy {
  discountsFor(lines: ReadonlyArray<UndiscountedLine>, earlier: ReadonlyArray<AppliedDiscount>): Result<AppliedDiscount[]>
  /** The coupons the buyer could choose here instead (checkout's sheet), judged after the discounts before this policy. */
  offersFor?(lines: ReadonlyArray<UndiscountedLine>, earlier: ReadonlyArray<AppliedDiscount>): CouponOffer[]
}

/**
 * Everything a price depends on besides the catalog and the quantities: HQ's shipping rule, the price
 * of a SKU at this instant, and the discounts — loaded for one buyer, their checkout choices and one
 * instant. Checkout's quote and the placed order are priced from terms loaded the same way, so the
 * buyer pays what they were shown.
 */
export interface PricingTerms {
  shipping: ShippingRule
  /** Applied in this order; each sees what the ones before it granted. */
  policies: ReadonlyArray<DiscountPolicy>
  /** A SKU's unit price now (inside a 限时折扣 window, the campaign's); the SKU's own price when absent. */
  unitPrice?: (sku: Sku, product: CatalogLine['product']) => UnitPrice
}

/** What a SKU costs at the terms' instant, and the campaign that set that price if one did. */
export interface UnitPrice {
  unitPriceFen: number
  campaignId?: string
}

const unitPriceOf = (terms: PricingTerms, sku: Sku, product: CatalogLine['product']): UnitPrice =>
  terms.unitPrice?.(sku, product) ?? { unitPriceFen: sku.priceFen }

export interface Quote {
  lines: PricedLine[]
  goodsFen: number
  discountFen: number
  shippingFen: number
  payableFen: number
  discounts: AppliedDiscount[]
}

/**
 * Why a line cannot be bought as asked. Checkout marks the line and offers the fix (fewer units, or
 * removing it); placing an order refuses with the matching code.
 */
export type LineProblem =
  /** The SKU is gone or its product is off the shelf. */
  | { kind: 'unavailable' }
  /** Fewer units in stock than asked; 0 is sold out. */
  | { kind: 'short'; available: number }
  /** More units than one line may have. */
  | { kind: 'over_limit'; max: number }

export function lineProblemOf(sku: Sku | undefined, product: Pick<Product, 'onShelf'> | undefined, quantity: number): LineProblem | null {
  if (!sku || !product || !product.onShelf) return { kind: 'unavailable' }
  if (sku.stock < quantity) return { kind: 'short', available: sku.stock }
  if (quantity > MAX_QUANTITY_PER_LINE) return { kind: 'over_limit', max: MAX_QUANTITY_PER_LINE }
  return null
}

/** The units a line with this problem can have instead: 改为 N 件; 0 when it cannot be bought at all. */
export function unitsAllowed(problem: LineProblem): number {
  if (problem.kind === 'short') return Math.min(problem.available, MAX_QUANTITY_PER_LINE)
  if (problem.kind === 'over_limit') return problem.max
  return 0
}

/** A line of a checkout as the buyer asked for it, with what stands in its way. */
export interface ReviewedLine extends Pick<PricedLine, 'skuId' | 'title' | 'specs' | 'image' | 'unitPriceFen' | 'campaignId' | 'quantity'> {
  problem: LineProblem | null
}

/** A checkout's lines, each with its problem, and their price once no line has one. */
export interface CheckoutReview {
  lines: ReviewedLine[]
  quote: Quote | null
  /** The buyer's coupons against the quote, each applicable or why not; empty without a quote. */
  coupons: CouponOffer[]
}

/**
 * Reviews what the buyer is about to order: every line is shown, the ones that cannot be bought as
 * asked are marked, and the quote is given only when none is — so the buyer fixes or drops a line and
 * buys the rest, instead of meeting a refusal. A repeated SKU is one line.
 */
export function reviewCheckout(
  requested: LineRequest[],
  catalog: { skus: ReadonlyMap<string, Sku>; products: ReadonlyMap<string, CatalogLine['product']> },
  terms: PricingTerms,
): Result<CheckoutReview> {
  const merged = mergeLines(requested)
  if (merged.length === 0) return fail('ORDER_EMPTY')
  if (merged.length > MAX_LINES) return fail('ORDER_TOO_MANY_LINES', { max: MAX_LINES })
  const lines = merged.map(({ skuId, quantity }): ReviewedLine => {
    const sku = catalog.skus.get(skuId)
    const product = sku && catalog.products.get(sku.productId)
    return {
      skuId,
      title: product?.title ?? '',
      specs: sku?.specs ?? {},
      image: product?.images[0] ?? '',
      ...(sku && product ? unitPriceOf(terms, sku, product) : { unitPriceFen: sku?.priceFen ?? 0 }),
      quantity,
      problem: lineProblemOf(sku, product, quantity),
    }
  })
  if (lines.some((l) => l.problem)) return ok({ lines, quote: null, coupons: [] })
  const priced = priceLines(
    merged.map(({ skuId, quantity }) => {
      const sku = catalog.skus.get(skuId) as Sku
      return { sku, product: catalog.products.get(sku.productId) as CatalogLine['product'], quantity }
    }),
    terms,
  )
  return priced.ok ? ok({ lines, ...priced.data }) : priced
}

function mergeLines(requested: LineRequest[]): LineRequest[] {
  const merged = new Map<string, number>()
  for (const { skuId, quantity } of requested) merged.set(skuId, (merged.get(skuId) ?? 0) + quantity)
  return [...merged].map(([skuId, quantity]) => ({ skuId, quantity }))
}

/** Merges repeated SKUs and checks the request's shape before any catalog is read. */
export function normalizeLines(requested: LineRequest[]): Result<LineRequest[]> {
  const merged = mergeLines(requested)
  if (merged.length === 0) return fail('ORDER_EMPTY')
  if (merged.length > MAX_LINES) return fail('ORDER_TOO_MANY_LINES', { max: MAX_LINES })
  const tooMany = merged.find((l) => l.quantity > MAX_QUANTITY_PER_LINE)
  return tooMany ? fail('ORDER_QUANTITY_TOO_LARGE', { skuId: tooMany.skuId, max: MAX_QUANTITY_PER_LINE }) : ok(merged)
}

/**
 * Prices the lines: every SKU must exist, be on the shelf and have the stock asked for. Discounts are
 * capped at the goods amount and prorated over the lines; shipping is never discounted.
 */
export function quoteOrder(lines: CatalogLine[], terms: PricingTerms): Result<Quote> {
  const priced = priceLines(lines, terms)
  return priced.ok ? ok(priced.data.quote) : priced
}

function priceLines(lines: CatalogLine[], terms: PricingTerms): Result<{ quote: Quote; coupons: CouponOffer[] }> {
  const base: UndiscountedLine[] = []
  for (const { sku, product, quantity } of lines) {
    const problem = lineProblemOf(sku, product, quantity)
    if (problem?.kind === 'unavailable') return fail('ORDER_PRODUCT_OFF_SHELF', { skuId: sku._id, title: product.title })
    if (problem?.kind === 'over_limit') return fail('ORDER_QUANTITY_TOO_LARGE', { skuId: sku._id, max: problem.max })
    if (problem?.kind === 'short') return fail('ORDER_OUT_OF_STOCK', { skuId: sku._id, title: product.title, stock: problem.available })
    const { unitPriceFen, campaignId } = unitPriceOf(terms, sku, product)
    base.push({
      skuId: sku._id,
      productId: product._id,
      categoryId: product.categoryId,
      title: product.title,
      specs: sku.specs,
      image: product.images[0] ?? '',
      unitPriceFen,
      ...(campaignId ? { campaignId } : {}),
      quantity,
      lineTotalFen: unitPriceFen * quantity,
    })
  }
  const goodsFen = base.reduce((sum, l) => sum + l.lineTotalFen, 0)
  const discounts: AppliedDiscount[] = []
  const coupons: CouponOffer[] = []
  for (const policy of terms.policies) {
    if (policy.offersFor) coupons.push(...policy.offersFor(base, discounts))
    const granted = policy.discountsFor(base, discounts)
    if (!granted.ok) return granted
    discounts.push(...granted.data.filter((d) => d.amountFen > 0))
  }
  const { shipping } = terms
  const discountFen = Math.min(goodsFen, discounts.reduce((sum, d) => sum + d.amountFen, 0))
  const shares = prorate(discountFen, base.map((l) => l.lineTotalFen))
  const priced = base.map((l, i) => ({ ...l, discountFen: shares[i], paidFen: l.lineTotalFen - shares[i] }))
  const paidGoodsFen = goodsFen - discountFen
  const shippingFen = freeShippingShortfallFen(paidGoodsFen, shipping) === 0 ? 0 : shipping.feeFen
  return ok({ quote: { lines: priced, goodsFen, discountFen, shippingFen, payableFen: paidGoodsFen + shippingFen, discounts }, coupons })
}
