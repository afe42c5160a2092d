import { z } from 'zod'
import { ORDER_TABS, Order, summarizeOrder, transition, viewOrder } from '../../src/core/order'
import { MAX_LINES, MAX_QUANTITY_PER_LINE } from '../../src/core/pricing'
import { Result, fail, ok } from '../../src/core/result'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { MAX_PAGE_SIZE, _ } from '../_shared/database'
import { action, defineFunction } from '../_shared/edge'
import { cancelOrder } from '../_shared/orders/cancel-order'
import { placeOrder, quoteLines } from '../_shared/orders/place-order'
import { requestRefund } from '../_shared/orders/refunds'
import { changeOrder, findBuyerOrder, orders } from '../_shared/orders/repository'
import { syncPayment } from '../_shared/orders/settle-payment'

const orderId = z.string().min(1).max(64)
const lines = z
  .array(z.object({ skuId: z.string().min(1).max(80), quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE) }).strict())
  .min(1)
  .max(MAX_LINES)
const reason = z.string().trim().min(1, '请填写原因').max(200)

const asView = (result: Result<Order>) => (result.ok ? ok(viewOrder(result.data)) : result)

export const main = defineFunction('order', {
  quoteOrder: action({
    input: z.object({ lines }).strict(),
    handle: ({ lines: requested }) => quoteLines(requested),
  }),

  placeOrder: action({
    input: z
      .object({
        requestId: z.string().regex(/^[\w-]{8,64}$/, 'requestId 格式不正确'),
        lines,
        addressId: z.string().min(1).max(64),
        remark: z.string().trim().max(200).default(''),
        fromCart: z.boolean().default(false),
      })
      .strict(),
    async handle(input, caller) {
      if (!caller.openid) return fail('AUTH_REQUIRED')
      return asView(await placeOrder({ ...input, buyerOpenid: caller.openid }, new Date()))
    },
  }),

  listOrders: action({
    input: z
      .object({
        tab: z.enum(ORDER_TABS.map((t) => t.key) as [string, ...string[]]).default('all'),
        page: z.number().int().min(0).max(1000).default(0),
        pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
      })
      .strict(),
    async handle({ tab, page, pageSize }, caller) {
      if (!caller.openid) return ok({ items: [], hasMore: false })
      const statuses = ORDER_TABS.find((t) => t.key === tab)!.statuses
      const where = statuses ? { buyerOpenid: caller.openid, status: _.in(statuses) } : { buyerOpenid: caller.openid }
      const { data } = await orders
        .where(where)
        .orderBy('createdAt', 'desc')
        .skip(page * pageSize)
        .limit(pageSize + 1)
        .get()
      return ok({ items: data.slice(0, pageSize).map(summarizeOrder), hasMore: data.length > pageSize })
    },
  }),

  getOrder: action({
    input: z.object({ orderId }).strict(),
    async handle(input, caller) {
      return asView(await findBuyerOrder(input.orderId, caller.openid))
    },
  }),

  /** Starts WeChat Pay for an unpaid order; paying again after a cancelled sheet uses this too. */
  payOrder: action({
    input: z.object({ orderId }).strict(),
    async handle(input, caller) {
      const found = await findBuyerOrder(input.orderId, caller.openid)
      if (!found.ok) return found
      const order = found.data
      if (order.status !== 'pending_payment') return fail('ORDER_NOT_PAYABLE', { status: order.status })
      if (order.expiresAt.getTime() <= Date.now()) return fail('ORDER_PAYMENT_EXPIRED')
      // Recorded before asking WeChat Pay, so a cancel that races this call still closes the payment there.
      if (!order.payment.startedAt) await orders.doc(order._id).update({ data: { 'payment.startedAt': new Date() } })
      const title = order.lines[0].title + (order.lines.length > 1 ? ` 等${order.lines.length}件商品` : '')
      const payment = await cloudPayGateway.createPayment({
        outTradeNo: order.payment.outTradeNo,
        totalFen: order.payableFen,
        description: `云岭茶舍-${title}`,
        payerOpenid: order.buyerOpenid,
        expiresAt: order.expiresAt,
      })
      return payment.ok ? ok({ payment: payment.data }) : payment
    },
  }),

  /** The client is back from paying: settle from WeChat Pay's answer if the notification is not in yet. */
  syncPayment: action({
    input: z.object({ orderId }).strict(),
    async handle(input, caller) {
      const found = await findBuyerOrder(input.orderId, caller.openid)
      if (!found.ok) return found
      const synced = await syncPayment(found.data, cloudPayGateway, new Date())
      if (!synced.ok) return synced
      return asView(await findBuyerOrder(input.orderId, caller.openid))
    },
  }),

  cancelOrder: action({
    input: z.object({ orderId, reason }).strict(),
    async handle(input, caller) {
      const found = await findBuyerOrder(input.orderId, caller.openid)
      if (!found.ok) return found
      const actor = { kind: 'buyer' as const, openid: caller.openid! }
      return asView(await cancelOrder(found.data._id, 'cancel', actor, input.reason, cloudPayGateway, new Date()))
    },
  }),

  confirmReceipt: action({
    input: z.object({ orderId }).strict(),
    async handle(input, caller) {
      const found = await findBuyerOrder(input.orderId, caller.openid)
      if (!found.ok) return found
      const buyer = { kind: 'buyer' as const, openid: caller.openid! }
      return asView(await changeOrder(found.data._id, (order) => transition(order, 'confirmReceipt', buyer, new Date())))
    },
  }),

  requestRefund: action({
    input: z.object({ orderId, reason }).strict(),
    async handle(input, caller) {
      const found = await findBuyerOrder(input.orderId, caller.openid)
      if (!found.ok) return found
      return asView(await requestRefund(found.data, input.reason, { kind: 'buyer', openid: caller.openid! }, new Date()))
    },
  }),
})
