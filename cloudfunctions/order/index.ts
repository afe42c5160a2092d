import { orderContract } from '../../src/contracts/order'
import { Order, hideForBuyer, summarizeOrder, transition, viewOrder } from '../../src/core/order'
import { Result, ok } from '../../src/core/result'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { cancelOrder } from '../_shared/orders/cancel-order'
import { placeOrder, reviewLines } from '../_shared/orders/place-order'
import { requestRefund, shipReturn, withdrawRefund } from '../_shared/orders/refunds'
import { changeOrder, findBuyerOrder, listBuyerOrders } from '../_shared/orders/repository'
import { syncPayment } from '../_shared/orders/settle-payment'
import { startPayment } from '../_shared/orders/start-payment'

const asView = (result: Result<Order>) => (result.ok ? ok(viewOrder(result.data)) : result)

/** Runs `then` on the caller's own order; someone else's order is "not found", to reveal nothing. */
async function withOwnOrder<T>(orderId: string, caller: SignedInCaller, then: (order: Order) => Promise<Result<T>>): Promise<Result<T>> {
  const found = await findBuyerOrder(orderId, caller.openid)
  return found.ok ? then(found.data) : found
}

const buyer = (caller: SignedInCaller) => ({ kind: 'buyer' as const, openid: caller.openid })

export const main = defineFunction(orderContract, {
  quoteOrder: {
    access: 'anyone',
    handle: ({ lines, ...choices }, caller, now) => reviewLines(caller.openid ?? null, lines, choices, now),
  },

  placeOrder: {
    access: 'caller',
    handle: async ({ requestId, lines, addressId, remark, fromCart, fromShop, quotedPayableFen, ...choices }, caller, now) =>
      asView(await placeOrder({ requestId, lines, addressId, remark, fromCart, fromShop, quotedPayableFen, choices, buyerOpenid: caller.openid }, now)),
  },

  listOrders: {
    access: 'anyone',
    async handle({ tab, page, pageSize }, caller) {
      if (!caller.openid) return ok({ items: [], hasMore: false })
      const { items, hasMore } = await listBuyerOrders(caller.openid, tab, page, pageSize)
      return ok({ items: items.map(summarizeOrder), hasMore })
    },
  },

  getOrder: {
    access: 'caller',
    handle: ({ orderId }, caller) => withOwnOrder(orderId, caller, async (order) => ok(viewOrder(order))),
  },

  payOrder: {
    access: 'caller',
    handle: ({ orderId }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => {
        const payment = await startPayment(order, cloudPayGateway, now)
        return payment.ok ? ok({ payment: payment.data }) : payment
      }),
  },

  syncPayment: {
    access: 'caller',
    handle: ({ orderId }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => {
        const synced = await syncPayment(order, cloudPayGateway, now)
        return synced.ok ? asView(await findBuyerOrder(orderId, caller.openid)) : synced
      }),
  },

  cancelOrder: {
    access: 'caller',
    handle: ({ orderId, reason }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => asView(await cancelOrder(order._id, 'cancel', buyer(caller), reason, cloudPayGateway, now))),
  },

  confirmReceipt: {
    access: 'caller',
    handle: ({ orderId }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => asView(await changeOrder(order._id, (current) => transition(current, 'confirmReceipt', buyer(caller), now), now))),
  },

  hideOrder: {
    access: 'caller',
    handle: ({ orderId }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => asView(await changeOrder(order._id, (current) => hideForBuyer(current, now), now))),
  },

  requestRefund: {
    access: 'caller',
    handle: ({ orderId, reason, lines, kind }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => asView(await requestRefund(order._id, lines, reason, kind, buyer(caller), now))),
  },

  shipReturn: {
    access: 'caller',
    handle: ({ orderId, carrierId, trackingNo }, caller, now) =>
      withOwnOrder(orderId, caller, async (order) => asView(await shipReturn(order._id, carrierId, trackingNo, buyer(caller), now))),
  },

  withdrawRefund: {
    access: 'caller',
    handle: ({ orderId }, caller, now) => withOwnOrder(orderId, caller, async (order) => asView(await withdrawRefund(order._id, buyer(caller), now))),
  },
})
