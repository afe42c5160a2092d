import type { Product, Sku } from './catalog'
import type { UnitPrice } from './pricing'

/**
 * The cart, one per buyer, kept in the cloud so it follows them across devices and restarts. It holds
 * only SKU ids, quantities and what the price was when added; everything shown is read fresh.
 */
export interface CartLine {
  skuId: string
  quantity: number
  selected: boolean
  priceWhenAddedFen: number
  addedAt: Date
}

export interface Cart {
  _id: string
  openid: string
  lines: CartLine[]
  /** Counts the cart's changes: a change is written only onto the version it was decided from. Absent on carts from before it. */
  version?: number
  updatedAt: Date
}

export const MAX_CART_LINES = 50

/** Why a line cannot be bought now; `gone`: its SKU or product no longer exists, so nothing of it is known but the id. */
export type Unavailable = 'off_shelf' | 'sold_out' | 'not_enough_stock' | 'gone'

export interface CartItem {
  skuId: string
  productId: string
  title: string
  specs: Record<string, string>
  image: string
  unitPriceFen: number
  /** Set when the price moved since the item was added, so the page can say so. */
  priceWhenAddedFen?: number
  quantity: number
  stock: number
  selected: boolean
  unavailable?: Unavailable
}

export interface CartView {
  items: CartItem[]
  /** Quantities of the lines that can be bought now (on the shelf, in stock), for the tab badge. */
  count: number
  selectedGoodsFen: number
  selectedCount: number
}

/**
 * What the cart shows now: current prices (a 限时折扣's while it runs: `priceOf`, the order's pricing
 * at this instant) and stock, and which lines can no longer be bought.
 */
export function viewCart(
  lines: CartLine[],
  skus: Map<string, Sku>,
  products: Map<string, Pick<Product, '_id' | 'title' | 'images' | 'onShelf'>>,
  priceOf: (sku: Sku) => UnitPrice = (sku) => ({ unitPriceFen: sku.priceFen }),
): CartView {
  const items = lines.map((line): CartItem => {
    const sku = skus.get(line.skuId)
    const product = sku ? products.get(sku.productId) : undefined
    if (!sku || !product) {
      return { skuId: line.skuId, productId: '', title: '', specs: {}, image: '', unitPriceFen: 0, quantity: line.quantity, stock: 0, selected: false, unavailable: 'gone' }
    }
    const unavailable: Unavailable | undefined = !product.onShelf
      ? 'off_shelf'
      : sku.stock === 0
        ? 'sold_out'
        : sku.stock < line.quantity
          ? 'not_enough_stock'
          : undefined
    const { unitPriceFen } = priceOf(sku)
    return {
      skuId: sku._id,
      productId: product._id,
      title: product.title,
      specs: sku.specs,
      image: product.images[0] ?? '',
      unitPriceFen,
      ...(unitPriceFen !== line.priceWhenAddedFen ? { priceWhenAddedFen: line.priceWhenAddedFen } : {}),
      quantity: line.quantity,
      stock: sku.stock,
      selected: line.selected && !unavailable,
      ...(unavailable ? { unavailable } : {}),
    }
  })
  const selected = items.filter((i) => i.selected)
  return {
    items,
    count: items.filter((i) => !i.unavailable).reduce((sum, i) => sum + i.quantity, 0),
    selectedCount: selected.reduce((sum, i) => sum + i.quantity, 0),
    selectedGoodsFen: selected.reduce((sum, i) => sum + i.unitPriceFen * i.quantity, 0),
  }
}
