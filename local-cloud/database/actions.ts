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
import type { Doc } from './indexes'
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
  plan?: string
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

    insertDocument: async (r) => {
      const collection = requireCollection(r)
      const docs = (Array.isArray(r.data) ? r.data : [r.data ?? '{}']).map((text) => this.decodeData(text))
      const changes: Change[] = docs.map((doc) => {
        const id = doc._id === undefined ? newDocumentId() : String(doc._id)
        return { collection, id, doc: { ...doc, _id: id } }
      })
      const txn = this.txn(r)
      if (txn) {
        for (const change of changes) {
          if (await this.transactions.read(txn, collection, change.id)) throw duplicateKey(collection, '_id_', change.id)
          await this.transactions.write(txn, change)
        }
      } else {
        this.store.collection(collection)
        for (const change of changes) {
          if (this.store.get(collection, change.id)) throw duplicateKey(collection, '_id_', change.id)
        }
        if (new Set(changes.map((c) => c.id)).size !== changes.length) throw duplicateKey(collection, '_id_', 'batch')
        await this.store.commit(changes)
      }
      return { data: { insertedIds: changes.map((c) => c.id) } }
    },

    getDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const limit = r.limit ?? DEFAULT_LIMIT
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
        throw invalidParam(`limit must be an integer between 0 and ${MAX_LIMIT}`)
      }
      const list = find(await this.readSet(r, collection, trace), this.query(r), {
        order: r.order ? decodeEjson(r.order) : undefined,
        offset: r.offset,
        limit,
        projection: r.projection ? decodeEjson(r.projection) : undefined,
      })
      const txn = this.txn(r)
      if (txn) this.transactions.observe(txn, collection, list.map((doc) => String(doc._id)))
      return { data: { list: list.map(encodeEjson), limit, offset: r.offset ?? 0 } }
    },

    calculateDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const test = matcher(this.query(r))
      let total = 0
      for (const doc of await this.readSet(r, collection, trace)) if (test(doc)) total++
      return { data: { total } }
    },

    modifyDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const data = this.decodeData(r.data)
      const targets = await this.targets(r, collection, trace)
      const replace = r.merge === false
      if (!replace && !isOperatorUpdate(data)) throw invalidParam('update data must use update operators')
      const changes = targets.map((doc) => ({
        collection,
        id: doc._id,
        doc: replace ? replaceDocument(doc._id, data) : applyUpdate(doc, data, this.query(r)),
      }))
      let upsertId: string | undefined
      if (changes.length === 0 && r.upsert) {
        const query = this.query(r) ?? {}
        upsertId = typeof query._id === 'string' ? query._id : newDocumentId()
        changes.push({
          collection,
          id: upsertId,
          doc: replace ? replaceDocument(upsertId, data) : applyUpdate({ _id: upsertId }, data),
        })
      }
      await this.write(r, changes)
      return upsertId ? { data: { updated: 0, upsert_id: upsertId } } : { data: { updated: changes.length } }
    },

    modifyAndReturnDoc: async (r) => {
      const collection = requireCollection(r)
      const data = this.decodeData(r.data)
      if (!isOperatorUpdate(data)) throw invalidParam('update data must use update operators')
      const [target] = await this.targets({ ...r, multi: false }, collection)
      if (!target) return { data: { updated: 0, doc: null } }
      const doc = applyUpdate(target, data, this.query(r))
      await this.write(r, [{ collection, id: target._id, doc }])
      return { data: { updated: 1, doc: encodeEjson(doc) } }
    },

    removeDocument: async (r, trace) => {
      const collection = requireCollection(r)
      const targets = await this.targets(r, collection, trace)
      await this.write(
        r,
        targets.map((doc) => ({ collection, id: doc._id, doc: null })),
      )
      return { data: { deleted: targets.length } }
    },

    aggregateDocuments: async (r, trace) => {
      const collection = requireCollection(r)
      const stages = (r.stages ?? []).map(({ stageKey, stageValue }) => ({
        [stageKey]: resolveServerDates(decodeEjson(stageValue), this.now()),
      }))
      // A leading $match is answered like a query (through an index when it can), so the pipeline
      // starts from the matching documents only.
      const leadingMatch = stages[0]?.$match as Record<string, any> | undefined
      const { docs, index } = this.store.candidates(collection, leadingMatch)
      trace.plan = index ? `index ${index}` : 'collection scan'
      const test = matcher(leadingMatch)
      const source = [...docs].filter(test)
      const resolve = (name: string) => [...this.store.scan(name)]
      const list = aggregate(source, leadingMatch ? stages.slice(1) : stages, resolve)
      return { data: { list: list.map(encodeEjson) } }
    },

    startTransaction: async () => ({ transactionId: this.transactions.start().id }),

    commitTransaction: async (r) => {
      await this.transactions.commit(this.transactions.get(requireField(r, 'transactionId')))
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
      const doc = await this.transactions.read(txn, requireCollection(r), requireField(r, '_id'))
      return { data: encodeEjson(doc ?? null) }
    },

    updateDocInTransaction: async (r) => {
      const txn = this.transactions.get(requireField(r, 'transactionId'))
      const collection = requireCollection(r)
      const id = requireField(r, '_id')
      const data = this.decodeData(r.data)
      const current = await this.transactions.read(txn, collection, id)
      if (!current && !r.upsert) return { updated: encodeEjson(0), upserted: null }
      const doc = isOperatorUpdate(data) ? applyUpdate(current ?? { _id: id }, data) : replaceDocument(id, data)
      await this.transactions.write(txn, { collection, id, doc })
      return current
        ? { updated: encodeEjson(1), upserted: null }
        : { updated: encodeEjson(0), upserted: JSON.stringify([{ _id: id }]) }
    },

    deleteDocInTransaction: async (r) => {
      const txn = this.transactions.get(requireField(r, 'transactionId'))
      const collection = requireCollection(r)
      const id = requireField(r, '_id')
      const current = await this.transactions.read(txn, collection, id)
      if (current) await this.transactions.write(txn, { collection, id, doc: null })
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
  private async readSet(r: DatabaseRequest, collection: string, trace: QueryTrace = {}): Promise<Iterable<Doc>> {
    const txn = this.txn(r)
    const query = this.query(r)
    if (txn) {
      if (r.queryType === 'DOC' && typeof query?._id === 'string') {
        trace.plan = 'id'
        const doc = await this.transactions.read(txn, collection, query._id)
        return doc ? [doc] : []
      }
      trace.plan = 'snapshot scan'
      return this.transactions.snapshot(txn, collection)
    }
    if (typeof query?._id === 'string') {
      trace.plan = 'id'
      const doc = this.store.get(collection, query._id)
      return doc ? [doc] : []
    }
    const { docs, index } = this.store.candidates(collection, query)
    trace.plan = index ? `index ${index}` : 'collection scan'
    return docs
  }

  /** The documents a write applies to (one for a DOC request or `multi: false`). */
  private async targets(r: DatabaseRequest, collection: string, trace?: QueryTrace): Promise<Doc[]> {
    const test = matcher(this.query(r))
    const hits: Doc[] = []
    for (const doc of await this.readSet(r, collection, trace)) {
      if (!test(doc)) continue
      hits.push(doc)
      if (r.multi === false || r.queryType === 'DOC') break
    }
    return hits
  }

  private async write(r: DatabaseRequest, changes: Change[]): Promise<void> {
    const txn = this.txn(r)
    if (!txn) {
      if (changes.length > 0) await this.store.commit(changes)
      return
    }
    for (const change of changes) await this.transactions.write(txn, change)
  }
}

function requireCollection(r: DatabaseRequest): string {
  return requireField(r, 'collectionName')
}

function requireField(r: DatabaseRequest, field: keyof DatabaseRequest): string {
  const value = r[field]
  if (typeof value !== 'string' || value.length === 0) throw invalidParam(`${field} is required`)
  return value
}
