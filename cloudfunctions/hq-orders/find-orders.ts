import type { ParsedOf } from '../../src/contracts/contract'
import type { hqOrdersContract } from '../../src/contracts/hq-orders'
import type { Page } from '../../src/contracts/paging'
import type { Order, OrderStatus } from '../../src/core/order'
import { HQ_REFUND_QUEUE, orderSearch, shanghaiDays } from '../../src/core/order-filter'
import { _ } from '../_shared/database'
import { orders } from '../_shared/orders/repository'

export type OrderFilter = Omit<ParsedOf<typeof hqOrdersContract, 'listOrders'>, 'page' | 'pageSize'>

/** Every status (a record, so a status added later is a type error here until it is listed). */
const EVERY_STATUS = Object.keys({ pending_payment: true, paid: true, shipped: true, completed: true, cancelled: true } satisfies Record<OrderStatus, true>)

/**
 * The query of a filter. Which index serves it (database/collections.json, orders), by the most
 * selective condition it has — the rest narrow what that index finds:
 * - an order number: `orderNo_unique` (one order at most);
 * - a receiver's phone: `address.phone_createdAt` (a buyer's handful of orders);
 * - a shop and a status: `attribution.shopId_status_createdAt`; a shop alone: `attribution.shopId_createdAt`;
 * - 退款待处理 (a request, or a return on its way back): `refundStatus_createdAt`;
 * - a status, or every order (all statuses, as an `in`): `status_createdAt`.
 * Each of those ends with createdAt, so a span of days is a range inside it and newest-first its order.
 */
export function orderQuery({ status, shopId, fromDay, toDay, search }: OrderFilter): Record<string, unknown> {
  const { from, before } = shanghaiDays(fromDay, toDay)
  const placed = from && before ? _.gte(from).and(_.lt(before)) : from ? _.gte(from) : before ? _.lt(before) : undefined
  const found = search ? orderSearch(search) : undefined
  return {
    ...(found ? ('orderNo' in found ? { orderNo: found.orderNo } : { 'address.phone': found.phone }) : {}),
    ...(shopId ? { 'attribution.shopId': shopId } : {}),
    ...(status === 'refund_requested' ? { 'refund.status': _.in(HQ_REFUND_QUEUE) } : { status: status === 'all' ? _.in(EVERY_STATUS) : status }),
    ...(placed ? { createdAt: placed } : {}),
  }
}

/** The orders a filter finds, newest first, one page at a time. */
export async function findOrders(filter: OrderFilter, page: number, pageSize: number): Promise<Page<Order>> {
  const { data } = await orders
    .where(orderQuery(filter))
    .orderBy('createdAt', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  return { items: data.slice(0, pageSize), hasMore: data.length > pageSize }
}
