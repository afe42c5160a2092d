import BTree from 'sorted-btree'
import { duplicateKey } from './errors'

export interface IndexSpec {
  name: string
  /** Field paths in order, each 1 (ascending) or -1 (descending), as in the cloud console. */
  fields: Record<string, 1 | -1>
  unique?: boolean
  /** A sparse unique index ignores documents where every indexed field is missing. */
  sparse?: boolean
}

/** A document id: a string, or a number when the caller chose one (`doc(5)` finds it). */
export type DocId = string | number

export type Doc = Record<string, any> & { _id: DocId }

/** Reads a dotted path the way MongoDB does for index keys (no array traversal beyond the first hit). */
export function getPath(doc: any, path: string): unknown {
  let value = doc
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return undefined
    value = value[part]
  }
  return value
}

/** Index key of a value; Dates serialise to their ISO text, missing values count as null as in MongoDB. */
export function keyOf(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value)
}

/** Below or above every value in an index's order, whichever way a field is sorted: the open ends of a range. */
export const BOTTOM = Symbol('bottom')
export const TOP = Symbol('top')
export type KeyPart = unknown

/** MongoDB's order of BSON types when values of different types are compared. */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1
  if (typeof value === 'number') return 2
  if (typeof value === 'string') return 3
  if (value instanceof Date) return 9
  if (typeof value === 'boolean') return 8
  if (value instanceof RegExp) return 11
  if (Array.isArray(value)) return 5
  return 4
}

/** Orders two values as MongoDB does: by type first, then by value within the type. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b)
  if (rank !== 0) return rank
  if (a === null || a === undefined) return 0
  if (a instanceof Date) return a.getTime() - (b as Date).getTime()
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') {
    const x = a as number
    const y = b as number
    return x < y ? -1 : x > y ? 1 : 0
  }
  // Documents and arrays only ever need equality here (no range is planned on them).
  const x = keyOf(a)
  const y = keyOf(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** A multikey index reaches an array by the whole array and by each of its elements, as in MongoDB. */
function keyValues(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value === undefined ? null : value]
  const seen = new Map<string, unknown>([[keyOf(value), value]])
  for (const element of value) seen.set(keyOf(element), element)
  return [...seen.values()]
}

/**
 * One declared index: its entries (the indexed values, then the document's insertion ordinal) in the
 * index's order in a B+ tree, so the planner can seek an equality prefix, a range on the next field,
 * or walk the entries in sort order; and for unique indexes a map from the whole key to the id.
 * Documents with equal values come in the order they were inserted, as MongoDB's record ids give them.
 */
export class Index {
  readonly fields: string[]
  private readonly directions: Array<1 | -1>
  private readonly entries: BTree<KeyPart[], DocId>
  private readonly byWholeKey = new Map<string, DocId>()
  /** Documents that reach this index through an array value; their order is not a sort's order. */
  private multikeyDocs = 0

  constructor(
    readonly collection: string,
    readonly spec: IndexSpec,
    /** The collection's insertion ordinal of a document. */
    private readonly ordinalOf: (id: DocId) => number,
  ) {
    this.fields = Object.keys(spec.fields)
    this.directions = this.fields.map((f) => spec.fields[f])
    this.entries = new BTree<KeyPart[], DocId>(undefined, (a, b) => this.compareKeys(a, b))
  }

  get multikey(): boolean {
    return this.multikeyDocs > 0
  }

  /** 1 when the index lists `field` ascending, -1 descending. */
  direction(position: number): 1 | -1 {
    return this.directions[position]
  }

  private compareKeys(a: KeyPart[], b: KeyPart[]): number {
    for (let i = 0; i <= this.fields.length; i++) {
      const x = a[i]
      const y = b[i]
      if (x === y) continue
      if (x === BOTTOM || y === TOP) return -1
      if (x === TOP || y === BOTTOM) return 1
      const c = i < this.fields.length ? compareValues(x, y) * this.directions[i] : (x as number) - (y as number)
      if (c !== 0) return c
    }
    return 0
  }

  private keysOf(doc: Doc): KeyPart[][] {
    let keys: KeyPart[][] = [[]]
    for (const field of this.fields) {
      const values = keyValues(getPath(doc, field))
      keys = values.length === 1 ? keys.map((k) => [...k, values[0]]) : keys.flatMap((k) => values.map((v) => [...k, v]))
    }
    const ordinal = this.ordinalOf(doc._id)
    return keys.map((k) => [...k, ordinal])
  }

  private isMultikey(doc: Doc): boolean {
    return this.fields.some((f) => Array.isArray(getPath(doc, f)))
  }

  /** The document's key in a unique index; undefined when a sparse index leaves it out. */
  keyFor(doc: Doc): string | undefined {
    const values = this.fields.map((f) => getPath(doc, f))
    if (this.spec.sparse && values.every((v) => v === undefined)) return undefined
    return keyOf(values)
  }

  add(doc: Doc): void {
    for (const key of this.keysOf(doc)) this.entries.set(key, doc._id)
    if (this.isMultikey(doc)) this.multikeyDocs++
    if (this.spec.unique) {
      const key = this.keyFor(doc)
      if (key !== undefined) this.byWholeKey.set(key, doc._id)
    }
  }

  remove(doc: Doc): void {
    for (const key of this.keysOf(doc)) this.entries.delete(key)
    if (this.isMultikey(doc)) this.multikeyDocs--
    if (this.spec.unique) {
      const key = this.keyFor(doc)
      if (key !== undefined && this.byWholeKey.get(key) === doc._id) this.byWholeKey.delete(key)
    }
  }

  /**
   * Ids of the entries from `low` to `high` (both included, each a key prefix padded with BOTTOM or
   * TOP), in the index's order or, with `reverse`, the opposite one; either way, documents with equal
   * values in insertion order (as a stable sort leaves them).
   */
  *range(low: KeyPart[], high: KeyPart[], reverse = false): Generator<DocId> {
    const pad = (key: KeyPart[], end: symbol) => [...key, ...Array(this.fields.length + 1 - key.length).fill(end)]
    const from = pad(low, BOTTOM)
    const to = pad(high, TOP)
    if (!reverse) {
      for (const [key, id] of this.entries.entries(from)) {
        if (this.compareKeys(key, to) > 0) return
        yield id
      }
      return
    }
    const sameValues = (a: KeyPart[], b: KeyPart[]) => this.fields.every((_, i) => compareValues(a[i], b[i]) === 0)
    let group: DocId[] = []
    let groupKey: KeyPart[] | undefined
    for (const [key, id] of this.entries.entriesReversed(to)) {
      if (this.compareKeys(key, from) < 0) break
      if (groupKey && !sameValues(key, groupKey)) {
        yield* group.reverse()
        group = []
      }
      groupKey = key
      group.push(id)
    }
    yield* group.reverse()
  }

  /** The committed document that holds this unique key, if any. */
  holderOf(key: string): DocId | undefined {
    return this.byWholeKey.get(key)
  }

  /**
   * Throws a duplicate-key error if writing `docs` (and dropping the ids in `leaving`) would give two
   * documents the same key.
   */
  checkUnique(docs: Doc[], leaving: Set<DocId>): void {
    if (!this.spec.unique) return
    const claimed = new Map<string, DocId>()
    for (const doc of docs) {
      const key = this.keyFor(doc)
      if (key === undefined) continue
      const holder = this.byWholeKey.get(key)
      const other = claimed.get(key)
      if ((holder !== undefined && holder !== doc._id && !leaving.has(holder)) || (other && other !== doc._id)) {
        throw duplicateKey(this.collection, this.spec.name, key)
      }
      claimed.set(key, doc._id)
    }
  }
}
