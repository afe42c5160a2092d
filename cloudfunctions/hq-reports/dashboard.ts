import type { Dashboard } from '../../src/contracts/hq-reports'
import {
  dailySeries,
  funnelOf,
  kpisOf,
  periodDays,
  salesByDepartment,
  sumFigures,
  topBySales,
  FIGURE_FIELDS,
  type DashboardPeriod,
  type DayFigures,
  type DayTotal,
  type ProductDay,
  type SalesRow,
  type ShopDay,
  type ShopOwner,
} from '../../src/core/dashboard'
import type { Shop } from '../../src/core/shop'
import { _, db } from '../_shared/database'
import type { RosterEntry } from '../_shared/roster'

const TOP = 10
/** The most a query or an aggregation answers in one call (the server SDK's cap). */
const PAGE = 1000
const sum = (field: string) => db.command.aggregate.sum(`$${field}`)

/**
 * A period's dashboard from the daily rollups alone, however many orders there are: every read is
 * served by the `day` index of a rollup collection, or by document ids — the day's totals (days ×
 * shards documents), a shop-by-shop aggregation (days × shops that sold, a page per 1,000 shops), the
 * top products (days × products × shards), and the shops and roster entries of the shops that sold.
 */
export async function readDashboard(period: DashboardPeriod, now: Date): Promise<Dashboard> {
  const days = periodDays(period, now)
  const inPeriod = { day: _.gte(days[0]).and(_.lte(days[days.length - 1])) }
  const [byDay, byShop, topProducts] = await Promise.all([
    db
      .collection<DayTotal>('sales_totals')
      .aggregate()
      .match(inPeriod)
      .group({ _id: '$day', ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f, sum(f)])) })
      .limit(days.length)
      .end(),
    salesByShop(inPeriod),
    db
      .collection<ProductDay>('product_daily')
      .aggregate()
      .match(inPeriod)
      .group({ _id: '$productId', title: db.command.aggregate.first('$title'), units: sum('units'), salesFen: sum('salesFen') })
      .sort({ salesFen: -1, _id: 1 })
      .limit(TOP)
      .end(),
  ])
  const rows = byDay.list.map((r) => ({ ...(r as DayFigures), day: r._id as string }))
  const total = sumFigures(rows)
  const shopSales = byShop.filter((s): s is SalesRow & { shopId: string } => s.shopId !== null)
  const owners = await ownersOf(shopSales.map((s) => s.shopId))
  const ownerOf = new Map(owners.map((o) => [o.shopId, o]))
  return {
    period,
    days,
    kpis: kpisOf(total),
    daily: dailySeries(days, rows),
    funnel: funnelOf(total),
    topProducts: topProducts.list.map((p) => ({ productId: p._id, title: p.title, units: p.units, salesFen: p.salesFen })),
    topShops: topBySales(shopSales, TOP).map((s) => ({ ...s, shopName: ownerOf.get(s.shopId)?.shopName ?? '', ownerName: ownerOf.get(s.shopId)?.name ?? '' })),
    hqSales: byShop.find((s) => s.shopId === null) ?? { gmvFen: 0, paidOrders: 0 },
    departments: salesByDepartment(shopSales, owners),
  }
}

/**
 * Each shop's sales in the period (shopId null: HQ's own), in one aggregation: grouped by shop, then
 * gathered into one answer, so any number of shops is one request and one pass over the period's
 * rollups (paging 1,000 shops at a time would group the whole period again for every page). One
 * shop's row is ~60 bytes, so the answer stays far below a document's 16 MB for 100,000 shops.
 */
async function salesByShop(inPeriod: Record<string, unknown>): Promise<Array<SalesRow & { shopId: string | null }>> {
  const { list } = await db
    .collection<ShopDay>('sales_daily')
    .aggregate()
    .match(inPeriod)
    .group({ _id: '$shopId', gmvFen: sum('gmvFen'), paidOrders: sum('paidOrders') })
    .group({ _id: null, shops: db.command.aggregate.push({ shopId: '$_id', gmvFen: '$gmvFen', paidOrders: '$paidOrders' }) })
    .end()
  return list[0]?.shops ?? []
}

/** The shops and their owners on the roster, read by id a page at a time. */
async function ownersOf(shopIds: string[]): Promise<ShopOwner[]> {
  const shops = await byIds<Pick<Shop, '_id' | 'name' | 'employeeNo'>>('shops', shopIds, { _id: true, name: true, employeeNo: true })
  const roster = new Map((await byIds<Pick<RosterEntry, '_id' | 'name' | 'department'>>('roster', shops.map((s) => s.employeeNo), { _id: true, name: true, department: true })).map((r) => [r._id, r]))
  return shops.flatMap((shop) => {
    const entry = roster.get(shop.employeeNo)
    return entry ? [{ shopId: shop._id, shopName: shop.name, employeeNo: shop.employeeNo, name: entry.name, department: entry.department }] : []
  })
}

async function byIds<T>(collection: string, ids: string[], fields: Record<string, boolean>): Promise<T[]> {
  const pages: string[][] = []
  for (let i = 0; i < ids.length; i += PAGE) pages.push(ids.slice(i, i + PAGE))
  const found = await Promise.all(pages.map((page) => db.collection<T>(collection).where({ _id: _.in(page) }).field(fields).limit(page.length).get()))
  return found.flatMap((f) => f.data)
}
