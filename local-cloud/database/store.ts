import fs from 'node:fs'
import path from 'node:path'
import { decodeEjson, encodeEjson } from './ejson'
import { collectionAlreadyExists, collectionNotExists } from './errors'
import { Doc, DocId, Index, IndexSpec } from './indexes'
import { ReadPlan, planRead } from './planner'
import { WriteAheadLog, syncDirectory } from './wal'

/** One write of a commit: the new state of a document, or null when it is removed. */
export interface Change {
  collection: string
  id: DocId
  doc: Doc | null
}

interface Version {
  seq: number
  doc: Doc | null
}

interface WalRecord {
  seq: number
  create?: string
  changes?: Array<[string, DocId, string | null]>
}

const SNAPSHOT = 'snapshot.jsonl'
const COMPACT_AFTER_BYTES = 64 << 20
/** How long a compaction works before letting requests run. */
const SLICE_MS = 8

class CollectionData {
  /** Every document's versions, oldest first; older versions are kept only while a transaction may read them. */
  readonly chains = new Map<DocId, Version[]>()
  readonly indexes: Index[] = []
  /** When each document was first inserted: indexes list documents with equal values in this order. */
  private readonly ordinals = new Map<DocId, number>()
  private nextOrdinal = 0

  constructor(readonly name: string) {}

  ordinalOf(id: DocId): number {
    let ordinal = this.ordinals.get(id)
    if (ordinal === undefined) this.ordinals.set(id, (ordinal = this.nextOrdinal++))
    return ordinal
  }

  forget(id: DocId): void {
    this.chains.delete(id)
    this.ordinals.delete(id)
  }

  latest(id: DocId): Doc | undefined {
    const chain = this.chains.get(id)
    return chain?.[chain.length - 1].doc ?? undefined
  }
}

/**
 * The database's state: collections of documents, with a global commit sequence number.
 *
 * Guarantees: a commit is applied in memory in one synchronous step (other requests see all of it or
 * none of it), checked against unique indexes before anything changes, and acknowledged only once
 * its log record is durable. A transaction reading at sequence `s` sees exactly the commits up to `s`.
 */
export class Store {
  private readonly collections = new Map<string, CollectionData>()
  private wal!: WriteAheadLog
  /** The snapshot being written in the background, if any. */
  private compaction: Promise<void> | undefined
  /** The sequence number that snapshot is of: versions it still has to read are kept until it is written. */
  private compactionSeq = Infinity
  private closed = false
  seq = 0
  /** Lowest snapshot an open transaction reads at; versions older than that can be dropped. */
  oldestReader: () => number = () => Infinity
  /** Documents with more than one version kept, by collection and id. */
  private readonly multiVersion = new Map<string, { collection: string; id: DocId }>()

  constructor(readonly dataDir: string) {}

  open(): void {
    fs.mkdirSync(this.dataDir, { recursive: true })
    const hadSnapshot = this.loadSnapshot()
    let replayed = 0
    const files = this.walFiles()
    for (const file of files) {
      for (const record of WriteAheadLog.read(file) as WalRecord[]) {
        if (record.seq > this.seq) {
          this.replay(record)
          replayed++
        }
      }
    }
    // Folding the log into a snapshot rewrites every document; with nothing to fold, just go on
    // appending to the current log.
    if (replayed > 0 || !hadSnapshot || files.length !== 1) this.startCompaction()
    else this.wal = new WriteAheadLog(files[0])
  }

  /** Closes the log; a snapshot still being written is given up (the logs it would replace stay). */
  close(): void {
    this.closed = true
    this.wal?.close()
  }

  /** Resolves once every commit so far is durable and no snapshot is being written. */
  async drain(): Promise<void> {
    await this.wal.drain()
    await this.compaction
  }

  // ---- collections and indexes ----

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  collection(name: string): CollectionData {
    const data = this.collections.get(name)
    if (!data) throw collectionNotExists(name)
    return data
  }

  async createCollection(name: string): Promise<void> {
    if (this.collections.has(name)) throw collectionAlreadyExists(name)
    this.collections.set(name, new CollectionData(name))
    await this.wal.append({ seq: ++this.seq, create: name } satisfies WalRecord)
  }

  /** Declares an index (not persisted: indexes come from the repository's declaration at every start). */
  ensureIndex(collection: string, spec: IndexSpec): void {
    const data = this.collection(collection)
    if (data.indexes.some((i) => i.spec.name === spec.name)) return
    const index = new Index(collection, spec, (id) => data.ordinalOf(id))
    const docs = [...this.scan(collection)]
    index.checkUnique(docs, new Set())
    for (const doc of docs) index.add(doc)
    data.indexes.push(index)
  }

  // ---- reads ----

  get(collection: string, id: DocId, atSeq = Infinity): Doc | undefined {
    const chain = this.collection(collection).chains.get(id)
    return chain && versionAt(chain, atSeq)
  }

  /** Sequence number of the last commit that wrote (or removed) this document; 0 if none is known. */
  lastWrite(collection: string, id: DocId): number {
    const chain = this.collection(collection).chains.get(id)
    return chain ? chain[chain.length - 1].seq : 0
  }

  *scan(collection: string, atSeq = Infinity): Iterable<Doc> {
    const data = this.collection(collection)
    if (atSeq === Infinity) {
      for (const chain of data.chains.values()) {
        const doc = chain[chain.length - 1].doc
        if (doc) yield doc
      }
      return
    }
    for (const id of data.chains.keys()) {
      const doc = this.get(collection, id, atSeq)
      if (doc) yield doc
    }
  }

  count(collection: string): number {
    let n = 0
    for (const chain of this.collection(collection).chains.values()) if (chain[chain.length - 1].doc) n++
    return n
  }

  /**
   * Latest documents that may match `query`, read through the primary key or a declared index when
   * one serves it (and, when `order` fits an index, in that order); the caller still filters with the
   * full query.
   */
  candidates(collection: string, query: Record<string, any> | undefined, order?: Record<string, 1 | -1>): ReadPlan {
    const data = this.collection(collection)
    return planRead(query, order, data.indexes, (id) => data.latest(id), () => this.scan(collection), (id) => data.ordinalOf(id))
  }

  // ---- writes ----

  /**
   * Applies a set of changes atomically and resolves when they are durable. Throws (changing nothing)
   * if a unique index would be violated or a collection is missing.
   */
  commit(changes: Change[]): Promise<number> {
    const byCollection = new Map<string, Change[]>()
    for (const change of changes) {
      const data = this.collection(change.collection)
      let list = byCollection.get(data.name)
      if (!list) byCollection.set(data.name, (list = []))
      list.push(change)
    }
    for (const [name, list] of byCollection) {
      const leaving = new Set(list.map((c) => c.id))
      const arriving = list.flatMap((c) => (c.doc ? [c.doc] : []))
      for (const index of this.collection(name).indexes) index.checkUnique(arriving, leaving)
    }
    const seq = ++this.seq
    for (const change of changes) this.apply(change, seq)
    const record: WalRecord = {
      seq,
      changes: changes.map((c) => [c.collection, c.id, c.doc ? encodeEjson(c.doc) : null]),
    }
    const wal = this.wal
    return wal.append(record).then(() => {
      if (wal === this.wal && wal.bytes > COMPACT_AFTER_BYTES && !this.compaction) {
        // At a moment the log is complete, so the state the snapshot is of is all in the old log.
        this.compaction = Promise.resolve()
        wal.whenIdle(() => this.startCompaction())
      }
      return seq
    })
  }

  private apply(change: Change, seq: number): void {
    const data = this.collection(change.collection)
    const chain = data.chains.get(change.id)
    const previous = chain?.[chain.length - 1].doc
    if (previous) for (const index of data.indexes) index.remove(previous)
    if (change.doc) for (const index of data.indexes) index.add(change.doc)
    const version = { seq, doc: change.doc }
    const key = `${change.collection}\u0000${typeof change.id}\u0000${change.id}`
    if (!chain || this.readerFloor() === Infinity) {
      if (change.doc) data.chains.set(change.id, [version])
      else data.forget(change.id)
      return
    }
    chain.push(version)
    this.multiVersion.set(key, { collection: change.collection, id: change.id })
  }

  /** The oldest state still read: by an open transaction, or by the snapshot being written. */
  private readerFloor(): number {
    return Math.min(this.oldestReader(), this.compactionSeq)
  }

  /** Drops versions no open transaction (nor the snapshot being written) can read any more. */
  pruneVersions(): void {
    const oldest = this.readerFloor()
    for (const [key, { collection, id }] of this.multiVersion) {
      const data = this.collections.get(collection)
      const chain = data?.chains.get(id)
      if (!data || !chain) {
        this.multiVersion.delete(key)
        continue
      }
      let keepFrom = 0
      for (let i = chain.length - 1; i >= 0; i--) {
        if (chain[i].seq <= oldest) {
          keepFrom = i
          break
        }
      }
      chain.splice(0, keepFrom)
      if (chain.length === 1) {
        this.multiVersion.delete(key)
        if (!chain[0].doc) data.forget(id)
      }
    }
  }

  // ---- persistence ----

  private walFiles(): string[] {
    return fs
      .readdirSync(this.dataDir)
      .filter((f) => /^wal-\d+\.log$/.test(f))
      .sort((a, b) => Number(a.slice(4, -4)) - Number(b.slice(4, -4)))
      .map((f) => path.join(this.dataDir, f))
  }

  /** Loads the snapshot, if there is one, and says whether there was. */
  private loadSnapshot(): boolean {
    const file = path.join(this.dataDir, SNAPSHOT)
    if (!fs.existsSync(file)) return false
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
    const header = JSON.parse(lines[0]) as { seq: number; collections: string[] }
    this.seq = header.seq
    for (const name of header.collections) this.collections.set(name, new CollectionData(name))
    for (const line of lines.slice(1)) {
      const { c, d } = JSON.parse(line) as { c: string; d: string }
      const doc = decodeEjson(d) as Doc
      this.collections.get(c)!.chains.set(doc._id, [{ seq: header.seq, doc }])
    }
    return true
  }

  private replay(record: WalRecord): void {
    this.seq = record.seq
    if (record.create) {
      if (!this.collections.has(record.create)) this.collections.set(record.create, new CollectionData(record.create))
      return
    }
    for (const [collection, id, doc] of record.changes ?? []) {
      this.apply({ collection, id, doc: doc === null ? null : (decodeEjson(doc) as Doc) }, record.seq)
    }
  }

  /**
   * Folds the log into a snapshot without holding up requests: a fresh log takes the commits from
   * here on, and the state as of this sequence number is written out in slices of a few milliseconds
   * between which requests run (the versions it reads are kept meanwhile, like a transaction's).
   * Crash-safe at every step: the old logs are removed only after the snapshot that covers them is
   * durable, and replay skips records a snapshot covers. Called when the current log is idle.
   */
  private startCompaction(): void {
    const seq = this.seq
    const previous = this.walFiles()
    const next = path.join(this.dataDir, `wal-${seq + 1}.log`)
    this.wal?.close()
    this.wal = new WriteAheadLog(next)
    syncDirectory(this.dataDir)
    this.compactionSeq = seq
    this.compaction = this.writeSnapshot(seq)
      .then((written) => {
        if (written) for (const file of previous) if (file !== next) fs.rmSync(file, { force: true })
      })
      .catch((error) => console.error(`compaction failed; the logs stay: ${error?.stack ?? error}`))
      .finally(() => {
        this.compactionSeq = Infinity
        this.compaction = undefined
        this.pruneVersions()
      })
  }

  /** Writes the state as of `seq` to the snapshot file; false when the store closed meanwhile. */
  private async writeSnapshot(seq: number): Promise<boolean> {
    const file = path.join(this.dataDir, SNAPSHOT)
    const tmp = `${file}.tmp`
    const out = await fs.promises.open(tmp, 'w')
    try {
      let buffer = `${JSON.stringify({ seq, collections: [...this.collections.keys()] })}\n`
      let sliceStarted = performance.now()
      for (const [name, data] of [...this.collections]) {
        let n = 0
        // Commits that come meanwhile add versions after `seq` (skipped here) or new documents (seen, and skipped).
        for (const chain of data.chains.values()) {
          const doc = versionAt(chain, seq)
          if (doc) buffer += `${JSON.stringify({ c: name, d: encodeEjson(doc) })}\n`
          if (buffer.length > 1 << 20) {
            await out.write(buffer)
            buffer = ''
          }
          if (++n % 64 === 0 && performance.now() - sliceStarted > SLICE_MS) {
            await new Promise((resume) => setImmediate(resume))
            if (this.closed) return false
            sliceStarted = performance.now()
          }
        }
      }
      await out.write(buffer)
      await out.sync()
    } finally {
      await out.close()
    }
    if (this.closed) return false
    fs.renameSync(tmp, file)
    syncDirectory(this.dataDir)
    return true
  }
}

/** The document as a reader at `seq` sees it. */
function versionAt(chain: Version[], seq: number): Doc | undefined {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].seq <= seq) return chain[i].doc ?? undefined
  return undefined
}
