import { cartContract } from '../../src/contracts/cart'
import { unitPriceAt } from '../../src/core/campaign'
import { Cart, CartLine, MAX_CART_LINES, viewCart } from '../../src/core/cart'
import type { Sku } from '../../src/core/catalog'
import { MAX_QUANTITY_PER_LINE } from '../../src/core/pricing'
import { Result, fail, ok } from '../../src/core/result'
import { readCampaignPrices } from '../_shared/campaign-prices'
import { loadCatalogFor } from '../_shared/catalog-reads'
import { _, db } from '../_shared/database'
import { defineFunction } from '../_shared/edge'

const carts = db.collection<Cart>('carts')

type Catalog = Awaited<ReturnType<typeof loadCatalogFor>> & { priceOf: (sku: Sku) => { unitPriceFen: number } }

/**
 * The SKUs and products of the lines, and what each SKU costs at this instant: the live campaign
 * prices are read beside them, in parallel (one more request), as the order prices them.
 */
async function catalogAt(skuIds: string[], now: Date): Promise<Catalog> {
  const [catalog, campaignPrices] = await Promise.all([loadCatalogFor(skuIds), skuIds.length > 0 ? readCampaignPrices() : []])
  return { ...catalog, priceOf: (sku) => unitPriceAt(campaignPrices, sku, now) }
}

/** The caller's cart as the page shows it. */
async function view(lines: CartLine[], now: Date) {
  const { skus, products, priceOf } = await catalogAt(lines.map((l) => l.skuId), now)
  return ok(viewCart(lines, skus, products, priceOf))
}

async function linesOf(openid: string): Promise<CartLine[]> {
  const { data } = await carts.where({ _id: openid }).get()
  return data[0]?.lines ?? []
}

/** Another device changing the cart at the very same moments, again and again, is not a buyer: give up. */
const MAX_TRIES = 8

/**
 * Changes the buyer's cart so that two devices changing it at once never lose an edit: the cart is
 * read, `change` decides the new lines, and they are written only onto the version that was read —
 * a cart changed meanwhile (by the other device, or by an order taking its lines) is read again and
 * the change decided afresh. One read and one conditional write, where a transaction costs four
 * requests. The catalog of the cart's lines and of `skuIds` is read once, for the change's checks and
 * for the cart shown after it.
 */
async function changeCart(openid: string, now: Date, skuIds: string[], change: (lines: CartLine[], catalog: Catalog) => Result<CartLine[]>) {
  for (let tries = 1; ; tries++) {
    const { data: cart } = await carts.doc(openid).get()
    const lines = cart?.lines ?? []
    const catalog = await catalogAt([...lines.map((l) => l.skuId), ...skuIds], now)
    const changed = change(lines, catalog)
    if (!changed.ok) return changed
    if (await writeOnto(cart, openid, changed.data, now)) return ok(viewCart(changed.data, catalog.skus, catalog.products, catalog.priceOf))
    if (tries === MAX_TRIES) throw new Error(`cart ${openid} changed under every one of ${MAX_TRIES} tries`)
  }
}

/** Writes the lines if the cart is still the one read (none: still none); false when it changed meanwhile. */
async function writeOnto(read: Cart | null, openid: string, lines: CartLine[], now: Date): Promise<boolean> {
  if (!read) {
    try {
      await carts.add({ data: { _id: openid, openid, lines, version: 1, updatedAt: now } })
      return true
    } catch (error) {
      // Another device made the cart first.
      if (/duplicate|_id_/i.test(String(error))) return false
      throw error
    }
  }
  const { stats } = await carts
    .where({ _id: openid, version: read.version ?? _.exists(false) })
    .update({ data: { lines, version: (read.version ?? 0) + 1, updatedAt: now } })
  return stats.updated === 1
}

export const main = defineFunction(cartContract, {
  getCart: {
    access: 'anyone',
    async handle(_input, caller, now) {
      return view(caller.openid ? await linesOf(caller.openid) : [], now)
    },
  },

  addToCart: {
    access: 'caller',
    async handle(input, caller, now) {
      return changeCart(caller.openid, now, [input.skuId], (lines, { skus, products, priceOf }) => {
        const sku = skus.get(input.skuId)
        const product = sku && products.get(sku.productId)
        if (!sku || !product || !product.onShelf) return fail('CART_PRODUCT_UNAVAILABLE', { skuId: input.skuId })
        const existing = lines.find((l) => l.skuId === input.skuId)
        const wanted = (existing?.quantity ?? 0) + input.quantity
        if (wanted > MAX_QUANTITY_PER_LINE) return fail('CART_QUANTITY_TOO_LARGE', { max: MAX_QUANTITY_PER_LINE })
        if (wanted > sku.stock) return fail('CART_OUT_OF_STOCK', { stock: sku.stock })
        if (existing) return ok(lines.map((l) => (l.skuId === input.skuId ? { ...l, quantity: wanted, selected: true } : l)))
        if (lines.length >= MAX_CART_LINES) return fail('CART_FULL', { max: MAX_CART_LINES })
        return ok([{ skuId: sku._id, quantity: input.quantity, selected: true, priceWhenAddedFen: priceOf(sku).unitPriceFen, addedAt: now }, ...lines])
      })
    },
  },

  setQuantity: {
    access: 'caller',
    async handle(input, caller, now) {
      return changeCart(caller.openid, now, [], (lines, { skus }) => {
        if (!lines.some((l) => l.skuId === input.skuId)) return fail('CART_LINE_NOT_FOUND')
        const stock = skus.get(input.skuId)?.stock ?? 0
        if (input.quantity > stock) return fail('CART_OUT_OF_STOCK', { stock })
        return ok(lines.map((l) => (l.skuId === input.skuId ? { ...l, quantity: input.quantity } : l)))
      })
    },
  },

  removeFromCart: {
    access: 'caller',
    async handle({ skuIds }, caller, now) {
      return changeCart(caller.openid, now, [], (lines) => ok(lines.filter((l) => !skuIds.includes(l.skuId))))
    },
  },

  selectLines: {
    access: 'caller',
    async handle({ skuIds, selected }, caller, now) {
      return changeCart(caller.openid, now, [], (lines) => ok(lines.map((l) => (skuIds === 'all' || skuIds.includes(l.skuId) ? { ...l, selected } : l))))
    },
  },
})
