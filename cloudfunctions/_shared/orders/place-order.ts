import { Address, snapshotOf } from '../../../src/core/address'
import type { Cart } from '../../../src/core/cart'
import { Order, orderNumber, requestKeyOf } from '../../../src/core/order'
import type { CheckoutChoices } from '../../../src/contracts/order'
import { CatalogLine, CheckoutReview, LineRequest, normalizeLines, quoteOrder, reviewCheckout } from '../../../src/core/pricing'
import { checkUnpaidLimit, unpaidOrderExpiry } from '../../../src/core/order-rules'
import { Result, fail, ok } from '../../../src/core/result'
import { ATTRIBUTION_RULES } from '../bindings'
import { loadCatalogFor, loadSkus } from '../catalog-reads'
import { Transaction, _, db, inTransaction } from '../database'
import { currentRulesOf } from '../versioned-rules'
import { PageShop, decideAttribution } from './attribute'
import { commitOrder } from './effects'
import { PRICING_RULES, pricingRulesNow, pricingTermsFor } from './pricing-terms'
import { orders } from './repository'
import { ORDER_RULES, countUnpaidOrder, readUnpaidOrders } from './unpaid-orders'

/**
 * Checkout's lines as the catalog has them now, priced for this buyer and their choices: each line's
 * problem, and the price once there is none.
 */
export async function reviewLines(buyerOpenid: string | null, requested: LineRequest[], choices: CheckoutChoices, now: Date): Promise<Result<CheckoutReview>> {
  const [catalog, terms] = await Promise.all([loadCatalogFor(requested.map((l) => l.skuId)), pricingTermsFor(buyerOpenid, choices, now, pricingRulesNow(), 'quote')])
  return terms.ok ? reviewCheckout(requested, catalog, terms.data) : terms
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
  choices: CheckoutChoices
  /**
   * What checkout showed the buyer would pay: an order that would cost otherwise now (a 限时折扣
   * over since, a price HQ changed) is refused, so the buyer sees the new price before paying it.
   */
  quotedPayableFen?: number
}

/**
 * Places an order: prices it on the server, reserves stock for every line or none, counts it among the
 * buyer's unpaid orders (within HQ's limit) and records it, all in one transaction. The same request
 * id from the same buyer gives back the order it already made, so a double tap or a retried network
 * call makes one order.
 *
 * Round trips are what a placement costs in production, so reads are few: the rules in one read, the
 * SKUs' stock in one query; the earlier order of a repeated request is looked for only when the
 * order's unique requestKey refuses the insert (or the placement is refused), and the cart is tidied
 * in the order's own transaction.
 */
export async function placeOrder(request: PlaceOrderRequest, now: Date): Promise<Result<Order>> {
  const requestKey = requestKeyOf(request.buyerOpenid, request.requestId)
  const normalized = normalizeLines(request.lines)
  if (!normalized.ok) return normalized
  const requested = normalized.data
  const skuIds = requested.map((l) => l.skuId)
  // Whose the order is is decided once, now, and kept on the order; so are its price and its expiry.
  const rulesNow = rulesNowOf()
  // Products are read before the transaction: only the SKUs' stock is contended, and the window in
  // which another order of the same SKU makes this one conflict (and run again) stays short.
  const [{ data: addressRows }, [, orderRules], attribution, { products }, terms] = await Promise.all([
    db.collection<Address>('addresses').where({ _id: request.addressId, openid: request.buyerOpenid }).get(),
    rulesNow,
    rulesNow.then(([rules]) => decideAttribution(request.buyerOpenid, request.fromShop, rules, now)),
    loadCatalogFor(skuIds),
    pricingTermsFor(request.buyerOpenid, request.choices, now, rulesNow.then(([, , shipping, member]) => ({ shipping, member }))),
  ])
  if (!addressRows[0]) return (await findByRequestKey(requestKey)) ?? fail('ORDER_ADDRESS_NOT_FOUND')
  if (!terms.ok) return (await findByRequestKey(requestKey)) ?? terms
  const pricing = terms.data

  let placed: Result<Order> | undefined
  // An order number is random to the second; the rare clash with another order is retried with a new one.
  for (let attempt = 0; !placed; attempt++) {
    try {
      placed = await reserveAndRecord()
    } catch (error) {
      const clash = String(error).includes('orderNo_unique') && attempt < 3
      if (clash) continue
      // The same request placed again: the unique requestKey let one through.
      const winner = String(error).includes('requestKey_unique') ? await findByRequestKey(requestKey) : undefined
      if (winner) return winner
      throw error
    }
  }
  // A request placed before may be refused now (its stock sold since, the buyer at the unpaid limit with
  // it): what it placed is the answer.
  return placed.ok ? placed : ((await findByRequestKey(requestKey)) ?? placed)

  function reserveAndRecord(): Promise<Result<Order>> {
    return inTransaction(async (tx) => {
      // The transaction's first read fixes its snapshot; the SKUs' stock is read after it, outside the
      // transaction in one query. A SKU that changes after the snapshot (before or after this read)
      // makes the stock write below conflict, and the work runs again: the stock checked is the stock
      // changed, as if the SKUs had been read in the transaction — one request instead of one per SKU.
      const unpaid = await readUnpaidOrders(tx, request.buyerOpenid)
      const allowed = checkUnpaidLimit(unpaid, orderRules)
      if (!allowed.ok) return allowed
      const skus = await loadSkus(skuIds)
      const lines = catalogLines(requested, skus, products)
      if (!lines.ok) return lines
      const quote = quoteOrder(lines.data, pricing)
      if (!quote.ok) return quote
      const { quotedPayableFen } = request
      if (quotedPayableFen !== undefined && quote.data.payableFen !== quotedPayableFen) {
        return fail('ORDER_PRICE_CHANGED', { quotedPayableFen, payableFen: quote.data.payableFen })
      }
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
        expiresAt: unpaidOrderExpiry(now, orderRules),
        updatedAt: now,
      }
      const [_id] = await Promise.all([
        commitOrder(tx, null, order, now),
        countUnpaidOrder(tx, request.buyerOpenid, unpaid, now),
        request.fromCart ? removeFromCart(tx, request.buyerOpenid, skuIds, now) : undefined,
      ])
      return ok({ ...order, _id })
    })
  }
}

/** Attribution, order and shipping rules, read together. */
const rulesNowOf = () => currentRulesOf(ATTRIBUTION_RULES, ORDER_RULES, ...PRICING_RULES)

async function findByRequestKey(requestKey: string): Promise<Result<Order> | undefined> {
  const earlier = (await orders.where({ requestKey }).get()).data[0]
  return earlier && ok(earlier)
}

/**
 * Ordered lines leave the cart in the order's transaction: one write that pulls them, so a line added
 * from another device meanwhile is kept, and a cart changed meanwhile conflicts and the order is
 * placed again on the fresh cart. It counts as a change of the cart (its version), so a change another
 * device decided from the cart before this one is decided again. A buyer without a cart changes nothing.
 */
function removeFromCart(tx: Transaction, openid: string, skuIds: string[], now: Date): Promise<unknown> {
  return tx.collection<Cart>('carts').doc(openid).update({ data: { lines: _.pull({ skuId: _.in(skuIds) }), version: _.inc(1), updatedAt: now } })
}
