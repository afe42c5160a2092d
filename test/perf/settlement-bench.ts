/**
 * Settlement benchmark (issue 9): 100,000 paid orders of 1,000 shops whose after-sales windows have
 * ended, released by the real `settleCommissions` timer job — a function in its own process, reaching
 * the local cloud over HTTP as in production — run after run until nothing is due. Prints each run's
 * time and releases, the runs needed, and checks every shop's account against its ledger. Asserts
 * nothing else: figures are for reading.
 *
 *   npm run bench:settlement            (BENCH_ORDERS=100000 BENCH_SHOPS=1000 by default)
 */
import os from 'node:os'
import { totalsAfter, type CommissionEntry, type LineEntry } from '../../src/core/commission'
import { addDays } from '../../src/core/time'
import type { Change } from '../../local-cloud/database/store'
import { startLocalCloud } from '../../local-cloud/server'
import { tempDir } from '../support/local-cloud'
import { report } from './figures'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000)
const SHOPS = Number(process.env.BENCH_SHOPS ?? 1000)
/** The function's own limit (timers/config.json): a run that reached it would be killed and fail. */
const RUN_LIMIT_S = 60

async function main() {
  const cloud = await startLocalCloud({ dataDir: tempDir('bench-settlement'), log: () => {}, buildFunctions: true })
  try {
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}`)
    const confirmedAt = addDays(new Date(), -10)
    const releasableAt = addDays(confirmedAt, 7)
    const seeded = Date.now()
    const perShop = new Map<string, LineEntry[]>()
    let changes: Change[] = []
    const flush = async () => {
      if (changes.length > 0) await cloud.db.store.commit(changes)
      changes = []
    }
    // Written straight into the store as the order moves leave them: accrued at payment, frozen at receipt.
    for (let i = 0; i < ORDERS; i++) {
      const shopId = `shop-${i % SHOPS}`
      const orderId = `order-${i}`
      const line = { shopId, orderId, lineIndex: 0, ruleVersion: 1, at: confirmedAt }
      const amountFen = 100 + (i % 900)
      const entries: LineEntry[] = [
        { ...line, key: `${orderId}:0:accrue`, kind: 'accrue', amountFen, baseFen: amountFen * 10, rateBps: 1000 },
        { ...line, key: `${orderId}:0:freeze`, kind: 'freeze', amountFen, releasableAt },
      ]
      perShop.set(shopId, [...(perShop.get(shopId) ?? []), ...entries])
      changes.push({ collection: 'commission_orders', id: orderId, doc: { _id: orderId, shopId, status: 'frozen', releasableAt, entries, updatedAt: confirmedAt } })
      for (const e of entries) changes.push({ collection: 'commission_entries', id: e.key, doc: { _id: e.key, ...e, day: '2026-11-19' } })
      if (changes.length >= 6000) await flush()
    }
    for (const [shopId, entries] of perShop) {
      changes.push({ collection: 'commission_accounts', id: shopId, doc: { _id: shopId, totals: totalsAfter(entries), entryCount: entries.length, withdrawals: { day: '2026-11-19', requestedFen: 0 }, updatedAt: confirmedAt } })
    }
    await flush()
    console.log(`seeded ${ORDERS} frozen orders of ${SHOPS} shops (${ORDERS * 2} entries) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`)

    let runs = 0
    let released = 0
    let slowest = 0
    for (;;) {
      runs++
      const started = Date.now()
      const outcome = await cloud.functions.fireTrigger('timers', 'settleCommissions', new Date())
      const seconds = (Date.now() - started) / 1000
      if (!outcome.ok) throw new Error(`run ${runs} failed: ${outcome.errMsg}`)
      const done = (outcome.result as { done: number }).done
      released += done
      slowest = Math.max(slowest, seconds)
      const progress = cloud.db.store.get('job_progress', 'settleCommissions') as unknown as { complete: boolean; skippedShops: number }
      console.log(`run ${runs}: ${done} orders released in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)}/s)${seconds >= RUN_LIMIT_S ? '  OVER THE 60 s LIMIT' : ''}${progress.skippedShops ? `, ${progress.skippedShops} shops skipped` : ''}`)
      if (progress.complete) break
      if (runs > 50) throw new Error('no end in sight')
    }
    report('settlement', `settleCommissions, ${ORDERS} orders: runs needed`, runs, 'runs')
    report('settlement', `settleCommissions, ${ORDERS} orders: slowest run`, slowest, 's')
    report('settlement', `settleCommissions, ${ORDERS} orders: not released`, ORDERS - released, 'orders')

    // Every shop's account equals its ledger, and every order was released exactly once.
    const ledger = new Map<string, CommissionEntry[]>()
    let releases = 0
    for (const doc of cloud.db.store.collection('commission_entries').chains.values()) {
      const e = doc[doc.length - 1].doc as unknown as CommissionEntry | null
      if (!e) continue
      if (e.kind === 'release') releases++
      ledger.set(e.shopId, [...(ledger.get(e.shopId) ?? []), e])
    }
    let mismatched = 0
    for (const [shopId, entries] of ledger) {
      const account = cloud.db.store.get('commission_accounts', shopId) as unknown as { totals: unknown }
      if (JSON.stringify(account.totals) !== JSON.stringify(totalsAfter(entries))) mismatched++
    }
    console.log(`release entries: ${releases} (orders: ${ORDERS})`)
    report('settlement', 'accounts not equal to their ledger', mismatched, 'accounts')
  } finally {
    await cloud.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
