import { Address, snapshotOf } from '../../../src/core/address'
import type { Cart } from '../../../src/core/cart'
import { Order, UNPAID_ORDER_MINUTES, orderNumber, requestKeyOf } from '../../../src/core/order'
import { CatalogLine, CheckoutReview, DEFAULT_SHIPPING, DiscountPolicy, LineRequest, ShippingRule, normalizeLines, quoteOrder, reviewCheckout } from '../../../src/core/pricing'
import { Result, fail, ok } from '../../../src/core/result'
import { addMinutes } from '../../../src/core/time'
import { readCart } from '../carts'
import { loadCatalogFor } from '../catalog-reads'
import { db, inTransaction } from '../database'
import { PageShop, decideAttribution } from './attribute'
import { commitOrder } from './effects'
import { orders } from './repository'
import { readSkus } from './stock'

/** Discounts offered at checkout: none yet; coupons and campaigns plug in here. */
export const discountPolicies: DiscountPolicy[] = []

export const shippingRule = (): ShippingRule => DEFAULT_SHIPPING

/** Checkout's lines as the catalog has them now: each line's problem, and the price once there is none. */
export async function reviewLines(requested: LineRequest[]): Promise<Result<CheckoutReview>> {
  const catalog = await loadCatalogFor(requested.map((l) => l.skuId))
  return reviewCheckout(requested, catalog, shippingRule(), discountPolicies)
}

function catalogLines(
  requested: LineRequest[],
  skus: Map<string, CatalogLine['sku']>,
  products: Map<string, CatalogLine['product']>,
): Result<CatalogLine[]> {
  const lines: CatalogLine[] = []
  for (const { skuId, quantity } of requested) {
    const sku = skus.get(skuId)
    const product = sku && products.get(sku.productId)
    if (!sku || !product) return fail('ORDER_SKU_NOT_FOUND', { skuId })
    lines.push({ sku, product, quantity })
  }
  return ok(lines)
}

export interface PlaceOrderRequest {
  buyerOpenid: string
  requestId: string
  lines: LineRequest[]
  addressId: string
  remark: string
  fromCart: boolean
  /** The shop whose page the order came from. */
  fromShop?: PageShop
}

/**
 * Places an order: prices it on the server, reserves stock for every line or none, and records the
 * order, all in one transaction. The same request id from the same buyer gives back the order it
 * already made, so a double tap or a retried network call makes one order.
 */
export async function placeOrder(request: PlaceOrderRequest, now: Date): Promise<Result<Order>> {
  const requestKey = requestKeyOf(request.buyerOpenid, request.requestId)
  const earlier = await findByRequestKey(requestKey)
  if (earlier) return ok(earlier)

  const normalized = normalizeLines(request.lines)
  if (!normalized.ok) return normalized
  const requested = normalized.data
  // Whose the order is is decided once, now, and kept on the order. Products are read before the
  // transaction: only the SKUs' stock is contended. Inside it, the SKUs' snapshot is read and the stock
  // written (ORDER_EFFECTS) with nothing in between, which keeps the window in which another order for
  // the same SKU makes this one conflict (and run again) small.
  const [{ data: addressRows }, attribution, { products }] = await Promise.all([
    db.collection<Address>('addresses').where({ _id: request.addressId, openid: request.buyerOpenid }).get(),
    decideAttribution(request.buyerOpenid, request.fromShop, now),
    loadCatalogFor(requested.map((l) => l.skuId)),
  ])
  if (!addressRows[0]) return fail('ORDER_ADDRESS_NOT_FOUND')

  let placed: Result<Order> | undefined
  // An order number is random to the second; the rare clash with another order is retried with a new one.
  for (let attempt = 0; !placed; attempt++) {
    try {
      placed = await reserveAndRecord()
    } catch (error) {
      const clash = String(error).includes('orderNo_unique') && attempt < 3
      if (clash) continue
      // The same request placed twice at the same instant: the unique requestKey let one through.
      const winner = String(error).includes('requestKey_unique') ? await findByRequestKey(requestKey) : undefined
      if (winner) return ok(winner)
      throw error
    }
  }
  if (placed.ok && request.fromCart) await removeFromCart(request.buyerOpenid, placed.data.lines.map((l) => l.skuId))
  return placed

  function reserveAndRecord(): Promise<Result<Order>> {
    return inTransaction(async (tx) => {
      const skus = await readSkus(tx, requested.map((l) => l.skuId))
      const lines = catalogLines(requested, skus, products)
      if (!lines.ok) return lines
      const quote = quoteOrder(lines.data, shippingRule(), discountPolicies)
      if (!quote.ok) return quote
      const orderNo = orderNumber(now, Math.random)
      const order: Order = {
        _id: '',
        orderNo,
        buyerOpenid: request.buyerOpenid,
        requestKey,
        status: 'pending_payment',
        ...quote.data,
        address: snapshotOf(addressRows[0]),
        remark: request.remark,
        payment: { outTradeNo: orderNo },
        attribution,
        timeline: [{ event: 'place', at: now, actor: { kind: 'buyer', openid: request.buyerOpenid } }],
        createdAt: now,
        expiresAt: addMinutes(now, UNPAID_ORDER_MINUTES),
        updatedAt: now,
      }
      return ok({ ...order, _id: await commitOrder(tx, null, order, now) })
    })
  }
}

async function findByRequestKey(requestKey: string): Promise<Order | undefined> {
  return (await orders.where({ requestKey }).get()).data[0]
}

/**
 * Ordered lines leave the cart, in a transaction so an item added from another device meanwhile is
 * kept. The order stands even if this tidy-up fails.
 */
async function removeFromCart(openid: string, skuIds: string[]): Promise<void> {
  try {
    await inTransaction(async (tx) => {
      const cart = await readCart(tx, openid)
      if (cart) {
        const lines = cart.lines.filter((l) => !skuIds.includes(l.skuId))
        await tx.collection<Cart>('carts').doc(openid).update({ data: { lines, updatedAt: new Date() } })
      }
      return ok(undefined)
    })
  } catch (error) {
    console.warn('could not remove ordered lines from the cart', error)
  }
}
