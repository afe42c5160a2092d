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

function scalarKeys(value: unknown): string[] {
  // A multikey index: an array value is reachable by each of its elements, as in MongoDB.
  if (Array.isArray(value)) return [keyOf(value), ...value.map(keyOf)]
  return [keyOf(value)]
}

/**
 * One declared index. It keeps a map from the first field's value to document ids, which the query
 * planner uses for equality lookups, and for unique indexes a map from the whole key to the id.
 */
export class Index {
  private readonly fields: string[]
  private readonly byFirstField = new Map<string, Set<DocId>>()
  private readonly byWholeKey = new Map<string, DocId>()

  constructor(
    readonly collection: string,
    readonly spec: IndexSpec,
  ) {
    this.fields = Object.keys(spec.fields)
  }

  get firstField(): string {
    return this.fields[0]
  }

  /** The document's key in a unique index; undefined when a sparse index leaves it out. */
  keyFor(doc: Doc): string | undefined {
    const values = this.fields.map((f) => getPath(doc, f))
    if (this.spec.sparse && values.every((v) => v === undefined)) return undefined
    return keyOf(values)
  }

  add(doc: Doc): void {
    for (const key of scalarKeys(getPath(doc, this.firstField))) {
      let ids = this.byFirstField.get(key)
      if (!ids) this.byFirstField.set(key, (ids = new Set()))
      ids.add(doc._id)
    }
    if (this.spec.unique) {
      const key = this.keyFor(doc)
      if (key !== undefined) this.byWholeKey.set(key, doc._id)
    }
  }

  remove(doc: Doc): void {
    for (const key of scalarKeys(getPath(doc, this.firstField))) {
      const ids = this.byFirstField.get(key)
      ids?.delete(doc._id)
      if (ids && ids.size === 0) this.byFirstField.delete(key)
    }
    if (this.spec.unique) {
      const key = this.keyFor(doc)
      if (key !== undefined && this.byWholeKey.get(key) === doc._id) this.byWholeKey.delete(key)
    }
  }

  /** Ids whose first indexed field equals `value` (or contains it, for arrays). */
  lookup(value: unknown): Set<DocId> {
    return this.byFirstField.get(scalarKeys(value)[0]) ?? new Set()
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
