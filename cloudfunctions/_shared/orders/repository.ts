import type { Order } from '../../../src/core/order'
import { Result, fail, ok } from '../../../src/core/result'
import { Database, db, inTransaction } from '../database'

export const orders = db.collection<Order>('orders')

/** The caller's own order; someone else's order is "not found", never "forbidden", to reveal nothing. */
export async function findBuyerOrder(orderId: string, openid: string | undefined): Promise<Result<Order>> {
  if (!openid) return fail('AUTH_REQUIRED', '请先登录')
  const { data } = await orders.where({ _id: orderId, buyerOpenid: openid }).get()
  return data[0] ? ok(data[0]) : fail('ORDER_NOT_FOUND', '订单不存在', { orderId })
}

export async function findOrderByNo(orderNo: string): Promise<Order | undefined> {
  return (await orders.where({ orderNo }).get()).data[0]
}

/** Reads an order inside a transaction (taking its lock), so the change written back is based on it. */
export async function readInTransaction(tx: Database, orderId: string): Promise<Result<Order>> {
  try {
    return ok((await tx.collection<Order>('orders').doc(orderId).get()).data)
  } catch {
    // doc().get() rejects for a missing document; the order id came from our own records.
    return fail('ORDER_NOT_FOUND', '订单不存在', { orderId })
  }
}

export async function writeInTransaction(tx: Database, order: Order): Promise<void> {
  const { _id, ...fields } = order
  await tx.collection<Order>('orders').doc(_id).set({ data: fields })
}

/**
 * Changes one order in a transaction: reads it (holding its lock), asks `change` for the next state
 * (a refused change writes nothing), runs `alongside` for other writes that must commit with it
 * (stock moving back, say), and writes the order.
 */
export function changeOrder(
  orderId: string,
  change: (order: Order) => Result<Order>,
  alongside?: (tx: Database, before: Order, after: Order) => Promise<void>,
): Promise<Result<Order>> {
  return inTransaction(async (tx) => {
    const read = await readInTransaction(tx, orderId)
    if (!read.ok) return read
    const next = change(read.data)
    if (!next.ok) return next
    if (alongside) await alongside(tx, read.data, next.data)
    await writeInTransaction(tx, next.data)
    return next
  })
}
