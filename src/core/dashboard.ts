import { businessDay, type FunnelEvent } from './funnel'
import { paidFenOf, type Order } from './order'
import { inShanghai } from './time'

/**
 * HQ's dashboard (数据看板) reads daily rollups, never orders: every paid order and every refund that
 * succeeds adds its figures to the rollup documents of its business day, in the transaction that moves
 * the order, so a rollup equals what an aggregation over the orders would say and a replayed move adds
 * nothing twice. A period's figures are then a few indexed reads of at most days × shops documents,
 * whatever the number of orders.
 */

/** What a shop (or HQ, for orders of no shop) did on one business day. */
export interface DayFigures {
  /** Paid amount (what WeChat Pay took), counted on the day of payment. */
  gmvFen: number
  paidOrders: number
  /** Buyers whose first paid order this was. */
  newCustomers: number
  /** Refunds that succeeded, on the day they did, and the money they sent back. */
  refunds: number
  refundFen: number
  /** The referral funnel: shares, visits, binds and paid orders of the shop (none for HQ). */
  shares: number
  visits: number
  binds: number
  funnelOrders: number
}

export const FIGURE_FIELDS = ['gmvFen', 'paidOrders', 'newCustomers', 'refunds', 'refundFen', 'shares', 'visits', 'binds', 'funnelOrders'] as const satisfies ReadonlyArray<keyof DayFigures>

export const noFigures = (): DayFigures => ({ gmvFen: 0, paidOrders: 0, newCustomers: 0, refunds: 0, refundFen: 0, shares: 0, visits: 0, binds: 0, funnelOrders: 0 })

/**
 * How the rollups are keyed, so the hot path stays fast: a shop's business day is one document (one
 * shop's payments rarely come at once, and when they do the retried one adds to what the first
 * wrote); what every payment writes — the day's totals, HQ's own sales, a product's day — is split
 * over a few shard documents chosen by a key of the move (the order, the visitor, the share), so
 * payments at the same moment mostly write different documents. A move's shard never changes, so a
 * refund lands with its payment.
 */
export const ROLLUP_SHARDS = 4

/** `sales_daily`: a shop's business day, or one shard of HQ's own (shopId null). */
export interface ShopDay extends DayFigures {
  _id: string
  day: string
  shopId: string | null
  shard: number
  updatedAt: Date
}

/** `sales_totals`: one shard of the whole business's day, so a period's totals are days × shards documents. */
export interface DayTotal extends DayFigures {
  _id: string
  day: string
  shard: number
  updatedAt: Date
}

/** `product_daily`: one shard of a product's business day: units sold and the goods money paid for them. */
export interface ProductDay {
  _id: string
  day: string
  productId: string
  title: string
  shard: number
  units: number
  salesFen: number
  updatedAt: Date
}

export type Rollup = ShopDay | DayTotal | ProductDay

/** What one move adds to one rollup document. */
export type Bump =
  | { collection: 'sales_daily'; id: string; day: string; shopId: string | null; shard: number; add: Partial<DayFigures> }
  | { collection: 'sales_totals'; id: string; day: string; shard: number; add: Partial<DayFigures> }
  | { collection: 'product_daily'; id: string; day: string; productId: string; title: string; shard: number; add: { units: number; salesFen: number } }

/** A stable small hash (FNV-1a) of the key, so a move always picks the same shard. */
export function shardOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % ROLLUP_SHARDS
}

/** What a move adds to its shop's (or HQ's) day, and to the day's totals. */
function salesBumps(day: string, shopId: string | null, shardKey: string, add: Partial<DayFigures>): Bump[] {
  const shard = shardOf(shardKey)
  const shopShard = shopId === null ? shard : 0
  return [
    { collection: 'sales_daily', id: `${day}_${shopId ?? 'hq'}_${shopShard}`, day, shopId, shard: shopShard, add },
    { collection: 'sales_totals', id: `${day}_${shard}`, day, shard, add },
  ]
}

/** What funnel events add to their shops' days. */
export function funnelBumps(events: FunnelEvent[], shardKey: string): Bump[] {
  const field = { share: 'shares', visit: 'visits', bind: 'binds', order: 'funnelOrders' } as const
  return events.flatMap((e) => salesBumps(e.day, e.shopId, shardKey, { [field[e.kind]]: 1 }))
}

/**
 * What an order's payment adds: its amount and count to its shop's day, a new customer when it is the
 * buyer's first paid order, and each product's units and goods money to the product's day.
 */
export function paymentBumps(order: Order, paidAt: Date, firstPaid: boolean): Bump[] {
  const day = businessDay(paidAt)
  const shard = shardOf(order._id)
  const products = new Map<string, { title: string; units: number; salesFen: number }>()
  for (const line of order.lines) {
    const sold = products.get(line.productId) ?? { title: line.title, units: 0, salesFen: 0 }
    products.set(line.productId, { title: sold.title, units: sold.units + line.quantity, salesFen: sold.salesFen + line.paidFen })
  }
  return [
    ...salesBumps(day, order.attribution?.shopId ?? null, order._id, { gmvFen: paidFenOf(order), paidOrders: 1, newCustomers: firstPaid ? 1 : 0 }),
    ...[...products].map(([productId, { title, units, salesFen }]): Bump => ({ collection: 'product_daily', id: `${day}_${productId}_${shard}`, day, productId, title, shard, add: { units, salesFen } })),
  ]
}

/** What a refund that succeeded adds to its order's shop, on the day it did. */
export const refundBumps = (order: Order, refundedAt: Date, amountFen: number): Bump[] =>
  salesBumps(businessDay(refundedAt), order.attribution?.shopId ?? null, order._id, { refunds: 1, refundFen: amountFen })

/** Bumps of one document added together, so a move reads and writes each document once. */
export function mergeBumps(bumps: Bump[]): Bump[] {
  const merged = new Map<string, Bump>()
  for (const bump of bumps) {
    const key = `${bump.collection}/${bump.id}`
    const seen = merged.get(key)
    if (!seen) merged.set(key, { ...bump, add: { ...bump.add } } as Bump)
    else for (const [field, n] of Object.entries(bump.add) as Array<[keyof DayFigures, number]>) (seen.add as Record<string, number>)[field] = ((seen.add as Record<string, number>)[field] ?? 0) + n
  }
  return [...merged.values()]
}

/** The rollup document after the bump: the one it was (null: none yet) with the bump's figures added. */
export function applyBump(current: Rollup | null, bump: Bump, now: Date): Rollup {
  if (bump.collection !== 'product_daily') {
    const base = (current as ShopDay | DayTotal | null) ??
      (bump.collection === 'sales_daily'
        ? { _id: bump.id, day: bump.day, shopId: bump.shopId, shard: bump.shard, ...noFigures(), updatedAt: now }
        : { _id: bump.id, day: bump.day, shard: bump.shard, ...noFigures(), updatedAt: now })
    const next = { ...base, updatedAt: now }
    for (const [field, n] of Object.entries(bump.add) as Array<[keyof DayFigures, number]>) next[field] += n
    return next
  }
  const base: ProductDay = (current as ProductDay | null) ?? { _id: bump.id, day: bump.day, productId: bump.productId, title: bump.title, shard: bump.shard, units: 0, salesFen: 0, updatedAt: now }
  return { ...base, units: base.units + bump.add.units, salesFen: base.salesFen + bump.add.salesFen, updatedAt: now }
}

export const DASHBOARD_PERIODS = ['today', '7d', '30d'] as const
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number]
const PERIOD_DAYS: Record<DashboardPeriod, number> = { today: 1, '7d': 7, '30d': 30 }

/** The business days of the period that ends today in Shanghai, oldest first. */
export function periodDays(period: DashboardPeriod, now: Date): string[] {
  const today = inShanghai(now).startOf('day')
  return Array.from({ length: PERIOD_DAYS[period] }, (_, i) => today.subtract(PERIOD_DAYS[period] - 1 - i, 'day').format('YYYY-MM-DD'))
}

/** Figures added up. */
export function sumFigures(rows: Array<Partial<DayFigures>>): DayFigures {
  const total = noFigures()
  for (const row of rows) for (const field of FIGURE_FIELDS) total[field] += row[field] ?? 0
  return total
}

/** A step's share of the step before it, in basis points (rounded down); null when the step before had none. */
export const conversionBps = (step: number, before: number): number | null => (before > 0 ? Math.floor((step * 10000) / before) : null)

export interface Kpis {
  gmvFen: number
  paidOrders: number
  /** GMV ÷ paid orders, rounded down to the fen; 0 with no orders. */
  averageOrderFen: number
  refunds: number
  refundFen: number
  newCustomers: number
}

export interface FunnelFigures {
  shares: number
  visits: number
  binds: number
  orders: number
  /** visit ÷ share, bind ÷ visit, order ÷ bind, in basis points. */
  visitBps: number | null
  bindBps: number | null
  orderBps: number | null
}

export function kpisOf(total: DayFigures): Kpis {
  const { gmvFen, paidOrders, refunds, refundFen, newCustomers } = total
  return { gmvFen, paidOrders, averageOrderFen: paidOrders > 0 ? Math.floor(gmvFen / paidOrders) : 0, refunds, refundFen, newCustomers }
}

export function funnelOf(total: DayFigures): FunnelFigures {
  const { shares, visits, binds, funnelOrders: orders } = total
  return { shares, visits, binds, orders, visitBps: conversionBps(visits, shares), bindBps: conversionBps(binds, visits), orderBps: conversionBps(orders, binds) }
}

/** Each day of the period with its figures, days without any at zero. */
export function dailySeries(days: string[], rows: Array<Partial<DayFigures> & { day: string }>): Array<{ day: string; gmvFen: number; paidOrders: number }> {
  const byDay = new Map(rows.map((r) => [r.day, r]))
  return days.map((day) => ({ day, gmvFen: byDay.get(day)?.gmvFen ?? 0, paidOrders: byDay.get(day)?.paidOrders ?? 0 }))
}

export interface SalesRow {
  gmvFen: number
  paidOrders: number
}

/** Who an employee's shop is, as the roster says. */
export interface ShopOwner {
  shopId: string
  shopName: string
  employeeNo: string
  name: string
  department: string
}

export interface DepartmentSales extends SalesRow {
  department: string
  employees: Array<SalesRow & { employeeNo: string; name: string; shopId: string }>
}

const bySales = <T extends SalesRow>(a: T, b: T) => b.gmvFen - a.gmvFen || b.paidOrders - a.paidOrders

/**
 * Shops' sales rolled up by the department of the employee who owns each (roster), then by employee,
 * most sales first. Shops the roster no longer knows are left out here (their sales stay in the totals).
 */
export function salesByDepartment(shopSales: Array<SalesRow & { shopId: string }>, owners: ShopOwner[]): DepartmentSales[] {
  const ownerOf = new Map(owners.map((o) => [o.shopId, o]))
  const departments = new Map<string, DepartmentSales>()
  for (const sales of shopSales) {
    const owner = ownerOf.get(sales.shopId)
    if (!owner) continue
    const department = departments.get(owner.department) ?? { department: owner.department, gmvFen: 0, paidOrders: 0, employees: [] }
    department.gmvFen += sales.gmvFen
    department.paidOrders += sales.paidOrders
    department.employees.push({ employeeNo: owner.employeeNo, name: owner.name, shopId: owner.shopId, gmvFen: sales.gmvFen, paidOrders: sales.paidOrders })
    departments.set(owner.department, department)
  }
  return [...departments.values()].map((d) => ({ ...d, employees: d.employees.sort(bySales) })).sort(bySales)
}

/** The first `n` by sales. */
export const topBySales = <T extends SalesRow>(rows: T[], n: number): T[] => [...rows].sort(bySales).slice(0, n)
