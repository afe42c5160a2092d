import cloud from 'wx-server-sdk'
import type { Result } from '../../src/core/result'
import { retryOnConflict } from './retry-on-conflict'

// wx-server-sdk declares DYNAMIC_CURRENT_ENV as a symbol and every call as "result or void" (its
// callback style). This file is the one place that states the shapes the functions rely on.
// A missing document reads as `{ data: null }` instead of a rejection, so "not there" is never
// confused with a failure (a conflict, an expired transaction) that must not be swallowed.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: false } as any)

export interface QueryResult<T> {
  data: T[]
}

export interface Query<T> {
  where(condition: Record<string, unknown>): Query<T>
  orderBy(field: string, direction: 'asc' | 'desc'): Query<T>
  skip(offset: number): Query<T>
  limit(max: number): Query<T>
  field(projection: Record<string, boolean>): Query<T>
  get(): Promise<QueryResult<T>>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocumentRef<T> {
  /** `data` is null when there is no such document. */
  get(): Promise<{ data: T | null }>
  set(options: { data: Omit<T, '_id'> }): Promise<unknown>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

/** An aggregation pipeline; a leading `match` on an indexed field is served by the index. */
export interface Aggregate {
  match(condition: Record<string, unknown>): Aggregate
  group(spec: Record<string, unknown>): Aggregate
  sort(spec: Record<string, 1 | -1>): Aggregate
  skip(offset: number): Aggregate
  limit(max: number): Aggregate
  end(): Promise<{ list: Array<Record<string, any>> }>
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef<T>
  add(options: { data: Partial<T> }): Promise<{ _id: string }>
  /** Many documents in one request. */
  add(options: { data: Array<Partial<T>> }): Promise<{ _ids: string[] }>
  aggregate(): Aggregate
}

export interface Database {
  collection<T = Record<string, unknown>>(name: string): Collection<T>
  command: any
  serverDate(options?: { offset: number }): unknown
  runTransaction<R>(callback: (transaction: Transaction) => Promise<R>, retries?: number): Promise<R>
}

/**
 * What a transaction may do: documents by id, and inserts. The service also runs queries and
 * multi-document updates inside a transaction, but WeChat documents transactions as single-document
 * operations, and wx-server-sdk sends `where().update()` outside the transaction anyway — so the type
 * offers only what is certain to be transactional.
 */
export interface Transaction {
  collection<T = Record<string, unknown>>(name: string): {
    doc(id: string): DocumentRef<T>
    add(options: { data: Partial<T> }): Promise<{ _id: string }>
  }
}

/** The cloud database of the environment this function runs in. */
export const db = cloud.database() as unknown as Database
export const _ = db.command

/** Thrown inside a transaction to roll it back with an expected failure instead of a bug. */
class Abort extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? 'abort' : result.error.code)
  }
}

/**
 * Refuses a transaction's work from deep inside it (an order's effect finding the coupon it spends
 * already spent): everything rolls back and `inTransaction` returns `refusal` as its result.
 */
export function refuseTransaction(refusal: Result<never>): never {
  throw new Abort(refusal)
}

/**
 * Runs `work` in a database transaction: its writes commit together or not at all. A failed Result
 * rolls everything back and is returned as is. A write conflict with another transaction (which on
 * CloudBase fails the write itself, at once) runs `work` again on a fresh snapshot, after a pause.
 */
export function inTransaction<T>(work: (tx: Transaction) => Promise<Result<T>>): Promise<Result<T>> {
  return retryOnConflict(async () => {
    try {
      // The SDK's own retry covers only conflicts at commit, which the service does not raise.
      return await db.runTransaction(async (tx) => {
        const result = await work(tx)
        if (!result.ok) throw new Abort(result)
        return result
      }, 0)
    } catch (error) {
      if (error instanceof Abort) return error.result
      throw error
    }
  })
}
