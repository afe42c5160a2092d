import { randomUUID } from 'node:crypto'
import { transactionConflict, transactionExpired, transactionNotExists } from './errors'
import type { Doc } from './indexes'
import type { Change, Store } from './store'

/**
 * Serializable transactions over the store.
 *
 * - Reads see a snapshot: the commits up to the transaction's start, plus its own writes.
 * - Reading or writing a document by id takes that document's lock; a second transaction that wants
 *   the same document waits (bounded) until the first ends. If it had read nothing yet, its snapshot
 *   moves to that moment, so read-modify-write transactions on a hot document queue up and succeed
 *   one after another instead of failing together.
 * - A wait never blocks for long: after `lockWaitMs`, or at once if waiting would close a cycle, the
 *   transaction goes on without the lock.
 * - At commit, every document it read or wrote must be unchanged since its snapshot, otherwise the
 *   commit answers DATABASE_TRANSACTION_CONFLICT (which the SDK retries) and is discarded. This is what
 *   rules out lost updates and write skew whatever happened with the locks.
 * - A transaction not ended within `ttlMs` expires and releases its locks.
 */
export class Transaction {
  readonly id = randomUUID()
  readonly reads = new Set<string>()
  readonly writes = new Map<string, Change>()
  readonly locks = new Set<string>()
  waitingFor?: string
  expired = false
  /** Set once the transaction has observed data; after that its snapshot can no longer move. */
  observed = false
  timer?: NodeJS.Timeout

  constructor(public startSeq: number) {}
}

interface Waiter {
  txn: Transaction
  grant: () => void
}

export const docKey = (collection: string, id: string) => `${collection}\u0000${id}`

export class TransactionManager {
  private readonly open = new Map<string, Transaction>()
  private readonly holders = new Map<string, Transaction>()
  private readonly queues = new Map<string, Waiter[]>()

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 30_000,
    private readonly lockWaitMs = 3_000,
  ) {
    store.oldestReader = () => {
      let oldest = Infinity
      for (const txn of this.open.values()) oldest = Math.min(oldest, txn.startSeq)
      return oldest
    }
  }

  start(): Transaction {
    const txn = new Transaction(this.store.seq)
    txn.timer = setTimeout(() => this.expire(txn), this.ttlMs)
    txn.timer.unref()
    this.open.set(txn.id, txn)
    return txn
  }

  get(id: string): Transaction {
    const txn = this.open.get(id)
    if (!txn) throw transactionNotExists(id)
    if (txn.expired) throw transactionExpired()
    return txn
  }

  openCount(): number {
    return this.open.size
  }

  /** Reads a document by id inside the transaction (own writes first, then the snapshot). */
  async read(txn: Transaction, collection: string, id: string): Promise<Doc | undefined> {
    const key = docKey(collection, id)
    await this.lock(txn, key)
    this.store.collection(collection)
    txn.observed = true
    const own = txn.writes.get(key)
    if (own) return own.doc ?? undefined
    txn.reads.add(key)
    return this.store.get(collection, id, txn.startSeq)
  }

  /**
   * Documents of a collection as the transaction sees them, for queries (no locks). Only the ones
   * the query returns join the read set (`observe`), so a transaction is not failed by changes to
   * documents it never looked at.
   */
  snapshot(txn: Transaction, collection: string): Doc[] {
    txn.observed = true
    const docs: Doc[] = []
    const seen = new Set<string>()
    for (const doc of this.store.scan(collection, txn.startSeq)) {
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

  /** Records that the transaction's answer depended on these documents, to be validated at commit. */
  observe(txn: Transaction, collection: string, ids: string[]): void {
    for (const id of ids) txn.reads.add(docKey(collection, id))
  }

  async write(txn: Transaction, change: Change): Promise<void> {
    const key = docKey(change.collection, change.id)
    await this.lock(txn, key)
    this.store.collection(change.collection)
    txn.observed = true
    txn.writes.set(key, change)
  }

  async commit(txn: Transaction): Promise<void> {
    this.get(txn.id)
    this.end(txn)
    for (const key of new Set([...txn.reads, ...txn.writes.keys()])) {
      const [collection, id] = key.split('\u0000')
      if (this.store.lastWrite(collection, id) > txn.startSeq) throw transactionConflict()
    }
    if (txn.writes.size > 0) await this.store.commit([...txn.writes.values()])
  }

  abort(txn: Transaction): void {
    this.end(txn)
  }

  private end(txn: Transaction): void {
    clearTimeout(txn.timer)
    this.open.delete(txn.id)
    for (const key of txn.locks) this.release(key)
    txn.locks.clear()
    this.store.pruneVersions()
  }

  private expire(txn: Transaction): void {
    txn.expired = true
    this.end(txn)
    // Keep the id known for a while so late calls get "expired", not "unknown".
    this.open.set(txn.id, txn)
    setTimeout(() => this.open.get(txn.id) === txn && this.open.delete(txn.id), this.ttlMs).unref()
    this.store.pruneVersions()
  }

  private async lock(txn: Transaction, key: string): Promise<void> {
    if (txn.locks.has(key)) return
    const holder = this.holders.get(key)
    if (!holder) {
      this.take(txn, key)
      return
    }
    if (this.wouldDeadlock(txn, holder)) return
    const granted = await new Promise<boolean>((resolve) => {
      const waiter: Waiter = { txn, grant: () => resolve(true) }
      let queue = this.queues.get(key)
      if (!queue) this.queues.set(key, (queue = []))
      queue.push(waiter)
      txn.waitingFor = key
      setTimeout(() => {
        const q = this.queues.get(key)
        const at = q?.indexOf(waiter) ?? -1
        if (at >= 0) {
          q!.splice(at, 1)
          resolve(false)
        }
      }, this.lockWaitMs).unref()
    })
    txn.waitingFor = undefined
    if (txn.expired) throw transactionExpired()
    if (granted && !txn.observed) txn.startSeq = this.store.seq
  }

  private take(txn: Transaction, key: string): void {
    this.holders.set(key, txn)
    txn.locks.add(key)
  }

  private release(key: string): void {
    this.holders.delete(key)
    const queue = this.queues.get(key)
    while (queue && queue.length > 0) {
      const next = queue.shift()!
      if (next.txn.expired || !this.open.has(next.txn.id)) continue
      this.take(next.txn, key)
      next.grant()
      break
    }
    if (queue && queue.length === 0) this.queues.delete(key)
  }

  private wouldDeadlock(txn: Transaction, holder: Transaction): boolean {
    const seen = new Set<Transaction>()
    let current: Transaction | undefined = holder
    while (current && !seen.has(current)) {
      if (current === txn) return true
      seen.add(current)
      current = current.waitingFor ? this.holders.get(current.waitingFor) : undefined
    }
    return false
  }
}
