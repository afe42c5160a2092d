/**
 * The local cloud with a million small documents: how long it takes to start, how much memory it
 * holds, and the worst latency of a small read while a compaction folds the log into a snapshot.
 * Asserts nothing.
 *
 *   npm run bench:big-store      (BENCH_DOCS=1000000 documents)
 */
import fs from 'node:fs'
import path from 'node:path'
import { Store } from '../../local-cloud/database/store'
import { startCloudProcess } from '../support/cloud-process'
import { connectSdk, tempDir } from '../support/local-cloud'
import { report, residentMb } from './figures'

const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000)
const BENCH = 'big-store'
/** Enough log to pass the store's compaction threshold (64 MB). */
const FILLER_BYTES = 70 << 20
const FILLER_DOC_BYTES = 1 << 20
const START_TIMEOUT_MS = 300_000

async function writeDocuments(dataDir: string): Promise<void> {
  const store = new Store(dataDir)
  store.open()
  await store.createCollection('notes')
  const categories = ['green', 'black', 'oolong', 'puer', 'white']
  for (let start = 0; start < DOCS; start += 10_000) {
    const changes = []
    for (let i = start; i < Math.min(DOCS, start + 10_000); i++) {
      const id = `n${i}`
      changes.push({ collection: 'notes', id, doc: { _id: id, category: categories[i % 5], stock: i % 100, at: new Date(1_700_000_000_000 + i) } })
    }
    await store.commit(changes)
  }
  await store.drain()
  store.close()
}

async function main(): Promise<void> {
  const dataDir = tempDir('big-store')
  await writeDocuments(dataDir)
  // A first start folds the generated log into a snapshot; the measured start reads that snapshot.
  // The fold runs in the background after the cloud is up, so it is waited for before the stop: a
  // stop in the middle leaves the log to fold again, and no single log to wait for.
  const schema = ['--schema', path.join(__dirname, '../fixtures/schema.json')]
  const first = await startCloudProcess(dataDir, schema, START_TIMEOUT_MS)
  await waitForSnapshotOnly(dataDir)
  await first.stop()

  const started = performance.now()
  const cloud = await startCloudProcess(dataDir, schema, START_TIMEOUT_MS)
  report(BENCH, `local cloud start, ${DOCS} documents`, (performance.now() - started) / 1000, 's')
  try {
    report(BENCH, `local cloud RSS, ${DOCS} documents`, residentMb(cloud.child.pid!), 'MB')
    const db = (await connectSdk(cloud.url)).database()
    await db.createCollection('filler')
    // A reader that keeps asking for one small document while big writes push the log past the threshold.
    const snapshot = path.join(dataDir, 'snapshot.jsonl')
    const before = fs.statSync(snapshot).mtimeMs
    let worst = 0
    let reads = 0
    let failed = 0
    let done = false
    const reader = (async () => {
      while (!done) {
        const t0 = performance.now()
        // A read the SDK gave up on (its timeout) counts with the time it waited.
        await db.collection('notes').doc(`n${reads % DOCS}`).get().catch(() => failed++)
        worst = Math.max(worst, performance.now() - t0)
        reads++
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    const text = 'x'.repeat(FILLER_DOC_BYTES)
    // A write the SDK gave up on waiting for was still applied: it counts towards the log all the same.
    for (let i = 0; i * FILLER_DOC_BYTES < FILLER_BYTES; i++) await db.collection('filler').add({ data: { i, text } }).catch(() => {})
    const deadline = Date.now() + 120_000
    while (fs.statSync(snapshot).mtimeMs === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    const compacted = fs.statSync(snapshot).mtimeMs !== before
    done = true
    await reader
    report(BENCH, 'worst read latency during a compaction', compacted ? worst : NaN, 'ms')
    report(BENCH, 'reads timed out during a compaction', failed, 'reads')
  } finally {
    await cloud.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Waits until a background compaction left one empty log beside the snapshot. */
async function waitForSnapshotOnly(dataDir: string): Promise<void> {
  for (;;) {
    const logs = fs.readdirSync(dataDir).filter((f) => f.startsWith('wal-'))
    if (fs.existsSync(path.join(dataDir, 'snapshot.jsonl')) && logs.length === 1) return
    await new Promise((r) => setTimeout(r, 100))
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
