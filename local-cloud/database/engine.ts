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

/**
 * Returns the updated copy of `doc`; the stored document is never modified in place. `query` is the
 * filter that selected the document, which the positional operator (`'lines.$.quantity'`) refers to.
 */
export function applyUpdate(doc: Doc, expression: AnyObject, query?: AnyObject): Doc {
  const next = structuredClone(doc)
  for (const [operator, rawFields] of Object.entries(expression)) {
    const fields = rawFields && typeof rawFields === 'object' ? resolvePositional(rawFields, doc, query) : rawFields
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

/**
 * mingo supports `$[]` and `$[name]` but not the bare positional `$`: as MongoDB does, replace it with
 * the index of the first array element that the query's conditions on that array match.
 */
function resolvePositional(fields: AnyObject, doc: Doc, query: AnyObject | undefined): AnyObject {
  if (!Object.keys(fields).some((path) => /(^|\.)\$(\.|$)/.test(path))) return fields
  const resolved: AnyObject = {}
  for (const [path, value] of Object.entries(fields)) {
    const at = path.split('.').indexOf('$')
    if (at < 0) {
      resolved[path] = value
      continue
    }
    const arrayPath = path.split('.').slice(0, at).join('.')
    const array = readPath(doc, arrayPath)
    const matches = elementMatcher(query ?? {}, arrayPath)
    const index = Array.isArray(array) && matches ? array.findIndex(matches) : -1
    if (index < 0) throw updateFailed('The positional operator did not find the match needed from the query.')
    resolved[path.split('.').map((part, i) => (i === at ? String(index) : part)).join('.')] = value
  }
  return resolved
}

/** A test for the elements of the array at `arrayPath`, from the query's conditions on them. */
function elementMatcher(query: AnyObject, arrayPath: string): ((element: unknown) => boolean) | undefined {
  const conditions: AnyObject[] = []
  const collect = (q: AnyObject) => {
    for (const [key, condition] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(condition)) condition.forEach(collect)
      else if (key === arrayPath && condition && typeof condition === 'object' && '$elemMatch' in condition) {
        conditions.push({ v: { $elemMatch: condition.$elemMatch } })
      } else if (key === arrayPath) conditions.push({ v: { $elemMatch: { $eq: condition } } })
      else if (key.startsWith(`${arrayPath}.`)) conditions.push({ v: { $elemMatch: { [key.slice(arrayPath.length + 1)]: condition } } })
    }
  }
  collect(query)
  if (conditions.length === 0) return undefined
  // Each element is wrapped in a one-element array so $elemMatch judges it alone.
  const test = matcher({ $and: conditions })
  return (element) => test({ _id: '', v: [element] })
}

/** The whole-document replacement of `doc().set()`: the new content, keeping the id. */
export function replaceDocument(id: Doc['_id'], data: AnyObject): Doc {
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
