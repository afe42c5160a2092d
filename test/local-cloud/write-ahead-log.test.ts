import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../local-cloud/database/store'
import { WriteAheadLog } from '../../local-cloud/database/wal'
import { tempDir } from '../support/local-cloud'

const walFile = (dir: string) => path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('wal-'))!)

describe('write-ahead log', () => {
  it('drops a torn last record left by a crash and keeps every complete one', async () => {
    const dir = tempDir('wal')
    const wal = new WriteAheadLog(path.join(dir, 'wal-1.log'))
    await Promise.all([1, 2, 3].map((seq) => wal.append({ seq })))
    wal.close()
    fs.appendFileSync(path.join(dir, 'wal-1.log'), '5a1f {"seq":4,"chan')
    expect(WriteAheadLog.read(path.join(dir, 'wal-1.log'))).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }])
    // The torn bytes are cut off, so later appends are not glued to garbage.
    expect(fs.readFileSync(path.join(dir, 'wal-1.log'), 'utf8').endsWith('\n')).toBe(true)
  })

  it('a record whose checksum does not match ends recovery there', () => {
    const dir = tempDir('wal')
    fs.writeFileSync(path.join(dir, 'wal-1.log'), '0 {"seq":1}\n')
    expect(WriteAheadLog.read(path.join(dir, 'wal-1.log'))).toEqual([])
  })

  it('a store reopened after a torn write has every committed document', async () => {
    const dir = tempDir('store')
    const store = new Store(dir)
    store.open()
    await store.createCollection('orders')
    await store.commit([{ collection: 'orders', id: 'a', doc: { _id: 'a', totalFen: 100, at: new Date(0) } }])
    await store.commit([{ collection: 'orders', id: 'b', doc: { _id: 'b', totalFen: 200 } }])
    store.close()
    fs.appendFileSync(walFile(dir), 'ffff {"seq":99')

    const reopened = new Store(dir)
    reopened.open()
    expect(reopened.get('orders', 'a')).toEqual({ _id: 'a', totalFen: 100, at: new Date(0) })
    expect(reopened.get('orders', 'b')).toEqual({ _id: 'b', totalFen: 200 })
    reopened.close()
  })

  it('compaction at start folds the log into a snapshot without losing or reviving anything', async () => {
    const dir = tempDir('compact')
    const store = new Store(dir)
    store.open()
    await store.createCollection('carts')
    for (let i = 0; i < 50; i++) {
      await store.commit([{ collection: 'carts', id: `c${i}`, doc: { _id: `c${i}`, qty: i } }])
    }
    await store.commit([{ collection: 'carts', id: 'c0', doc: null }])
    store.close()

    const reopened = new Store(dir)
    reopened.open()
    // The snapshot is written in the background; drain waits for it.
    await reopened.drain()
    expect(fs.existsSync(path.join(dir, 'snapshot.jsonl'))).toBe(true)
    expect(fs.statSync(walFile(dir)).size).toBe(0)
    expect(reopened.count('carts')).toBe(49)
    expect(reopened.get('carts', 'c0')).toBeUndefined()
    expect(reopened.get('carts', 'c49')).toEqual({ _id: 'c49', qty: 49 })
    reopened.close()
  })
})

describe('compaction in the background', () => {
  /** A store whose log holds 30,000 documents, reopened: it folds that log into a snapshot as it opens. */
  async function reopenedWithLog() {
    const dir = tempDir('background')
    const store = new Store(dir)
    store.open()
    await store.createCollection('notes')
    const docs = Array.from({ length: 30_000 }, (_, i) => ({ collection: 'notes', id: `n${i}`, doc: { _id: `n${i}`, v: i } }))
    for (let i = 0; i < docs.length; i += 5_000) await store.commit(docs.slice(i, i + 5_000))
    store.close()
    const reopened = new Store(dir)
    reopened.open()
    return { dir, store: reopened }
  }

  it('answers and commits while the snapshot is written, and the snapshot holds the state it started from', async () => {
    const { dir, store } = await reopenedWithLog()
    let snapshotWritten = false
    const compaction = store.drain().then(() => (snapshotWritten = true))
    // Requests run between the compaction's slices: these commit before the snapshot is done.
    await store.commit([{ collection: 'notes', id: 'n0', doc: { _id: 'n0', v: -1 } }])
    await store.commit([{ collection: 'notes', id: 'n1', doc: null }])
    await store.commit([{ collection: 'notes', id: 'new', doc: { _id: 'new', v: 0 } }])
    expect(snapshotWritten).toBe(false)
    expect(store.get('notes', 'n0')).toEqual({ _id: 'n0', v: -1 })
    await compaction
    store.close()

    const reopened = new Store(dir)
    reopened.open()
    expect(reopened.get('notes', 'n0')).toEqual({ _id: 'n0', v: -1 })
    expect(reopened.get('notes', 'n1')).toBeUndefined()
    expect(reopened.get('notes', 'new')).toEqual({ _id: 'new', v: 0 })
    expect(reopened.count('notes')).toBe(30_000)
    await reopened.drain()
    reopened.close()
  })

  it('a store closed in the middle of a compaction keeps its logs and loses nothing', async () => {
    const { dir, store } = await reopenedWithLog()
    await store.commit([{ collection: 'notes', id: 'late', doc: { _id: 'late', v: 1 } }])
    store.close()

    const reopened = new Store(dir)
    reopened.open()
    expect(reopened.count('notes')).toBe(30_001)
    expect(reopened.get('notes', 'n29999')).toEqual({ _id: 'n29999', v: 29_999 })
    await reopened.drain()
    reopened.close()
  })
})

describe('opening the store', () => {
  it('leaves the snapshot alone when the log has nothing new, and still keeps later writes', async () => {
    const dir = tempDir('reopen')
    const store = new Store(dir)
    store.open()
    await store.createCollection('skus')
    await store.commit([{ collection: 'skus', id: 'a', doc: { _id: 'a', stock: 1 } }])
    store.close()

    const compacted = new Store(dir)
    compacted.open()
    await compacted.drain()
    compacted.close()
    const snapshotAt = fs.statSync(path.join(dir, 'snapshot.jsonl')).mtimeMs

    const idle = new Store(dir)
    idle.open()
    expect(fs.statSync(path.join(dir, 'snapshot.jsonl')).mtimeMs).toBe(snapshotAt)
    await idle.commit([{ collection: 'skus', id: 'b', doc: { _id: 'b', stock: 2 } }])
    idle.close()

    const reopened = new Store(dir)
    reopened.open()
    expect([reopened.get('skus', 'a'), reopened.get('skus', 'b')]).toEqual([{ _id: 'a', stock: 1 }, { _id: 'b', stock: 2 }])
    reopened.close()
  })
})
