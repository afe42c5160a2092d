import type { ExportFile } from '../../src/contracts/hq-files'
import type { CommissionEntry } from '../../src/core/commission'
import { EXPORT_COLUMNS, EXPORT_MAX_ROWS, type ExportColumn, type ExportKind } from '../../src/core/exports'
import { hundredthsText } from '../../src/core/money'
import { type Order, type OrderStatus, buyerStatusOf, refundedOf } from '../../src/core/order'
import { Result, fail, ok } from '../../src/core/result'
import type { Shop, ShopStatus } from '../../src/core/shop'
import { addDays, formatShanghai, shanghaiDayStart } from '../../src/core/time'
import { EXPORT_COLUMN_TITLES, EXPORT_KIND_TEXT, HQ_SELLER_TEXT, buyerStatusText, entryKindText, picksModeText, shopStatusText } from '../../src/i18n/zh-CN'
import { _, db } from '../_shared/database'
import { ROSTER, type RosterEntry } from '../_shared/roster'
import { SHOPS } from '../_shared/shops'
import { storeFile, temporaryUrl } from '../_shared/wechat-files'
import { csvFile } from './csv-text'

export const EXPORTS = 'exports'
/** Documents one read brings: a bounded page, well under the server SDK's cap of 1000. */
export const EXPORT_PAGE = 500

type Cells<K extends ExportKind> = Record<ExportColumn<K>, string>
type Doc = { _id: string } & Record<string, any>

/** Every status, so a date range is read through the status-first indexes orders and shops have. */
const ORDER_STATUSES: OrderStatus[] = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled']
const SHOP_STATUSES: ShopStatus[] = ['pending', 'active', 'suspended', 'closed']

const yuan = (fen: number | undefined) => (fen === undefined ? '' : hundredthsText(fen))
const time = (at: Date | undefined) => (at ? formatShanghai(at, 'YYYY-MM-DD HH:mm:ss') : '')

/** How each kind is read (collection, the instant field the dates apply to, the rest of the filter) and turned into rows. */
const SOURCES: { [K in ExportKind]: { collection: string; dateField: string; where: Record<string, unknown>; rows(page: Doc[]): Promise<Array<Cells<K>>> } } = {
  orders: {
    collection: 'orders',
    dateField: 'createdAt',
    where: { status: _.in(ORDER_STATUSES) },
    rows: async (page) => (page as unknown as Order[]).map(orderCells),
  },
  commissions: {
    collection: 'commission_entries',
    dateField: 'at',
    where: {},
    rows: commissionRows,
  },
  shops: {
    collection: SHOPS,
    dateField: 'createdAt',
    where: { status: _.in(SHOP_STATUSES) },
    async rows(page) {
      const shops = page as unknown as Shop[]
      const owners = await byIds<RosterEntry>(ROSTER, shops.map((shop) => shop.employeeNo))
      return shops.map((shop) => ({
        createdAt: time(shop.createdAt),
        shop: shop.name,
        shopOwner: owners.get(shop.employeeNo)?.name ?? '',
        employeeNo: shop.employeeNo,
        status: shopStatusText(shop.status),
        picks: picksModeText(shop.picks.mode),
      }))
    },
  },
}

/**
 * Writes the kind's documents of a range of Shanghai days (both included) to a CSV file in cloud
 * storage and answers a link to it. The range is read page by page, oldest first, through an index;
 * more than EXPORT_MAX_ROWS is refused, so one run stays within the function's time.
 */
export async function exportCsv(kind: ExportKind, fromDay: string, toDay: string, admin: string, now: Date): Promise<Result<ExportFile>> {
  const source = SOURCES[kind] as (typeof SOURCES)['orders']
  const from = shanghaiDayStart(fromDay)
  const until = addDays(shanghaiDayStart(toDay), 1)
  const rows: string[][] = []
  const columns = EXPORT_COLUMNS[kind] as readonly ExportColumn<'orders'>[]
  for await (const page of pagesOf(source.collection, source.where, source.dateField, from, until)) {
    if (rows.length + page.length > EXPORT_MAX_ROWS) return fail('EXPORT_TOO_LARGE', { maxRows: EXPORT_MAX_ROWS })
    for (const cells of await source.rows(page)) rows.push(columns.map((column) => cells[column]))
  }
  const titles = EXPORT_COLUMN_TITLES[kind] as Record<string, string>
  const file = csvFile(columns.map((column) => titles[column]), rows)
  const stamp = formatShanghai(now, 'YYYYMMDDHHmmss')
  const fileID = await storeFile(`exports/${kind}/${fromDay}_${toDay}_${stamp}_${Math.random().toString(36).slice(2, 8)}.csv`, file)
  const { _id } = await db.collection(EXPORTS).add({ data: { kind, from: fromDay, to: toDay, rows: rows.length, fileID, byOpenid: admin, at: now } })
  return ok({ exportId: _id, kind, rows: rows.length, fileID, url: await temporaryUrl(fileID), fileName: `${EXPORT_KIND_TEXT[kind]}_${fromDay}_${toDay}.csv` })
}

/**
 * The documents with `field` in [from, until), oldest first, EXPORT_PAGE at a time. Each page starts
 * at the last instant the previous one reached, skipping the documents of that instant already read
 * (ordered by _id within it), so no page reads past its own size however large the range.
 */
async function* pagesOf(collection: string, where: Record<string, unknown>, field: string, from: Date, until: Date): AsyncGenerator<Doc[]> {
  let cursor = from
  let seenAtCursor = 0
  for (;;) {
    const { data } = await db
      .collection<Doc>(collection)
      .where({ ...where, [field]: _.gte(cursor).and(_.lt(until)) })
      .orderBy(field, 'asc')
      .orderBy('_id', 'asc')
      .skip(seenAtCursor)
      .limit(EXPORT_PAGE)
      .get()
    if (data.length > 0) yield data
    if (data.length < EXPORT_PAGE) return
    const last: Date = data[data.length - 1][field]
    const atLast = data.filter((doc) => (doc[field] as Date).getTime() === last.getTime()).length
    seenAtCursor = last.getTime() === cursor.getTime() ? seenAtCursor + atLast : atLast
    cursor = last
  }
}

/** Documents by id, one request (ids ≤ EXPORT_PAGE). */
async function byIds<T extends { _id: string }>(collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids.filter(Boolean))]
  if (unique.length === 0) return new Map()
  const { data } = await db.collection<T>(collection).where({ _id: _.in(unique) }).limit(unique.length).get()
  return new Map(data.map((doc) => [doc._id, doc]))
}

function orderCells(order: Order): Cells<'orders'> {
  const { address, shipment, attribution } = order
  return {
    orderNo: order.orderNo,
    createdAt: time(order.createdAt),
    status: buyerStatusText(buyerStatusOf(order)),
    items: order.lines.map((line) => `${line.title}${Object.values(line.specs).length ? `(${Object.values(line.specs).join('/')})` : ''}×${line.quantity}`).join('；'),
    quantity: String(order.lines.reduce((sum, line) => sum + line.quantity, 0)),
    goods: yuan(order.goodsFen),
    discount: yuan(order.discountFen),
    shipping: yuan(order.shippingFen),
    payable: yuan(order.payableFen),
    refunded: yuan(refundedOf(order).fen),
    paidAt: time(order.payment.paidAt),
    shop: attribution?.shopId ? (attribution.shopName ?? '') : HQ_SELLER_TEXT,
    shopOwner: attribution?.ownerName ?? '',
    receiver: address.name,
    receiverPhone: address.phone,
    receiverAddress: `${address.province}${address.city}${address.district}${address.detail}`,
    carrier: shipment?.company ?? '',
    trackingNo: shipment?.trackingNo ?? '',
    shippedAt: time(shipment?.shippedAt),
  }
}

/** Ledger entries with their shop, its owner and the order number, each looked up once per page. */
async function commissionRows(page: Doc[]): Promise<Array<Cells<'commissions'>>> {
  const entries = page as unknown as CommissionEntry[]
  const shops = await byIds<Shop>(SHOPS, entries.map((e) => e.shopId))
  const [owners, orders] = await Promise.all([
    byIds<RosterEntry>(ROSTER, [...shops.values()].map((shop) => shop.employeeNo)),
    byIds<Order>('orders', entries.map((e) => ('orderId' in e ? e.orderId : ''))),
  ])
  return entries.map((entry) => {
    const shop = shops.get(entry.shopId)
    const line = 'orderId' in entry ? entry : null
    return {
      at: time(entry.at),
      kind: entryKindText(entry.kind),
      amount: yuan(entry.amountFen),
      shop: shop?.name ?? '',
      shopOwner: (shop && owners.get(shop.employeeNo)?.name) ?? '',
      employeeNo: shop?.employeeNo ?? '',
      orderNo: line ? (orders.get(line.orderId)?.orderNo ?? '') : '',
      lineIndex: line ? String(line.lineIndex + 1) : '',
      base: yuan(line?.baseFen),
      rate: line?.rateBps === undefined ? '' : `${line.rateBps / 100}%`,
      ruleVersion: line ? String(line.ruleVersion) : '',
    }
  })
}
