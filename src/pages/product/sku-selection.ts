import type { ProductDetail } from '../../core/catalog'

/** Chosen value per spec dimension (规格 → 100g); a dimension not chosen yet is absent. */
export type Selection = Record<string, string>

type Skus = ProductDetail['skus']

/**
 * Whether `value` can be chosen for `dimension`, given the values chosen for the other dimensions:
 * some SKU in stock has it together with all of them. A value that leads only to sold-out or
 * non-existent combinations is shown disabled.
 */
export function canChoose(skus: Skus, selection: Selection, dimension: string, value: string): boolean {
  return skus.some(
    (sku) =>
      sku.stock > 0 &&
      sku.specs[dimension] === value &&
      Object.entries(selection).every(([name, chosen]) => name === dimension || sku.specs[name] === chosen),
  )
}

/** Tapping a chip: chooses it, or un-chooses it when it was chosen. */
export function toggle(selection: Selection, dimension: string, value: string): Selection {
  const { [dimension]: current, ...others } = selection
  return current === value ? others : { ...others, [dimension]: value }
}

/** What is chosen before the buyer taps anything: every dimension that has only one value. */
export function initialSelection(product: ProductDetail): Selection {
  return Object.fromEntries(product.specDimensions.filter((d) => d.values.length === 1).map((d) => [d.name, d.values[0]]))
}

/** Dimensions still to choose, for the 请选择 hint. */
export function missingDimensions(product: ProductDetail, selection: Selection): string[] {
  return product.specDimensions.filter((d) => !(d.name in selection)).map((d) => d.name)
}
