import 'mingo/init/system'
import { Aggregator, Context, Query, update as mingoUpdate } from 'mingo'
type AnyObject = Record<string, any>
import { DatabaseError, invalidParam, queryFailed, unknownOperator, updateFailed } from './errors'
import { expressionOperators } from './expressions'
import { $geoNear, geoQueryOperators, nearestFirst } from './geo'
import type { Doc } from './indexes'
import { jsonSchemaValidator } from './json-schema'

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
  // mingo has no geospatial operators.
  ...geoQueryOperators,
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
  $geoNear,
} as any).addExpressionOps(
  // mingo counts string positions in UTF-16 units and is lenient with operand types (see expressions.ts).
  expressionOperators,
)

function readPath(doc: any, path: string): unknown {
  let value = doc
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return undefined
    value = Array.isArray(value) && !/^\d+$/.test(part) ? value.flatMap((v) => v?.[part] ?? []) : value[part]
  }
  return value
}

const options = {
  idKey: '_id',
  useStrictMode: true,
  scriptEnabled: false,
  context: fixes,
  useGlobalContext: true,
  jsonSchemaValidator,
}

/**
 * mingo's own wording for an operator it has no implementation of, and MongoDB's for the same.
 * Matched on the message because mingo throws the same error class for every refusal.
 */
const UNKNOWN_OPERATOR: Array<[RegExp, (operator: string) => string]> = [
  [/^unknown query operator (\$\w+)/, (op) => `unknown operator: ${op}`],
  [/^unknown top level operator: (\$\w+)/, (op) => `unknown top level operator: ${op}`],
  [/^unregistered pipeline operator (\$\w+)/, (op) => `Unrecognized pipeline stage name: '${op}'`],
  [/^accumulator '(\$\w+)' is not registered/, (op) => `Unrecognized expression '${op}'`],
]

/**
 * Runs mingo on the caller's query or pipeline. Whatever it throws is about that input (an operator
 * the local cloud does not know, an operand MongoDB would refuse), so it is answered as the database's
 * error and never as an internal one.
 */
function guarded<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw asDatabaseError(error)
  }
}

function asDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error
  const message = error instanceof Error ? error.message : String(error)
  for (const [pattern, mongoMessage] of UNKNOWN_OPERATOR) {
    const operator = pattern.exec(message)?.[1]
    if (operator) return unknownOperator(mongoMessage(operator))
  }
  return queryFailed(message)
}

export function matcher(query: AnyObject | undefined): (doc: Doc) => boolean {
  if (!query || Object.keys(query).length === 0) return () => true
  const compiled = guarded(() => new Query(query, options))
  return (doc) => {
    try {
      return compiled.test(doc)
    } catch (error) {
      throw asDatabaseError(error)
    }
  }
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  /** `docs` already come in `order` (read through an index): no sort, and reading stops at the limit. */
  ordered?: boolean
  offset?: number
  limit?: number
  projection?: AnyObject
}

/** Filter, then sort, skip, limit, and project, in MongoDB's order. */
export function find(docs: Iterable<Doc>, query: AnyObject | undefined, find: FindOptions): AnyObject[] {
  const test = matcher(query)
  let hits: Doc[] = []
  const order = find.order && Object.keys(find.order).length > 0 ? find.order : undefined
  const enough = order && find.ordered && find.limit !== undefined ? (find.offset ?? 0) + find.limit : Infinity
  for (const doc of docs) {
    if (hits.length >= enough) break
    if (test(doc)) hits.push(doc)
  }
  if (!order) hits = guarded(() => nearestFirst(query)?.(hits) ?? hits)
  const pipeline: AnyObject[] = []
  if (order && !find.ordered) pipeline.push({ $sort: order })
  if (find.offset) pipeline.push({ $skip: find.offset })
  if (find.limit !== undefined) pipeline.push({ $limit: find.limit })
  if (pipeline.length > 0) hits = guarded(() => new Aggregator(pipeline, options).run(hits) as Doc[])
  const projection = find.projection
  if (!projection || Object.keys(projection).length === 0) return hits
  // mingo removes excluded nested fields ('a.b': 0) from the documents it is given, which are the
  // stored ones: it projects copies.
  const copies = hits.map(cloneDocument)
  return guarded(() => new Query({}, options).find(copies, projection).all() as AnyObject[])
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
  const next = cloneDocument(doc)
  for (const [operator, rawFields] of Object.entries(expression)) {
    const fields = rawFields && typeof rawFields === 'object' ? resolvePositional(rawFields, doc, query) : rawFields
    if (!UPDATE_OPERATORS.has(operator)) throw unknownOperator(`Unknown modifier: ${operator}`)
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
  return { _id: id, ...cloneDocument(rest) }
}

/**
 * A deep copy of a stored document. Decoded documents hold only plain objects, arrays, Dates, RegExps
 * and primitives (see ejson.ts), which this copies directly: structuredClone serialises each value and
 * made copying most of an aggregation's time. Anything else is left to structuredClone.
 */
export function cloneDocument<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneDocument) as T
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const field = cloneDocument((value as Record<string, unknown>)[key])
    // A field named __proto__ (JSON.parse makes it an own field) stays a field, as structuredClone keeps it.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true })
    else copy[key] = field
  }
  return copy as T
}

export function aggregate(docs: Doc[], stages: AnyObject[], resolve: (name: string) => Doc[]): AnyObject[] {
  // mingo's stages ($unwind, $addFields, ...) modify their input documents in place, and these are
  // the stored documents (of the looked-up collections too): the pipeline works on copies.
  const copies = (list: Doc[]) => list.map(cloneDocument)
  // MongoDB answers $geoNear from the collection's geo index, so only as the first stage.
  if (stages.slice(1).some((stage) => '$geoNear' in stage)) {
    throw queryFailed('$geoNear is only valid as the first stage in a pipeline')
  }
  return guarded(
    () =>
      new Aggregator(stages, { ...options, collectionResolver: (name: string) => copies(resolve(name)) }).run(
        copies(docs),
      ) as AnyObject[],
  )
}
