import type { HqProduct } from '../../../contracts/hq-catalog'
import type { SpecDimension } from '../../../core/catalog'
import { hundredthsText, parseHundredths } from '../../../core/money'
import { combinations, specKey, specLabel, type ProductDraft } from '../../../core/product-editing'
import type { ProductDraftPayload } from '../../hq-catalog-store'

/** The product form as typed: spec values as one line each, prices in yuan, keyed by combination. */
export interface ProductForm extends Pick<ProductDraft, 'title' | 'subtitle' | 'detail' | 'categoryId' | 'images' | 'tags'> {
  dimensions: Array<{ name: string; values: string }>
  /** Yuan as typed, by specKey. */
  prices: Record<string, string>
  /** Opening stock of a new combination as typed, by specKey. */
  stocks: Record<string, string>
}

export const EMPTY_FORM: ProductForm = {
  title: '',
  subtitle: '',
  detail: '',
  categoryId: '',
  images: [],
  tags: [],
  dimensions: [{ name: '规格', values: '' }],
  prices: {},
  stocks: {},
}

/** A line of values: split at spaces and Chinese or Western commas, blanks dropped. */
const valuesOf = (line: string): string[] => line.split(/[\s,，、]+/).filter(Boolean)

/** The dimensions typed so far; a dimension without a name or values is not one yet. */
export const dimensionsOf = (form: ProductForm): SpecDimension[] =>
  form.dimensions.map((d) => ({ name: d.name.trim(), values: valuesOf(d.values) })).filter((d) => d.name && d.values.length > 0)

/** The SKU rows the form shows: one per combination of the values typed, with what HQ entered for it. */
export function skuRows(form: ProductForm, existing: HqProduct['skus'] = []) {
  const dimensions = dimensionsOf(form)
  const had = new Map(existing.filter((s) => Object.keys(s.specs).length === dimensions.length).map((s) => [specKey(dimensions, s.specs), s]))
  return combinations(dimensions).map((specs) => {
    const key = specKey(dimensions, specs)
    return { key, specs, label: specLabel(dimensions, specs) || '默认', price: form.prices[key] ?? '', stock: form.stocks[key] ?? '', existing: had.get(key) }
  })
}

export function formOf(product: HqProduct): ProductForm {
  const prices: Record<string, string> = {}
  for (const sku of product.skus) prices[specKey(product.specDimensions, sku.specs)] = hundredthsText(sku.priceFen)
  return {
    title: product.title,
    subtitle: product.subtitle,
    detail: product.detail,
    categoryId: product.categoryId,
    images: product.images,
    tags: product.tags,
    dimensions: product.specDimensions.map((d) => ({ name: d.name, values: d.values.join(' ') })),
    prices,
    stocks: {},
  }
}

/**
 * The draft the function checks. A price or stock that is not a number goes as an impossible one, so
 * the refusal is the core's, naming the combination.
 */
export function draftOf(form: ProductForm, existing: HqProduct['skus'] = []): ProductDraftPayload {
  const stockOf = (text: string) => (text.trim() === '' ? 0 : /^\d+$/.test(text.trim()) ? Number(text) : -1)
  return {
    title: form.title,
    subtitle: form.subtitle,
    detail: form.detail,
    categoryId: form.categoryId,
    images: form.images,
    tags: form.tags,
    specDimensions: dimensionsOf(form),
    skus: skuRows(form, existing).map((row) => {
      const priceFen = parseHundredths(row.price)
      return { specs: row.specs, priceFen: Number.isNaN(priceFen) ? 0 : priceFen, openingStock: row.existing ? 0 : stockOf(row.stock) }
    }),
  }
}
