import type { Page } from '../../../src/contracts/paging'
import { ORDER_TABS, Order, OrderTab } from '../../../src/core/order'
import { Result, fail, ok } from '../../../src/core/result'
import { Transaction, _, db, inTransaction } from '../database'
import { commitOrder } from './effects'

export const orders = db.collection<Order>('orders')

/** The caller's own order; someone else's order is "not found", never "forbidden", to reveal nothing. */
export async function findBuyerOrder(orderId: string, openid: string): Promise<Result<Order>> {
  const { data } = await orders.where({ _id: orderId, buyerOpenid: openid }).get()
  return data[0] ? ok(data[0]) : fail('ORDER_NOT_FOUND', { orderId })
}

/** The buyer's orders in a tab of 我的订单, newest first, one page at a time. */
export async function listBuyerOrders(openid: string, tab: OrderTab, page: number, pageSize: number): Promise<Page<Order>> {
  const { statuses, refundStatuses } = ORDER_TABS.find((t) => t.key === tab)!
  // Orders the buyer deleted from the list stay in the collection for HQ.
  const where = {
    buyerOpenid: openid,
    hiddenByBuyerAt: _.exists(false),
    ...(statuses ? { status: _.in(statuses) } : {}),
    ...(refundStatuses ? { 'refund.status': _.in(refundStatuses) } : {}),
  }
  const { data } = await orders
    .where(where)
    .orderBy('createdAt', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  return { items: data.slice(0, pageSize), hasMore: data.length > pageSize }
}

export async function findOrderByNo(orderNo: string): Promise<Order | undefined> {
  return (await orders.where({ orderNo }).get()).data[0]
}

/** Reads an order inside a transaction; the change written back conflicts if another run wrote it meanwhile. */
export async function readInTransaction(tx: Transaction, orderId: string): Promise<Result<Order>> {
  const { data } = await tx.collection<Order>('orders').doc(orderId).get()
  return data ? ok(data) : fail('ORDER_NOT_FOUND', { orderId })
}

/**
 * Changes one order in a transaction: reads it, asks `change` for the next state (a refused change
 * writes nothing), runs `alongside` for writes of this use case that must commit with it (an anomaly
 * for HQ, say), and commits the order with the effects of its moves (ORDER_EFFECTS).
 */
export function changeOrder(
  orderId: string,
  change: (order: Order) => Result<Order>,
  now: Date,
  alongside?: (tx: Transaction, before: Order, after: Order) => Promise<void>,
): Promise<Result<Order>> {
  return inTransaction(async (tx) => {
    const read = await readInTransaction(tx, orderId)
    if (!read.ok) return read
    const next = change(read.data)
    if (!next.ok) return next
    if (alongside) await alongside(tx, read.data, next.data)
    await commitOrder(tx, read.data, next.data, now)
    return next
  })
}
