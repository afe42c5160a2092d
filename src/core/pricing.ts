import type { Product, Sku } from './catalog'
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

export const DEFAULT_SHIPPING: ShippingRule = { freeOverFen: 9900, feeFen: 1000 }

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
}

/**
 * The extension point for coupons and campaigns: given the priced lines, a policy says which
 * discounts apply. It never changes prices itself; the quote caps and prorates what it returns.
 */
export interface DiscountPolicy {
  discountsFor(lines: ReadonlyArray<Omit<PricedLine, 'discountFen' | 'paidFen'>>): AppliedDiscount[]
}

export interface Quote {
  lines: PricedLine[]
  goodsFen: number
  discountFen: number
  shippingFen: number
  payableFen: number
  discounts: AppliedDiscount[]
}

/** Merges repeated SKUs and checks the request's shape before any catalog is read. */
export function normalizeLines(requested: LineRequest[]): Result<LineRequest[]> {
  if (requested.length === 0) return fail('ORDER_EMPTY')
  const merged = new Map<string, number>()
  for (const { skuId, quantity } of requested) merged.set(skuId, (merged.get(skuId) ?? 0) + quantity)
  if (merged.size > MAX_LINES) return fail('ORDER_TOO_MANY_LINES', { max: MAX_LINES })
  for (const [skuId, quantity] of merged) {
    if (quantity > MAX_QUANTITY_PER_LINE) {
      return fail('ORDER_QUANTITY_TOO_LARGE', { skuId, max: MAX_QUANTITY_PER_LINE })
    }
  }
  return ok([...merged].map(([skuId, quantity]) => ({ skuId, quantity })))
}

/**
 * Prices the lines: every SKU must exist, be on the shelf and have the stock asked for. Discounts are
 * capped at the goods amount and prorated over the lines; shipping is never discounted.
 */
export function quoteOrder(lines: CatalogLine[], shipping: ShippingRule, policies: DiscountPolicy[] = []): Result<Quote> {
  const base: Array<Omit<PricedLine, 'discountFen' | 'paidFen'>> = []
  for (const { sku, product, quantity } of lines) {
    if (!product.onShelf) return fail('ORDER_PRODUCT_OFF_SHELF', { skuId: sku._id, title: product.title })
    if (sku.stock < quantity) {
      return fail('ORDER_OUT_OF_STOCK', { skuId: sku._id, title: product.title, stock: sku.stock })
    }
    base.push({
      skuId: sku._id,
      productId: product._id,
      categoryId: product.categoryId,
      title: product.title,
      specs: sku.specs,
      image: product.images[0] ?? '',
      unitPriceFen: sku.priceFen,
      quantity,
      lineTotalFen: sku.priceFen * quantity,
    })
  }
  const goodsFen = base.reduce((sum, l) => sum + l.lineTotalFen, 0)
  const discounts = policies.flatMap((p) => p.discountsFor(base)).filter((d) => d.amountFen > 0)
  const discountFen = Math.min(goodsFen, discounts.reduce((sum, d) => sum + d.amountFen, 0))
  const shares = prorate(discountFen, base.map((l) => l.lineTotalFen))
  const priced = base.map((l, i) => ({ ...l, discountFen: shares[i], paidFen: l.lineTotalFen - shares[i] }))
  const paidGoodsFen = goodsFen - discountFen
  const shippingFen = paidGoodsFen >= shipping.freeOverFen ? 0 : shipping.feeFen
  return ok({ lines: priced, goodsFen, discountFen, shippingFen, payableFen: paidGoodsFen + shippingFen, discounts })
}
