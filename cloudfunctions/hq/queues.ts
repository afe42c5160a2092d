import type { HqOrderQueue, Workbench } from '../../src/contracts/hq'
import type { Page } from '../../src/contracts/paging'
import type { Order, OrderStatus } from '../../src/core/order'
import { _, db } from '../_shared/database'
import { orders } from '../_shared/orders/repository'
import { SHOPS } from '../_shared/shops'
import { withdrawals } from '../_shared/commission/withdrawals'

/** Every status (a record, so a status added later is a type error here until it is listed). */
const EVERY_STATUS = Object.keys({ pending_payment: true, paid: true, shipped: true, completed: true, cancelled: true } satisfies Record<OrderStatus, true>)

/**
 * Each queue's condition; every one is served by an index that ends with createdAt (database/collections.json)
 * — every order, too, as every status.
 */
const QUEUES: Record<HqOrderQueue, Record<string, unknown>> = {
  to_ship: { status: 'paid' },
  refund_requested: { 'refund.status': 'requested' },
  shipped: { status: 'shipped' },
  all: { status: _.in(EVERY_STATUS) },
}

/** A queue newest first, one page at a time; with an order number, that one order (the orderNo index). */
export async function listQueue(queue: HqOrderQueue, orderNo: string | undefined, page: number, pageSize: number): Promise<Page<Order>> {
  if (orderNo) return { items: (await orders.where({ orderNo }).limit(1).get()).data, hasMore: false }
  const { data } = await orders
    .where(QUEUES[queue])
    .orderBy('createdAt', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  return { items: data.slice(0, pageSize), hasMore: data.length > pageSize }
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
