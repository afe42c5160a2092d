import { hqContract } from '../../src/contracts/hq'
import { Order, transition, viewOrder } from '../../src/core/order'
import { Result, ok } from '../../src/core/result'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { listAnomalies } from '../_shared/orders/anomalies'
import { approveRefund, rejectRefund } from '../_shared/orders/refunds'
import { changeOrder } from '../_shared/orders/repository'

const hqActor = (admin: SignedInCaller) => ({ kind: 'hq' as const, openid: admin.openid })
const asView = (result: Result<Order>) => (result.ok ? ok(viewOrder(result.data)) : result)

/** HQ's operations: only users HQ made admins may call them, and every call is in the audit log. */
export const main = defineFunction(hqContract, {
  shipOrder: {
    access: 'hq_admin',
    audited: true,
    handle: async ({ orderId, company, trackingNo }, admin, now) =>
      asView(
        await changeOrder(orderId, (order) =>
          transition(order, 'ship', hqActor(admin), now, { shipment: { company, trackingNo, shippedAt: now } }, `${company} ${trackingNo}`),
        now,
        ),
      ),
  },
  approveRefund: {
    access: 'hq_admin',
    audited: true,
    handle: async ({ orderId }, admin, now) => asView(await approveRefund(orderId, hqActor(admin), cloudPayGateway, now)),
  },
  rejectRefund: {
    access: 'hq_admin',
    audited: true,
    handle: async ({ orderId, reason }, admin, now) => asView(await rejectRefund(orderId, reason, hqActor(admin), now)),
  },
  listPaymentAnomalies: {
    access: 'hq_admin',
    audited: true,
    handle: ({ page, pageSize }) => listAnomalies(page, pageSize),
  },
})
