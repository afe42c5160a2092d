import cloud from 'wx-server-sdk'

// wx-server-sdk declares DYNAMIC_CURRENT_ENV as a symbol and every call as "result or void" (its
// callback style). This file is the one place that states the shapes the functions rely on.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

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
  get(): Promise<{ data: T }>
  set(options: { data: Omit<T, '_id'> }): Promise<unknown>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocumentRef<T>
  add(options: { data: Partial<T> }): Promise<{ _id: string }>
}

export interface Database {
  collection<T = Record<string, unknown>>(name: string): Collection<T>
  command: any
  serverDate(options?: { offset: number }): unknown
  runTransaction<R>(callback: (transaction: Database) => Promise<R>, retries?: number): Promise<R>
}

/** The cloud database of the environment this function runs in. */
export const db = cloud.database() as unknown as Database
export const _ = db.command

/** The SDK returns at most 1000 documents a call; pages never ask for more than this. */
export const MAX_PAGE_SIZE = 100
