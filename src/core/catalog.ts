import type { CampaignBadge } from './campaign'

/**
 * The catalog as HQ keeps it: products with specs (规格, 包装, 口味…) and one SKU per combination of
 * spec values. Amounts are integer fen. Shared by the functions (truth) and the pages (display).
 */

/** How the shop presents itself: HQ's brand, kept in the `settings` collection as `storefront`. */
export interface Storefront {
  name: string
  slogan: string
  logo: string
}

export interface SpecDimension {
  /** e.g. 规格 */
  name: string
  /** e.g. ['100g', '250g'] */
  values: string[]
}

export interface Category {
  _id: string
  name: string
  icon: string
  sortOrder: number
}

export interface Product {
  _id: string
  title: string
  subtitle: string
  detail: string
  images: string[]
  categoryId: string
  tags: string[]
  specDimensions: SpecDimension[]
  onShelf: boolean
  sortOrder: number
  /** Kept in step with the product's SKUs so lists can show a price without reading every SKU. */
  minPriceFen: number
  maxPriceFen: number
  /** searchTermsOf (search-terms.ts) the product and its category, kept in step with them. */
  searchTerms: string[]
  createdAt: Date
}

export interface Sku {
  _id: string
  productId: string
  /** One value per spec dimension, e.g. { 规格: '250g', 包装: '礼盒' } */
  specs: Record<string, string>
  priceFen: number
  stock: number
}

export type ProductSummary = Pick<Product, '_id' | 'title' | 'subtitle' | 'minPriceFen' | 'maxPriceFen'> & {
  coverImage: string
  /** The 限时折扣 running, else the next to start (lists that show it). */
  campaign?: CampaignBadge
}

export interface ProductPage {
  items: ProductSummary[]
  hasMore: boolean
}

export type ProductDetail = Omit<Product, 'createdAt' | 'sortOrder' | 'searchTerms'> & {
  /** Each with its price in `campaign` when the campaign includes it. */
  skus: Array<Omit<Sku, 'productId'> & { campaignPriceFen?: number }>
  /** The 限时折扣 running, else the next to start. */
  campaign?: CampaignBadge
}

export function summarize(product: Product): ProductSummary {
  return {
    _id: product._id,
    title: product.title,
    subtitle: product.subtitle,
    coverImage: product.images[0] ?? '',
    minPriceFen: product.minPriceFen,
    maxPriceFen: product.maxPriceFen,
  }
}

/** Lowest and highest SKU price; a product with no SKU has no price. */
export function priceRangeOf(skus: Array<Pick<Sku, 'priceFen'>>): { minPriceFen: number; maxPriceFen: number } {
  if (skus.length === 0) return { minPriceFen: 0, maxPriceFen: 0 }
  const prices = skus.map((s) => s.priceFen)
  return { minPriceFen: Math.min(...prices), maxPriceFen: Math.max(...prices) }
}

/** The SKU matching a full selection of spec values, if there is one. */
export function skuForSelection<S extends Pick<Sku, 'specs'>>(skus: S[], selection: Record<string, string>): S | undefined {
  return skus.find((sku) => Object.entries(sku.specs).every(([name, value]) => selection[name] === value))
}
