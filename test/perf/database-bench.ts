/**
 * Local cloud database benchmark: the real wx-server-sdk in this process, the local cloud in its own
 * process (as functions reach it over HTTP). Prints throughput and latency percentiles; asserts nothing.
 *
 *   npm run bench:db            (N=2000 operations per phase, concurrency 20)
 */
import os from 'node:os'
import path from 'node:path'
import { retryOnConflict } from '../../cloudfunctions/_shared/retry-on-conflict'
import { startCloudProcess } from '../support/cloud-process'
import { connectSdk, tempDir } from '../support/local-cloud'
import { report } from './figures'

const N = Number(process.env.BENCH_N ?? 2000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20)

async function measure(name: string, count: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = []
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        const t0 = performance.now()
        try {
          await op(i)
          latencies.push(performance.now() - t0)
        } catch {
          failed++
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]
  report('db', `${name}: throughput`, count / seconds, 'ops/s')
  report('db', `${name}: p50`, pct(50), 'ms')
  report('db', `${name}: p99`, pct(99), 'ms')
  if (failed) report('db', `${name}: failed`, failed, 'ops')
}

async function main() {
  const cloudProcess = await startCloudProcess(tempDir('bench'), ['--schema', path.join(__dirname, '../fixtures/schema.json')])
  try {
    const db = (await connectSdk(cloudProcess.url)).database()
    const _ = db.command
    const items = db.collection('items')
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}; concurrency ${CONCURRENCY}`)
    const categories = ['green', 'black', 'oolong', 'puer', 'white', 'yellow', 'herbal', 'gift']
    const ids: string[] = []
    await measure('insert (add, fsync per group)', N, CONCURRENCY, async (i) => {
      const { _id } = await items.add({
        data: { sku: `sku-${i}`, category: categories[i % 8], priceFen: 1000 + (i % 500) * 10, stock: 100, at: new Date() },
      })
      ids.push(_id)
    })
    await measure('indexed query (category, limit 20)', N, CONCURRENCY, (i) =>
      items.where({ category: categories[i % 8] }).orderBy('priceFen', 'desc').limit(20).get(),
    )
    await measure('unique-index lookup (sku)', N, CONCURRENCY, (i) => items.where({ sku: `sku-${i}` }).get())
    await measure('doc(id).get()', N, CONCURRENCY, (i) => items.doc(ids[i % ids.length]).get())
    await measure('doc(id).update (_.inc)', N, CONCURRENCY, (i) =>
      items.doc(ids[i % ids.length]).update({ data: { stock: _.inc(-1) } }),
    )
    await measure('scan query (unindexed field)', Math.min(N, 500), CONCURRENCY, (i) =>
      items.where({ priceFen: 1000 + (i % 500) * 10 }).get(),
    )
    await db.createCollection('counters')
    await db.collection('counters').add({ data: { _id: 'hot', n: 0 } })
    // As the functions run them: a write conflict fails at once and is retried after a jittered pause.
    const transaction = (work: (tx: any) => Promise<void>) => retryOnConflict(() => db.runTransaction(work, 0))
    await measure('transaction on one hot document', Math.min(N, 500), CONCURRENCY, () =>
      transaction(async (tx: any) => {
        const { data } = await tx.collection('counters').doc('hot').get()
        await tx.collection('counters').doc('hot').update({ data: { n: data.n + 1 } })
      }),
    )
    await measure('transactions on distinct documents', Math.min(N, 500), CONCURRENCY, (i) =>
      transaction(async (tx: any) => {
        const { data } = await tx.collection('items').doc(ids[i]).get()
        await tx.collection('items').doc(ids[i]).update({ data: { stock: data.stock - 1 } })
      }),
    )
    const { data } = await db.collection('counters').doc('hot').get()
    report('db', 'hot counter lost updates', Math.min(N, 500) - data.n, 'updates')
  } finally {
    await cloudProcess.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
