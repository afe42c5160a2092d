/**
 * Dashboard benchmark (issue 10): HQ's 数据看板 read through the real `hq-reports` function over HTTP,
 * as the mini program calls it, with 10,000 and 1,000,000 paid orders of the last 30 days (1,000 shops,
 * 200 products, one refund in 20) in the store. The orders and the rollups they would have added — each
 * order's bumps computed by the same core the payment effect uses — are written straight into the
 * store. Reports, at each size, the rollup documents there are and each period's latency (p50 and
 * p95 of the runs, after one call that warms the function). Asserts nothing: figures are for reading,
 * and on a shared machine they are noisy.
 *
 *   npm run bench:dashboard            (BENCH_SIZES=10000,1000000 BENCH_RUNS=20 by default; BENCH_WITH_ORDERS=1)
 */
import os from 'node:os'
import { applyBump, funnelBumps, mergeBumps, paymentBumps, refundBumps, type Bump, type DashboardPeriod, type Rollup, DASHBOARD_PERIODS, periodDays } from '../../src/core/dashboard'
import { businessDay, type FunnelEvent } from '../../src/core/funnel'
import type { Order } from '../../src/core/order'
import type { Change } from '../../local-cloud/database/store'
import { startLocalCloud, type LocalCloud } from '../../local-cloud/server'
import { callAs, tempDir } from '../support/local-cloud'
import { report } from './figures'

const SIZES = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const SHOPS = 1000
const PRODUCTS = 200
const HQ = 'o-bench-hq'
/**
 * The dashboard never reads orders, so by default only the rollups they made are written (a million
 * order documents take the store many minutes to take in); BENCH_WITH_ORDERS=1 writes the orders too.
 */
const WITH_ORDERS = process.env.BENCH_WITH_ORDERS === '1'

/** `orders` paid over the last 30 days, written with their rollups; returns the rollup documents by collection and by day. */
async function seed(cloud: LocalCloud, orders: number, now: Date): Promise<{ counts: Record<string, number>; byDay: Map<string, number> }> {
  let changes: Change[] = []
  const flush = async () => {
    if (changes.length > 0) await cloud.db.store.commit(changes)
    changes = []
  }
  const put = async (collection: string, doc: { _id: string }) => {
    changes.push({ collection, id: doc._id, doc: doc as unknown as Change['doc'] })
    if (changes.length >= 5000) await flush()
  }
  const rollups = new Map<string, Rollup>()
  const add = (bumps: Bump[], at: Date) => {
    for (const b of mergeBumps(bumps)) rollups.set(`${b.collection}/${b.id}`, applyBump(rollups.get(`${b.collection}/${b.id}`) ?? null, b, at))
  }
  const buyers = new Set<string>()
  // Orders are paid on the hour over the last 30 days: each hour's instant and business day worked out once.
  const hours = Array.from({ length: 30 * 24 }, (_, h) => new Date(now.getTime() - h * 3_600_000 - 60_000))
  const hourDays = hours.map(businessDay)
  for (let i = 0; i < orders; i++) {
    const paidAt = hours[i % hours.length]
    const day = hourDays[i % hours.length]
    // One order in ten is HQ's own; the rest spread over the shops.
    const shopId = i % 10 === 0 ? null : `shop-${i % SHOPS}`
    const productId = `p-${(i * 7) % PRODUCTS}`
    const buyerOpenid = `o-buyer-${i % (orders / 4)}`
    const order = {
      _id: `order-${i}`,
      orderNo: `${i}`,
      requestKey: `${buyerOpenid}:${i}`,
      buyerOpenid,
      status: 'paid',
      lines: [{ skuId: `${productId}-sku`, productId, title: `商品 ${productId}`, quantity: 1 + (i % 3), paidFen: 5000 + (i % 100) * 100 }],
      payableFen: 5800 + (i % 100) * 100,
      payment: { outTradeNo: `${i}`, paidFen: 5800 + (i % 100) * 100, paidAt },
      attribution: shopId ? { shopId, channel: 'chat', shareCode: null } : undefined,
      createdAt: paidAt,
    } as unknown as Order
    if (WITH_ORDERS) await put('orders', order)
    const orderEvent: FunnelEvent[] = shopId ? [{ kind: 'order', shopId, day, channel: 'chat', shareCode: null, at: paidAt }] : []
    const visits: FunnelEvent[] = shopId ? (['share', 'visit', 'visit', 'visit', 'bind'] as const).map((kind) => ({ kind, shopId, day, channel: 'chat', shareCode: null, at: paidAt })) : []
    add([...paymentBumps(order, paidAt, !buyers.has(buyerOpenid)), ...funnelBumps([...orderEvent, ...visits], order._id)], paidAt)
    buyers.add(buyerOpenid)
    if (i % 20 === 0) add(refundBumps(order, paidAt, 1000), paidAt)
  }
  const counts: Record<string, number> = {}
  const byDay = new Map<string, number>()
  for (const [key, doc] of rollups) {
    const collection = key.split('/')[0]
    counts[collection] = (counts[collection] ?? 0) + 1
    byDay.set(doc.day, (byDay.get(doc.day) ?? 0) + 1)
    await put(collection, doc)
  }
  for (let s = 0; s < SHOPS; s++) {
    await put('shops', { _id: `shop-${s}`, ownerOpenid: `o-owner-${s}`, employeeNo: `E${s}`, name: `小店 ${s}`, status: 'active', createdAt: now } as { _id: string })
    await put('roster', { _id: `E${s}`, employeeNo: `E${s}`, name: `员工 ${s}`, department: `部门 ${s % 20}`, active: true } as { _id: string })
  }
  await put('hq_admins', { _id: HQ, openid: HQ, role: 'hq_admin', name: '何静', employeeNo: null, addedByOpenid: null, addedAt: now, updatedAt: now } as { _id: string })
  await put('settings', { _id: 'hqAdmins', fullAdmins: 1, updatedAt: now } as { _id: string })
  await flush()
  return { counts, byDay }
}

/** The value below which `p` percent of the runs fall (nearest rank). */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]

async function main() {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  for (const size of SIZES) {
    const cloud = await startLocalCloud({ dataDir: tempDir('bench-dashboard'), log: (line) => void (/error/i.test(line) && console.error(line.slice(0, 500))), buildFunctions: true })
    try {
      const now = new Date()
      const started = Date.now()
      const { counts, byDay } = await seed(cloud, size, now)
      console.log(`\n${size} orders${WITH_ORDERS ? '' : ' (their rollups only)'} seeded with ${Object.entries(counts).map(([c, n]) => `${n} ${c}`).join(', ')} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      const first = await callAs(cloud, HQ, 'hq-reports', 'getDashboard', { period: 'today' })
      if (!first.ok) throw new Error(JSON.stringify(first))
      for (const period of DASHBOARD_PERIODS as readonly DashboardPeriod[]) {
        const times: number[] = []
        let answer: any
        for (let run = 0; run < RUNS; run++) {
          const t0 = performance.now()
          answer = await callAs(cloud, HQ, 'hq-reports', 'getDashboard', { period })
          times.push(performance.now() - t0)
          if (!answer.ok) throw new Error(JSON.stringify(answer))
        }
        const { kpis, departments } = answer.data
        console.log(`  ${period}: ${kpis.paidOrders} orders, GMV ¥${(kpis.gmvFen / 100).toFixed(2)}, ${departments.length} departments`)
        report('dashboard', `${size} orders, ${period}: rollup documents read`, periodDays(period, now).reduce((n, day) => n + (byDay.get(day) ?? 0), 0), 'documents')
        report('dashboard', `${size} orders, ${period}: p50`, percentile(times, 50), 'ms')
        report('dashboard', `${size} orders, ${period}: p95`, percentile(times, 95), 'ms')
      }
    } finally {
      await cloud.close()
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
