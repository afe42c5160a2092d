import type { Binding } from '../../src/core/attribution'
import type { Page } from '../../src/contracts/paging'
import type { LeaderboardRow, ShopCustomer, ShopOrder, ShopStats } from '../../src/contracts/referral'
import { maskedPhone, type Address } from '../../src/core/address'
import { tallyFunnel, type FunnelEvent } from '../../src/core/funnel'
import type { Order } from '../../src/core/order'
import type { Shop } from '../../src/core/shop'
import { inShanghai } from '../../src/core/time'
import { maskedName, type User } from '../../src/core/user'
import { _, db } from '../_shared/database'
import { ownerNameOf } from '../_shared/shops'
import { chainOf } from '../_shared/attribution-chain'

/** Orders that count as sales: paid, and not undone. */
const SOLD = ['paid', 'shipped', 'completed']

/** A month in Shanghai: its business days, and the instants it spans. */
function monthOf(month: string | undefined, now: Date) {
  const name = month ?? inShanghai(now).format('YYYY-MM')
  const start = new Date(`${name}-01T00:00:00+08:00`)
  const end = inShanghai(start).add(1, 'month').toDate()
  return { name, firstDay: `${name}-01`, lastDay: `${name}-31`, start, end }
}

/**
 * A shop's month: the funnel (one indexed aggregation over its events), paid sales, and the
 * customers bound to it now.
 */
export async function shopStats(shop: Shop, month: string | undefined, now: Date): Promise<ShopStats> {
  const span = monthOf(month, now)
  const [events, sales, customers] = await Promise.all([
    db
      .collection<FunnelEvent>('funnel_events')
      .aggregate()
      .match({ shopId: shop._id, day: _.gte(span.firstDay).and(_.lte(span.lastDay)) })
      .group({ _id: { kind: '$kind', channel: '$channel' }, n: db.command.aggregate.sum(1) })
      .end(),
    db
      .collection<Order>('orders')
      .aggregate()
      .match({ 'attribution.shopId': shop._id, status: _.in(SOLD), 'payment.paidAt': _.gte(span.start).and(_.lt(span.end)) })
      .group({ _id: null, goodsFen: db.command.aggregate.sum('$goodsFen') })
      .end(),
    db.collection<Binding>('bindings').where({ shopId: shop._id, status: 'active', expiresAt: _.gt(now) }).count(),
  ])
  // The tally adds up events; each group stands for `n` of them.
  const tallied = events.list.flatMap((g) => Array<FunnelEvent>(g.n).fill({ kind: g._id.kind, channel: g._id.channel } as FunnelEvent))
  return { month: span.name, funnel: tallyFunnel(tallied), salesFen: sales.list[0]?.goodsFen ?? 0, customers: customers.total }
}

/** The customers bound to the shop now, most recently bound first, with names and phones masked. */
export async function shopCustomers(shop: Shop, page: number, pageSize: number, now: Date): Promise<Page<ShopCustomer>> {
  const { data } = await db
    .collection<Binding>('bindings')
    .where({ shopId: shop._id, status: 'active', expiresAt: _.gt(now) })
    .orderBy('boundAt', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  const rows = data.slice(0, pageSize)
  const openids = rows.map((b) => b.customerOpenid)
  const [users, addresses, orders] = openids.length
    ? await Promise.all([
        db.collection<User>('users').where({ openid: _.in(openids) }).limit(openids.length).get(),
        db.collection<Address>('addresses').where({ openid: _.in(openids), isDefault: true }).limit(openids.length).get(),
        db
          .collection<Order>('orders')
          .aggregate()
          .match({ 'attribution.shopId': shop._id, buyerOpenid: _.in(openids), status: _.in(SOLD) })
          .group({ _id: '$buyerOpenid', n: db.command.aggregate.sum(1) })
          .end(),
      ])
    : [{ data: [] }, { data: [] }, { list: [] }]
  const items = rows.map((binding): ShopCustomer => {
    const user = users.data.find((u) => u.openid === binding.customerOpenid)
    const address = addresses.data.find((a) => a.openid === binding.customerOpenid)
    return {
      maskedName: maskedName(user?.nickname || address?.name || '顾客'),
      maskedPhone: address ? maskedPhone(address.phone) : null,
      boundAt: binding.boundAt,
      expiresAt: binding.expiresAt,
      channel: binding.source.kind === 'share' ? binding.source.channel : 'direct',
      orders: orders.list.find((o) => o._id === binding.customerOpenid)?.n ?? 0,
    }
  })
  return { items, hasMore: data.length > pageSize }
}

/** The shop's orders, newest first, each with its attribution chain: share → visit → bind → order. */
export async function shopOrders(shop: Shop, page: number, pageSize: number): Promise<Page<ShopOrder>> {
  const { data } = await db
    .collection<Order>('orders')
    .where({ 'attribution.shopId': shop._id })
    .orderBy('createdAt', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  const items = await Promise.all(data.slice(0, pageSize).map(async (order) => ({
    orderNo: order.orderNo,
    status: order.status,
    goodsFen: order.goodsFen,
    payableFen: order.payableFen,
    buyer: maskedName(order.address.name),
    title: order.lines[0]?.title ?? '',
    createdAt: order.createdAt,
    chain: await chainOf(order),
  })))
  return { items, hasMore: data.length > pageSize }
}

/** Shops by paid sales in the month (one aggregation over the month's orders, served by the paidAt index). */
export async function leaderboard(month: string | undefined, limit: number, now: Date): Promise<LeaderboardRow[]> {
  const span = monthOf(month, now)
  const { list } = await db
    .collection<Order>('orders')
    .aggregate()
    .match({ 'payment.paidAt': _.gte(span.start).and(_.lt(span.end)), status: _.in(SOLD), 'attribution.shopId': _.neq(null) })
    .group({ _id: '$attribution.shopId', salesFen: db.command.aggregate.sum('$goodsFen'), orders: db.command.aggregate.sum(1) })
    .sort({ salesFen: -1 })
    .limit(limit)
    .end()
  const shops = list.length ? (await db.collection<Shop>('shops').where({ _id: _.in(list.map((r) => r._id)) }).limit(list.length).get()).data : []
  return Promise.all(
    list.map(async (row, i) => {
      const shop = shops.find((s) => s._id === row._id)
      return {
        rank: i + 1,
        shop: { _id: row._id, name: shop?.name ?? '', avatar: shop?.avatar ?? '', ownerName: shop ? await ownerNameOf(shop) : '' },
        salesFen: row.salesFen,
        orders: row.orders,
      }
    }),
  )
}
