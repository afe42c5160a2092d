import { cartContract } from '../../src/contracts/cart'
import { Cart, CartLine, MAX_CART_LINES, viewCart } from '../../src/core/cart'
import { MAX_QUANTITY_PER_LINE } from '../../src/core/pricing'
import { Result, fail, ok } from '../../src/core/result'
import { loadCatalogFor } from '../_shared/catalog-reads'
import { readCart } from '../_shared/carts'
import { db, inTransaction } from '../_shared/database'
import { defineFunction } from '../_shared/edge'

const carts = db.collection<Cart>('carts')

/** The caller's cart as the page shows it. */
async function view(lines: CartLine[]) {
  const { skus, products } = await loadCatalogFor(lines.map((l) => l.skuId))
  return ok(viewCart(lines, skus, products))
}

async function linesOf(openid: string): Promise<CartLine[]> {
  const { data } = await carts.where({ _id: openid }).get()
  return data[0]?.lines ?? []
}

/**
 * Changes the buyer's cart in a transaction that writes the cart, so two devices changing it at once
 * never lose an edit. `change` returns the new lines, or an error that leaves the cart as it was.
 */
async function changeCart(openid: string, now: Date, change: (lines: CartLine[]) => Promise<Result<CartLine[]>>) {
  const outcome = await inTransaction(async (tx) => {
    const cart = await readCart(tx, openid)
    const changed = await change(cart?.lines ?? [])
    if (!changed.ok) return changed
    if (cart) await tx.collection<Cart>('carts').doc(openid).update({ data: { lines: changed.data, updatedAt: now } })
    else await tx.collection<Cart>('carts').add({ data: { _id: openid, openid, lines: changed.data, updatedAt: now } })
    return changed
  })
  return outcome.ok ? view(outcome.data) : outcome
}

export const main = defineFunction(cartContract, {
  getCart: {
    access: 'anyone',
    async handle(_input, caller) {
      return view(caller.openid ? await linesOf(caller.openid) : [])
    },
  },

  addToCart: {
    access: 'caller',
    async handle(input, caller, now) {
      return changeCart(caller.openid, now, async (lines) => {
        const { skus, products } = await loadCatalogFor([input.skuId])
        const sku = skus.get(input.skuId)
        const product = sku && products.get(sku.productId)
        if (!sku || !product || !product.onShelf) return fail('CART_PRODUCT_UNAVAILABLE', { skuId: input.skuId })
        const existing = lines.find((l) => l.skuId === input.skuId)
        const wanted = (existing?.quantity ?? 0) + input.quantity
        if (wanted > MAX_QUANTITY_PER_LINE) return fail('CART_QUANTITY_TOO_LARGE', { max: MAX_QUANTITY_PER_LINE })
        if (wanted > sku.stock) return fail('CART_OUT_OF_STOCK', { stock: sku.stock })
        if (existing) return ok(lines.map((l) => (l.skuId === input.skuId ? { ...l, quantity: wanted, selected: true } : l)))
        if (lines.length >= MAX_CART_LINES) return fail('CART_FULL', { max: MAX_CART_LINES })
        return ok([{ skuId: sku._id, quantity: input.quantity, selected: true, priceWhenAddedFen: sku.priceFen, addedAt: now }, ...lines])
      })
    },
  },

  setQuantity: {
    access: 'caller',
    async handle(input, caller, now) {
      return changeCart(caller.openid, now, async (lines) => {
        if (!lines.some((l) => l.skuId === input.skuId)) return fail('CART_LINE_NOT_FOUND')
        const { skus } = await loadCatalogFor([input.skuId])
        const stock = skus.get(input.skuId)?.stock ?? 0
        if (input.quantity > stock) return fail('CART_OUT_OF_STOCK', { stock })
        return ok(lines.map((l) => (l.skuId === input.skuId ? { ...l, quantity: input.quantity } : l)))
      })
    },
  },

  removeFromCart: {
    access: 'caller',
    async handle({ skuIds }, caller, now) {
      return changeCart(caller.openid, now, async (lines) => ok(lines.filter((l) => !skuIds.includes(l.skuId))))
    },
  },

  selectLines: {
    access: 'caller',
    async handle({ skuIds, selected }, caller, now) {
      return changeCart(caller.openid, now, async (lines) =>
        ok(lines.map((l) => (skuIds === 'all' || skuIds.includes(l.skuId) ? { ...l, selected } : l))),
      )
    },
  },
})
