import { ShipOutcome, hqOrdersContract } from '../../src/contracts/hq-orders'
import { Order, viewOrderForHq } from '../../src/core/order'
import { Result, fail, ok } from '../../src/core/result'
import { chainOf } from '../_shared/attribution-chain'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { approveRefund, receiveReturn, rejectRefund, startRefund } from '../_shared/orders/refunds'
import { orders } from '../_shared/orders/repository'
import { RETURN_RULES, approveReturn, refuseReturn } from '../_shared/orders/returns'
import { shipOrder } from '../_shared/orders/ship'
import { currentRules, setRules } from '../_shared/versioned-rules'
import { findOrders } from './find-orders'

const hqActor = (admin: SignedInCaller) => ({ kind: 'hq' as const, openid: admin.openid })
const asView = (result: Result<Order>) => (result.ok ? ok(viewOrderForHq(result.data)) : result)
const orderChange = { collection: 'orders', id: ({ orderId }: { orderId: string }) => orderId }

/**
 * HQ's order desk, beside the `hq` function (whose bundle has no room left): list and search orders,
 * ship them and report each shipment to WeChat, and take returns (退货退款) through, with the return
 * address they go to. Staff whose role covers orders only; every call audited.
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
    approveRefund: {
      access: 'hq',
      area: 'orders',
      changes: orderChange,
      handle: async ({ orderId, amountFen }, admin, now) => asView(await approveRefund(orderId, amountFen, hqActor(admin), cloudPayGateway, now)),
    },
    startRefund: {
      access: 'hq',
      area: 'orders',
      changes: orderChange,
      handle: async ({ orderId, reason, lines, amountFen }, admin, now) => asView(await startRefund(orderId, { lines, amountFen }, reason, hqActor(admin), cloudPayGateway, now)),
    },
    rejectRefund: {
      access: 'hq',
      area: 'orders',
      changes: orderChange,
      handle: async ({ orderId, reason }, admin, now) => asView(await rejectRefund(orderId, reason, hqActor(admin), now)),
    },
    // The return address is after-sales' own setting: whoever approves returns keeps it right.
    getReturnRules: {
      access: 'hq',
      area: 'orders',
      handle: async () => ok(await currentRules(RETURN_RULES)),
    },
    setReturnRules: {
      access: 'hq',
      area: 'orders',
      changes: { collection: 'settings', id: () => RETURN_RULES.name },
      handle: ({ rules }, admin, now) => setRules(RETURN_RULES, admin.openid, rules, now),
    },
    approveReturn: {
      access: 'hq',
      area: 'orders',
      changes: orderChange,
      handle: async ({ orderId, amountFen }, admin, now) => asView(await approveReturn(orderId, amountFen, hqActor(admin), now)),
    },
    receiveReturn: {
      access: 'hq',
      area: 'orders',
      changes: orderChange,
      handle: async ({ orderId }, admin, now) => asView(await receiveReturn(orderId, hqActor(admin), cloudPayGateway, now)),
    },
    refuseReturn: {
      access: 'hq',
      area: 'orders',
      changes: orderChange,
      handle: async ({ orderId, reason }, admin, now) => asView(await refuseReturn(orderId, reason, hqActor(admin), now)),
    },
  },
  { auditEveryCall: true },
)
