import type { Workbench } from '../../src/contracts/hq'
import { HQ_REFUND_QUEUE } from '../../src/core/order-filter'
import { _, db } from '../_shared/database'
import { orders } from '../_shared/orders/repository'
import { SHOPS } from '../_shared/shops'
import { withdrawals } from '../_shared/commission/withdrawals'

/** What the 工作台 counts: 待发货 (the status_createdAt index) and refunds waiting for HQ (refundStatus_createdAt). */
const QUEUES = {
  to_ship: { status: 'paid' },
  refund_requested: { 'refund.status': _.in(HQ_REFUND_QUEUE) },
}

/** What waits for HQ: four counts, each served by an index on the field it counts by. */
export async function workbench(): Promise<Workbench> {
  const [toShip, refundsRequested, withdrawalsReviewing, shopsPending] = await Promise.all([
    orders.where(QUEUES.to_ship).count(),
    orders.where(QUEUES.refund_requested).count(),
    withdrawals.where({ status: 'reviewing' }).count(),
    db.collection(SHOPS).where({ status: 'pending' }).count(),
  ])
  return { toShip: toShip.total, refundsRequested: refundsRequested.total, withdrawalsReviewing: withdrawalsReviewing.total, shopsPending: shopsPending.total }
}
