import type { CommissionDay, CommissionSummary, LedgerEntryView } from '../../src/contracts/commission'
import type { Page } from '../../src/contracts/paging'
import { balancesFrom, type CommissionRules } from '../../src/core/commission'
import { businessDay } from '../../src/core/funnel'
import type { Order } from '../../src/core/order'
import { addDays } from '../../src/core/time'
import { maskedName } from '../../src/core/user'
import { chainOf } from '../_shared/attribution-chain'
import type { StoredEntry } from '../_shared/commission/ledger'
import { CommissionAccount, OrderCommission, emptyAccount } from '../_shared/commission/ledger'
import { _, db } from '../_shared/database'

const entries = db.collection<StoredEntry>('commission_entries')

const DAY_FIELD: Record<StoredEntry['kind'], { field: keyof Omit<CommissionDay, 'day'>; sign: 1 | -1 }> = {
  accrue: { field: 'accruedFen', sign: 1 },
  freeze: { field: 'frozenFen', sign: 1 },
  release: { field: 'releasedFen', sign: 1 },
  void: { field: 'reversedFen', sign: 1 },
  clawback: { field: 'reversedFen', sign: 1 },
  withdraw: { field: 'withdrawnFen', sign: 1 },
  withdrawal_reversed: { field: 'withdrawnFen', sign: -1 },
}

/**
 * The shop's balances (from its account document: no ledger scan), what it may still withdraw today,
 * when its earliest frozen commission becomes available, and its last 30 days summed by day and kind
 * (one aggregation served by the shopId_at index).
 */
export async function commissionSummary(shopId: string, rules: CommissionRules, now: Date): Promise<CommissionSummary> {
  const [{ data: stored }, { list }, { data: [nextFrozen] }] = await Promise.all([
    db.collection<CommissionAccount>('commission_accounts').doc(shopId).get(),
    entries
      .aggregate()
      .match({ shopId, at: _.gte(addDays(now, -30)) })
      .group({ _id: { day: '$day', kind: '$kind' }, fen: db.command.aggregate.sum('$amountFen') })
      .end(),
    db.collection<OrderCommission>('commission_orders').where({ shopId, status: 'frozen' }).orderBy('releasableAt', 'asc').limit(1).get(),
  ])
  const account = stored ?? emptyAccount(shopId, now)
  const today = businessDay(now)
  const requestedToday = account.withdrawals.day === today ? account.withdrawals.requestedFen : 0
  const days = new Map<string, CommissionDay>()
  for (const row of list) {
    const { day, kind } = row._id as { day: string; kind: StoredEntry['kind'] }
    const sum = days.get(day) ?? { day, accruedFen: 0, frozenFen: 0, releasedFen: 0, reversedFen: 0, withdrawnFen: 0 }
    const { field, sign } = DAY_FIELD[kind]
    sum[field] += sign * row.fen
    days.set(day, sum)
  }
  return {
    balances: balancesFrom(account.totals),
    withdrawal: { minFen: rules.withdrawalMinFen, dailyMaxFen: rules.withdrawalDailyMaxFen, leftTodayFen: Math.max(0, rules.withdrawalDailyMaxFen - requestedToday) },
    afterSalesDays: rules.afterSalesDays,
    ...(nextFrozen?.releasableAt ? { nextReleaseAt: nextFrozen.releasableAt } : {}),
    days: [...days.values()].sort((a, b) => (a.day < b.day ? 1 : -1)),
  }
}

/** The ledger, newest first; each order entry with its line and why the order is the shop's. */
export async function ledgerPage(shopId: string, page: number, pageSize: number): Promise<Page<LedgerEntryView>> {
  const { data } = await entries
    .where({ shopId })
    .orderBy('at', 'desc')
    .skip(page * pageSize)
    .limit(pageSize + 1)
    .get()
  const shown = data.slice(0, pageSize)
  const orderIds = [...new Set(shown.flatMap((e) => ('orderId' in e ? [e.orderId] : [])))]
  const { data: orders } = orderIds.length > 0 ? await db.collection<Order>('orders').where({ _id: _.in(orderIds) }).get() : { data: [] as Order[] }
  const chains = new Map(await Promise.all(orders.filter((o) => o.attribution).map(async (o) => [o._id, await chainOf(o)] as const)))
  const byId = new Map(orders.map((o) => [o._id, o]))
  const items = shown.map((e): LedgerEntryView => {
    const base = { key: e.key, kind: e.kind, amountFen: e.amountFen, at: e.at }
    if (!('orderId' in e)) return { ...base, withdrawalId: e.withdrawalId, ...(e.reason ? { reason: e.reason } : {}) }
    const order = byId.get(e.orderId)
    const chain = chains.get(e.orderId)
    return {
      ...base,
      ruleVersion: e.ruleVersion,
      ...(e.rateBps !== undefined ? { rateBps: e.rateBps, baseFen: e.baseFen } : {}),
      ...(e.releasableAt ? { releasableAt: e.releasableAt } : {}),
      ...(order && chain ? { order: { orderNo: order.orderNo, lineTitle: order.lines[e.lineIndex]?.title ?? '', buyer: maskedName(order.address.name), chain } } : {}),
    }
  })
  return { items, hasMore: data.length > pageSize }
}
