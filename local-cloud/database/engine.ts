import 'mingo/init/system'
import { Aggregator, Context, Query, update as mingoUpdate } from 'mingo'
type AnyObject = Record<string, any>
import { invalidParam, updateFailed } from './errors'
import type { Doc } from './indexes'

/**
 * MongoDB semantics for queries, updates and aggregation, delegated to mingo. This file only adapts
 * the service's inputs to mingo and fixes where mingo and MongoDB disagree.
 */

/**
 * MongoDB's `$elemMatch` with field conditions (`{ k: 1 }`) only matches elements that are
 * documents; mingo also lets plain values through. Operator conditions (`{ $gt: 2 }`) apply to any element.
 */
const fixes = Context.init().addQueryOps({
  $elemMatch: (selector: string, value: AnyObject, options: any) => {
    const fieldConditions = Object.keys(value).some((k) => !k.startsWith('$'))
    const inner = new Query(fieldConditions ? value : { v: value }, options)
    return (doc: AnyObject) => {
      const array = readPath(doc, selector)
      if (!Array.isArray(array)) return false
      return array.some((element) =>
        fieldConditions
          ? element !== null && typeof element === 'object' && !Array.isArray(element) && inner.test(element)
          : inner.test({ v: element }),
      )
    }
  },
} as any).addPipelineOps({
  // mingo samples with replacement and always returns `size` documents (`null`s from an empty
  // collection); MongoDB returns distinct documents, at most as many as there are.
  $sample: (collection: any, expr: { size: number }) =>
    collection.transform((docs: AnyObject[]) => {
      const pool = [...docs]
      const size = Math.min(expr.size, pool.length)
      for (let i = 0; i < size; i++) {
        const j = i + Math.floor(Math.random() * (pool.length - i))
        const picked = pool[j]
        pool[j] = pool[i]
        pool[i] = picked
      }
      return pool.slice(0, size)
    }),
} as any)

function readPath(doc: any, path: string): unknown {
  let value = doc
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return undefined
    value = Array.isArray(value) && !/^\d+$/.test(part) ? value.flatMap((v) => v?.[part] ?? []) : value[part]
  }
  return value
}

const options = { idKey: '_id', useStrictMode: true, scriptEnabled: false, context: fixes, useGlobalContext: true }

export function matcher(query: AnyObject | undefined): (doc: Doc) => boolean {
  if (!query || Object.keys(query).length === 0) return () => true
  const compiled = new Query(query, options)
  return (doc) => compiled.test(doc)
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: AnyObject
}

/** Filter, then sort, skip, limit, and project, in MongoDB's order. */
export function find(docs: Iterable<Doc>, query: AnyObject | undefined, find: FindOptions): AnyObject[] {
  const test = matcher(query)
  let hits: Doc[] = []
  for (const doc of docs) if (test(doc)) hits.push(doc)
  const pipeline: AnyObject[] = []
  if (find.order && Object.keys(find.order).length > 0) pipeline.push({ $sort: find.order })
  if (find.offset) pipeline.push({ $skip: find.offset })
  if (find.limit !== undefined) pipeline.push({ $limit: find.limit })
  if (pipeline.length > 0) hits = new Aggregator(pipeline, options).run(hits) as Doc[]
  if (!find.projection || Object.keys(find.projection).length === 0) return hits
  // mingo removes excluded nested fields ('a.b': 0) from the documents it is given, which are the
  // stored ones: it projects copies.
  const copies = hits.map((doc) => structuredClone(doc))
  return new Query({}, options).find(copies, find.projection).all() as AnyObject[]
}

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$push', '$pop', '$pull', '$pullAll', '$addToSet', '$min', '$max',
  '$rename', '$currentDate', '$bit',
])

const ARRAY_REMOVALS = new Set(['$pull', '$pullAll', '$pop'])

export function isOperatorUpdate(data: AnyObject): boolean {
  const keys = Object.keys(data)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

/** Returns the updated copy of `doc`; the stored document is never modified in place. */
export function applyUpdate(doc: Doc, expression: AnyObject): Doc {
  const next = structuredClone(doc)
  for (const [operator, fields] of Object.entries(expression)) {
    if (!UPDATE_OPERATORS.has(operator)) throw invalidParam(`unknown update operator ${operator}`)
    if (fields && typeof fields === 'object' && ('_id' in fields || Object.keys(fields).some((f) => f.startsWith('_id.')))) {
      throw invalidParam('不能更新_id的值')
    }
    // MongoDB leaves a missing array alone for these operators; mingo throws on it.
    const applied = ARRAY_REMOVALS.has(operator)
      ? Object.fromEntries(Object.entries(fields).filter(([path]) => readPath(next, path) !== undefined))
      : fields
    try {
      mingoUpdate(next, { [operator]: applied } as any, undefined, undefined, { cloneMode: 'deep' })
    } catch (error) {
      // An update MongoDB refuses (such as $inc on a string) is the caller's error, not an internal one.
      throw updateFailed(`${operator}: ${(error as Error).message}`)
    }
  }
  next._id = doc._id
  return next
}

/** The whole-document replacement of `doc().set()`: the new content, keeping the id. */
export function replaceDocument(id: string, data: AnyObject): Doc {
  const { _id: _ignored, ...rest } = data
  return { _id: id, ...structuredClone(rest) }
}

export function aggregate(docs: Doc[], stages: AnyObject[], resolve: (name: string) => Doc[]): AnyObject[] {
  // mingo's stages ($unwind, $addFields, ...) modify their input documents in place, and these are
  // the stored documents (of the looked-up collections too): the pipeline works on copies.
  const copies = (list: Doc[]) => list.map((doc) => structuredClone(doc))
  return new Aggregator(stages, { ...options, collectionResolver: (name: string) => copies(resolve(name)) }).run(
    copies(docs),
  ) as AnyObject[]
}
