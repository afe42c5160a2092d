import { randomBytes } from 'node:crypto'
import { decodeEjson, encodeEjson, resolveServerDates } from './ejson'
import {
  applyUpdate,
  aggregate,
  find,
  isOperatorUpdate,
  matcher,
  replaceDocument,
} from './engine'
import { duplicateKey, invalidParam } from './errors'
import { servingIndex } from './index-use'
import type { Doc, DocId } from './indexes'
import type { Change, Store } from './store'
import { Transaction, TransactionManager } from './transactions'

/** The body wx-server-sdk posts for a `database.*` action (fields vary by action). */
export interface DatabaseRequest {
  action: string
  collectionName?: string
  query?: string
  queryType?: 'DOC' | 'WHERE'
  data?: string | string[]
  order?: string
  offset?: number
  limit?: number
  projection?: string
  multi?: boolean
  merge?: boolean
  upsert?: boolean
  stages?: Array<{ stageKey: string; stageValue: string }>
  transactionId?: string
  _id?: string
}

export interface QueryTrace {
  /** How the local engine found the documents: an index name, `id`, or a scan. */
  plan?: string
  /** The query a read or a filtered write ran, and the declared index CloudBase would serve it by (none: a scan). */
  access?: { collection: string; query?: Record<string, unknown>; order?: Record<string, 1 | -1>; servedBy?: string }
  /** The documents a write left behind, once committed (a removed document is not among them). */
  written?: Array<{ collection: string; doc: Doc }>
}

const MAX_LIMIT = 1000
const DEFAULT_LIMIT = 100

export const newDocumentId = () => randomBytes(16).toString('hex')

/**
 * Answers every `database.*` action. Each handler returns the JSON body the SDK expects; expected
 * failures are thrown as DatabaseError and become `{ code, message }`.
 */
export class DatabaseService {
  readonly transactions: TransactionManager

  constructor(
    readonly store: Store,
    private readonly now: () => number = Date.now,
    options: { transactionTtlMs?: number; lockWaitMs?: number } = {},
  ) {
    this.transactions = new TransactionManager(store, options.transactionTtlMs, options.lockWaitMs)
  }

  /** `trace.plan` tells how a read found its documents (an index name, or a collection scan). */
  async handle(request: DatabaseRequest, trace: QueryTrace = {}): Promise<unknown> {
    const handler = this.handlers[request.action.replace(/^database\./, '')]
    if (!handler) throw invalidParam(`unknown action ${request.action}`)
    return handler(request, trace)
  }

  private readonly handlers: Record<string, (r: DatabaseRequest, trace: QueryTrace) => Promise<unknown>> = {
    addCollection: async (r) => {
      await this.store.createCollection(requireCollection(r))
      return {}
    },

    insertDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const docs = (Array.isArray(r.data) ? r.data : [r.data ?? '{}']).map((text) => this.decodeData(text))
      const changes: Change[] = docs.map((doc) => {
        const id = doc._id === undefined ? newDocumentId() : documentId(doc._id)
        return { collection, id, doc: { ...doc, _id: id } }
      })
      if (new Set(changes.map((c) => `${typeof c.id}:${c.id}`)).size !== changes.length) throw duplicateKey(collection, '_id_', 'batch')
      return this.apply(r, trace, () => {
        for (const change of changes) {
          if (this.readById(r, collection, change.id)) throw duplicateKey(collection, '_id_', String(change.id))
        }
        return { changes, answer: { data: { insertedIds: changes.map((c) => c.id) } } }
      })
    },

    getDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const limit = r.limit ?? DEFAULT_LIMIT
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
        throw invalidParam(`limit must be an integer between 0 and ${MAX_LIMIT}`)
      }
      const read = this.readSet(r, collection, trace)
      const list = find(read.docs, read.exact ? undefined : this.query(r), {
        order: r.order ? decodeEjson(r.order) : undefined,
        ordered: read.ordered,
        offset: r.offset,
        limit,
        projection: r.projection ? decodeEjson(r.projection) : undefined,
      })
      return { data: { list: list.map(encodeEjson), limit, offset: r.offset ?? 0 } }
    },

    calculateDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const test = matcher(this.query(r))
      let total = 0
      for (const doc of this.readSet(r, collection, trace).docs) if (test(doc)) total++
      return { data: { total } }
    },

    modifyDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const data = this.decodeData(r.data)
      const replace = r.merge === false
      if (!replace && !isOperatorUpdate(data)) throw invalidParam('update data must use update operators')
      return this.apply(r, trace, () => {
        const changes: Change[] = this.targets(r, collection, trace).map((doc) => ({
          collection,
          id: doc._id,
          doc: replace ? replaceDocument(doc._id, data) : applyUpdate(doc, data, this.query(r)),
        }))
        if (changes.length > 0 || !r.upsert) return { changes, answer: { data: { updated: changes.length } } }
        const query = this.query(r) ?? {}
        const id = isDocumentId(query._id) ? query._id : newDocumentId()
        const doc = replace ? replaceDocument(id, data) : applyUpdate({ _id: id }, data)
        return { changes: [{ collection, id, doc }], answer: { data: { updated: 0, upsert_id: id } } }
      })
    },

    modifyAndReturnDoc: async (r, trace) => {
      const collection = requireCollection(r)
      const data = this.decodeData(r.data)
      if (!isOperatorUpdate(data)) throw invalidParam('update data must use update operators')
      return this.apply(r, trace, () => {
        const [target] = this.targets({ ...r, multi: false }, collection, trace)
        if (!target) return { changes: [], answer: { data: { updated: 0, doc: null } } }
        const doc = applyUpdate(target, data, this.query(r))
        return { changes: [{ collection, id: target._id, doc }], answer: { data: { updated: 1, doc: encodeEjson(doc) } } }
      })
    },

    removeDocument: async (r, trace) => {
      const collection = requireCollection(r)
      return this.apply(r, trace, () => {
        const targets = this.targets(r, collection, trace)
        return { changes: targets.map((doc) => ({ collection, id: doc._id, doc: null })), answer: { data: { deleted: targets.length } } }
      })
    },

    aggregateDocuments: async (r, trace) => {
      const collection = requireCollection(r)
      const stages = (r.stages ?? []).map(({ stageKey, stageValue }) => ({
        [stageKey]: resolveServerDates(decodeEjson(stageValue), this.now()),
      }))
      // A leading $match is answered like a query (through an index when it can), so the pipeline
      // starts from the matching documents only.
      const leadingMatch = stages[0]?.$match as Record<string, any> | undefined
      this.traceAccess(trace, collection, leadingMatch, stages[leadingMatch ? 1 : 0]?.$sort as Record<string, 1 | -1> | undefined)
      const { docs, describe, exact } = this.store.candidates(collection, leadingMatch)
      trace.plan = describe
      const source = exact ? [...docs] : [...docs].filter(matcher(leadingMatch))
      const resolve = (name: string) => [...this.store.scan(name)]
      const list = aggregate(source, leadingMatch ? stages.slice(1) : stages, resolve)
      return { data: { list: list.map(encodeEjson) } }
    },

    startTransaction: async () => ({ transactionId: this.transactions.start().id }),

    commitTransaction: async (r, trace) => {
      const txn = this.transactions.get(requireField(r, 'transactionId'))
      await this.transactions.commit(txn)
      trace.written = writtenBy([...txn.writes.values()])
      return {}
    },

    abortTransaction: async (r) => {
      this.transactions.abort(this.transactions.get(requireField(r, 'transactionId')))
      return {}
    },

    // The older transaction API of @cloudbase/database (transaction.js) addresses documents by `_id`
    // and answers with EJSON strings at the top level.
    getInTransaction: async (r) => {
      const txn = this.transactions.get(requireField(r, 'transactionId'))
      const doc = this.transactions.read(txn, requireCollection(r), requireField(r, '_id'))
      return { data: encodeEjson(doc ?? null) }
    },

    updateDocInTransaction: async (r) => {
      const txn = this.transactions.get(requireField(r, 'transactionId'))
      const collection = requireCollection(r)
      const id = requireField(r, '_id')
      const data = this.decodeData(r.data)
      const current = this.transactions.read(txn, collection, id)
      if (!current && !r.upsert) return { updated: encodeEjson(0), upserted: null }
      const doc = isOperatorUpdate(data) ? applyUpdate(current ?? { _id: id }, data) : replaceDocument(id, data)
      this.transactions.write(txn, { collection, id, doc })
      return current
        ? { updated: encodeEjson(1), upserted: null }
        : { updated: encodeEjson(0), upserted: JSON.stringify([{ _id: id }]) }
    },

    deleteDocInTransaction: async (r) => {
      const txn = this.transactions.get(requireField(r, 'transactionId'))
      const collection = requireCollection(r)
      const id = requireField(r, '_id')
      const current = this.transactions.read(txn, collection, id)
      if (current) this.transactions.write(txn, { collection, id, doc: null })
      return { deleted: encodeEjson(current ? 1 : 0) }
    },
  }

  private txn(r: DatabaseRequest): Transaction | undefined {
    return r.transactionId ? this.transactions.get(r.transactionId) : undefined
  }

  private query(r: DatabaseRequest): Record<string, any> | undefined {
    return r.query ? decodeEjson(r.query) : undefined
  }

  private decodeData(text: unknown): Record<string, any> {
    if (typeof text !== 'string') throw invalidParam('data must be an EJSON string')
    const data = resolveServerDates(decodeEjson(text), this.now())
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalidParam('data must be an object')
    return data
  }

  /** The documents a read looks at: the transaction's snapshot, or the latest state narrowed by an index. */
  /** `exact`: the documents are the query's matches, already filtered. */
  private readSet(r: DatabaseRequest, collection: string, trace: QueryTrace = {}): { docs: Iterable<Doc>; ordered: boolean; exact: boolean } {
    const query = this.query(r)
    const order = r.order ? decodeEjson(r.order) : undefined
    this.traceAccess(trace, collection, query, order)
    if (isDocumentId(query?._id)) {
      trace.plan = 'id'
      const doc = this.readById(r, collection, query._id)
      return { docs: doc ? [doc] : [], ordered: false, exact: false }
    }
    const txn = this.txn(r)
    if (txn) {
      trace.plan = 'snapshot scan'
      return { docs: this.transactions.snapshot(txn, collection), ordered: false, exact: false }
    }
    const { docs, describe, ordered, exact } = this.store.candidates(collection, query, order)
    trace.plan = describe
    return { docs, ordered, exact }
  }

  private traceAccess(trace: QueryTrace, collection: string, query?: Record<string, any>, order?: Record<string, 1 | -1>): void {
    const indexes = this.store.hasCollection(collection) ? this.store.collection(collection).indexes.map((i) => i.spec) : []
    trace.access = { collection, query, order, servedBy: servingIndex(query, order, indexes) }
  }

  private readById(r: DatabaseRequest, collection: string, id: DocId): Doc | undefined {
    const txn = this.txn(r)
    return txn ? this.transactions.read(txn, collection, id) : this.store.get(collection, id)
  }

  /** The documents a write applies to (one for a DOC request or `multi: false`). */
  private targets(r: DatabaseRequest, collection: string, trace?: QueryTrace): Doc[] {
    const test = matcher(this.query(r))
    const hits: Doc[] = []
    for (const doc of this.readSet(r, collection, trace).docs) {
      if (!test(doc)) continue
      hits.push(doc)
      if (r.multi === false || r.queryType === 'DOC') break
    }
    return hits
  }

  /**
   * Carries out a write that `plan` works out from the state it reads. In a transaction, each change
   * goes through its checks (and may conflict at once). Outside one, the plan is read and committed in
   * one synchronous step, so nothing can come between; when a document it would change is locked by
   * an open transaction, the write waits for the lock to go and plans again.
   */
  private async apply(r: DatabaseRequest, trace: QueryTrace, plan: () => { changes: Change[]; answer: unknown }): Promise<unknown> {
    const txn = this.txn(r)
    if (txn) {
      const { changes, answer } = plan()
      for (const change of changes) this.transactions.write(txn, change)
      return answer
    }
    const deadline = Date.now() + this.transactions.lockWaitMs
    for (;;) {
      const { changes, answer } = plan()
      const locked = changes.filter((c) => this.transactions.isLocked(c.collection, c.id))
      if (locked.length === 0) {
        if (changes.length > 0) await this.store.commit(changes)
        trace.written = writtenBy(changes)
        return answer
      }
      await this.transactions.waitForUnlock(locked, deadline)
    }
  }
}

const writtenBy = (changes: Change[]) => changes.flatMap(({ collection, doc }) => (doc ? [{ collection, doc }] : []))

/** A caller's `_id` keeps its type: a number stays a number, as on the service. */
function documentId(value: unknown): DocId {
  return typeof value === 'number' ? value : String(value)
}

function isDocumentId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
}

function requireCollection(r: DatabaseRequest): string {
  return requireField(r, 'collectionName')
}

function requireField(r: DatabaseRequest, field: keyof DatabaseRequest): string {
  const value = r[field]
  if (typeof value !== 'string' || value.length === 0) throw invalidParam(`${field} is required`)
  return value
}
