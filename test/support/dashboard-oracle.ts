import { noFigures, type DayFigures } from '../../src/core/dashboard'
import { refundsOf, type Order } from '../../src/core/order'

/** Figures per "day shop" (shop `hq`: HQ's own) and per "day product". */
export interface Aggregated {
  shopDays: Record<string, DayFigures>
  productDays: Record<string, { units: number; salesFen: number }>
}

/**
 * The dashboard's figures computed the slow way, straight from the orders as they ended up — what the
 * rollups must equal. A paid order counts on the day it was paid (also when refunded later); the first
 * paid order of each buyer is a new customer; each refund that succeeded counts on its own day.
 */
export function directAggregation(orders: Order[], dayOf: (at: Date) => string): Aggregated {
  const result: Aggregated = { shopDays: {}, productDays: {} }
  const shopDay = (at: Date, order: Order) => (result.shopDays[`${dayOf(at)} ${order.attribution?.shopId ?? 'hq'}`] ??= noFigures())
  const paid = orders.filter((o) => o.payment.paidAt).sort((a, b) => a.payment.paidAt!.getTime() - b.payment.paidAt!.getTime())
  const buyers = new Set<string>()
  for (const order of paid) {
    const at = order.payment.paidAt!
    const day = shopDay(at, order)
    day.gmvFen += order.payment.paidFen!
    day.paidOrders += 1
    if (order.attribution?.shopId) day.funnelOrders += 1
    if (!buyers.has(order.buyerOpenid)) day.newCustomers += 1
    buyers.add(order.buyerOpenid)
    for (const line of order.lines) {
      const product = (result.productDays[`${dayOf(at)} ${line.productId}`] ??= { units: 0, salesFen: 0 })
      product.units += line.quantity
      product.salesFen += line.paidFen
    }
  }
  for (const order of orders) {
    for (const refund of refundsOf(order).filter((r) => r.status === 'refunded')) {
      const day = shopDay(refund.refundedAt!, order)
      day.refunds += 1
      day.refundFen += refund.amountFen
    }
  }
  return result
}
