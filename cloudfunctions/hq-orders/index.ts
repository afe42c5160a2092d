import { ShipOutcome, hqOrdersContract } from '../../src/contracts/hq-orders'
import { viewOrderForHq } from '../../src/core/order'
import { fail, ok } from '../../src/core/result'
import { chainOf } from '../_shared/attribution-chain'
import { defineFunction } from '../_shared/edge'
import { orders } from '../_shared/orders/repository'
import { shipOrder } from '../_shared/orders/ship'
import { findOrders } from './find-orders'

/**
 * HQ's order desk, beside the `hq` function (whose bundle has no room left): list and search orders,
 * ship them and report each shipment to WeChat. Staff whose role covers orders only; every call audited.
 */
export const main = defineFunction(
  hqOrdersContract,
  {
    listOrders: {
      access: 'hq',
      area: 'orders',
      async handle({ page, pageSize, ...filter }) {
        const found = await findOrders(filter, page, pageSize)
        return ok({ items: found.items.map(viewOrderForHq), hasMore: found.hasMore })
      },
    },
    getOrder: {
      access: 'hq',
      area: 'orders',
      async handle({ orderId }) {
        const { data } = await orders.doc(orderId).get()
        if (!data) return fail('ORDER_NOT_FOUND', { orderId })
        return ok({ ...viewOrderForHq(data), chain: data.attribution ? await chainOf(data) : null })
      },
    },
    shipOrders: {
      access: 'hq',
      area: 'orders',
      /** Each order's status and shipment (carrier, tracking number) before and after, in the audit entry. */
      batchChanges: { collection: 'orders', ids: ({ orders: batch }) => batch.map((o) => o.orderId), fields: ['status', 'shipment'] },
      /** One after the other: each is a transaction and a call to WeChat, and a batch is a page of 待发货. */
      async handle({ orders: batch }, admin, now) {
        const outcomes: ShipOutcome[] = []
        for (const shipping of batch) {
          const shipped = await shipOrder(shipping, { kind: 'hq', openid: admin.openid }, now)
          outcomes.push(shipped.ok ? { orderId: shipping.orderId, ok: true, order: viewOrderForHq(shipped.data) } : { orderId: shipping.orderId, ok: false, error: shipped.error })
        }
        return ok({ outcomes })
      },
    },
  },
  { auditEveryCall: true },
)
