import { randomUUID } from 'node:crypto'
import { duplicateKey, lockTimeout, transactionConflict, transactionNotExists } from './errors'
import type { Doc, DocId } from './indexes'
import type { Change, Store } from './store'

/**
 * Transactions as CloudBase runs them (MongoDB snapshot isolation, its "快照隔离"), not stronger and
 * not weaker — code tested here must be correct on the real service:
 *
 * - The snapshot is taken at the transaction's first operation, not at `startTransaction`.
 * - Reads return the snapshot (plus the transaction's own writes) and take no lock: a plain write
 *   outside may change a document the transaction has read.
 * - A write takes the document's transaction lock. A second transaction writing that document fails
 *   at once with DATABASE_TRANSACTION_CONFLICT, and so does a write to a document changed since the
 *   snapshot. The failed transaction is aborted on the server, as MongoDB aborts on a write conflict.
 * - Nothing is validated at commit: write skew (each reads one document and writes another) commits.
 * - A plain write to a locked document waits until the lock is released (bounded by `lockWaitMs`).
 * - A transaction must end within `ttlMs` of its start; after that, or after it ended, any operation
 *   on it fails with DATABASE_TRANSACTION_FAIL.
 */
export class Transaction {
  readonly id = randomUUID()
  /** Commit sequence the transaction reads at; fixed by its first operation. */
  snapshotSeq?: number
  readonly writes = new Map<string, Change>()
  timer?: NodeJS.Timeout
}

/** One key per document; the id's type is part of it, because `_id` 5 and `_id` '5' are different documents. */
export const docKey = (collection: string, id: DocId) => `${collection}\u0000${typeof id}\u0000${id}`

export class TransactionManager {
  private readonly open = new Map<string, Transaction>()
  /** Document key → the open transaction that has written it. */
  private readonly locks = new Map<string, Transaction>()
  /** Document key → plain writes waiting for its lock to go. */
  private readonly waiting = new Map<string, Set<() => void>>()

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 30_000,
    readonly lockWaitMs = 5_000,
  ) {
    store.oldestReader = () => {
      let oldest = Infinity
      for (const txn of this.open.values()) if (txn.snapshotSeq !== undefined) oldest = Math.min(oldest, txn.snapshotSeq)
      return oldest
    }
  }

  start(): Transaction {
    const txn = new Transaction()
    txn.timer = setTimeout(() => this.end(txn), this.ttlMs)
    txn.timer.unref()
    this.open.set(txn.id, txn)
    return txn
  }

  /** The open transaction with this id; a committed, aborted or expired one is gone. */
  get(id: string): Transaction {
    const txn = this.open.get(id)
    if (!txn) throw transactionNotExists()
    return txn
  }

  openCount(): number {
    return this.open.size
  }

  /** Reads a document by id: the transaction's own write, else the snapshot. Takes no lock. */
  read(txn: Transaction, collection: string, id: DocId): Doc | undefined {
    const seq = this.snapshotOf(txn, collection)
    const own = txn.writes.get(docKey(collection, id))
    if (own) return own.doc ?? undefined
    return this.store.get(collection, id, seq)
  }

  /** The collection's documents as the transaction sees them, for queries. */
  snapshot(txn: Transaction, collection: string): Doc[] {
    const seq = this.snapshotOf(txn, collection)
    const docs: Doc[] = []
    const seen = new Set<string>()
    for (const doc of this.store.scan(collection, seq)) {
      const key = docKey(collection, doc._id)
      seen.add(key)
      const own = txn.writes.get(key)
      if (!own) docs.push(doc)
      else if (own.doc) docs.push(own.doc)
    }
    for (const [key, change] of txn.writes) {
      if (change.collection === collection && change.doc && !seen.has(key)) docs.push(change.doc)
    }
    return docs
  }

  /**
   * Writes a document in the transaction, or fails at once — aborting the transaction — when another
   * open transaction holds its lock or it changed since the snapshot.
   */
  write(txn: Transaction, change: Change): void {
    const seq = this.snapshotOf(txn, change.collection)
    const key = docKey(change.collection, change.id)
    const holder = this.locks.get(key)
    if ((holder && holder !== txn) || this.store.lastWrite(change.collection, change.id) > seq) this.failConflict(txn)
    if (change.doc) this.checkUnique(txn, change, seq)
    this.locks.set(key, txn)
    txn.writes.set(key, change)
  }

  async commit(txn: Transaction): Promise<void> {
    this.end(txn)
    if (txn.writes.size > 0) await this.store.commit([...txn.writes.values()])
  }

  abort(txn: Transaction): void {
    this.end(txn)
  }

  isLocked(collection: string, id: DocId): boolean {
    return this.locks.has(docKey(collection, id))
  }

  /**
   * Resolves when none of these documents is locked any more (the caller then looks again: another
   * transaction may have taken a lock meanwhile); rejects once `deadline` has passed.
   */
  waitForUnlock(changes: Change[], deadline: number): Promise<void> {
    const keys = changes.map((c) => docKey(c.collection, c.id)).filter((key) => this.locks.has(key))
    if (keys.length === 0) return Promise.resolve()
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const done = () => {
        if (keys.some((key) => this.locks.has(key))) return
        clearTimeout(timer)
        for (const key of keys) this.waiting.get(key)?.delete(done)
        resolve()
      }
      timer = setTimeout(() => {
        for (const key of keys) this.waiting.get(key)?.delete(done)
        reject(lockTimeout())
      }, Math.max(0, deadline - Date.now()))
      timer.unref()
      for (const key of keys) {
        let set = this.waiting.get(key)
        if (!set) this.waiting.set(key, (set = new Set()))
        set.add(done)
      }
    })
  }

  /** The first operation fixes the snapshot; it also checks that the collection exists. */
  private snapshotOf(txn: Transaction, collection: string): number {
    this.store.collection(collection)
    if (txn.snapshotSeq === undefined) txn.snapshotSeq = this.store.seq
    return txn.snapshotSeq
  }

  /**
   * A unique key taken by a document committed since the snapshot, or by another open transaction's
   * write, is a write conflict (MongoDB locks index keys as well as documents); one committed before
   * the snapshot is a duplicate key.
   */
  private checkUnique(txn: Transaction, change: Change, seq: number): void {
    const doc = change.doc!
    for (const index of this.store.collection(change.collection).indexes) {
      if (!index.spec.unique) continue
      const key = index.keyFor(doc)
      if (key === undefined) continue
      const holder = index.holderOf(key)
      if (holder !== undefined && holder !== doc._id) {
        // The holder's own write in this transaction may free the key before commit.
        const mine = txn.writes.get(docKey(change.collection, holder))
        if (!mine || (mine.doc && index.keyFor(mine.doc) === key)) {
          if (!mine && this.store.lastWrite(change.collection, holder) > seq) this.failConflict(txn)
          throw duplicateKey(change.collection, index.spec.name, key)
        }
      }
      for (const other of this.open.values()) {
        if (other === txn) continue
        for (const pending of other.writes.values()) {
          if (pending.collection === change.collection && pending.doc && pending.id !== change.id && index.keyFor(pending.doc) === key) {
            this.failConflict(txn)
          }
        }
      }
    }
  }

  private failConflict(txn: Transaction): never {
    this.end(txn)
    throw transactionConflict()
  }

  private end(txn: Transaction): void {
    if (this.open.get(txn.id) !== txn) throw transactionNotExists()
    clearTimeout(txn.timer)
    this.open.delete(txn.id)
    for (const key of txn.writes.keys()) {
      if (this.locks.get(key) !== txn) continue
      this.locks.delete(key)
      for (const wake of [...(this.waiting.get(key) ?? [])]) wake()
      if (this.waiting.get(key)?.size === 0) this.waiting.delete(key)
    }
    this.store.pruneVersions()
  }
}
