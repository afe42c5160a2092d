import { BOTTOM, Doc, DocId, Index, KeyPart, TOP } from './indexes'

/**
 * How the local engine reads a query's documents: through the primary key, through a declared index
 * (equality on its leading fields, then at most one range on the next field, as MongoDB seeks), or by
 * reading every document. The documents it gives may include some the query does not match (the
 * caller filters with the whole query); it never leaves out one that matches.
 */
export interface ReadPlan {
  docs: Iterable<Doc>
  /** What the request log shows: `index NAME`, `index NAME, in order`, or a phrase with "scan" in it. */
  describe: string
  /** The index it read, if any. */
  index?: string
  /** The documents come in the query's sort order, so the caller needs no sort and may stop at its limit. */
  ordered: boolean
  /** Every document of the collection may be read. */
  scan: boolean
  /**
   * The documents are exactly the query's matches, so the caller need not test them again: a query
   * on `_id` alone, by a value or a list of values. Filtering a thousand ids through the query's `$in`
   * costs a thousand comparisons a document.
   */
  exact: boolean
}

/** Past this many equality combinations (`$in` on several fields), a plan stops adding fields. */
const MAX_KEY_PREFIXES = 1000

interface FieldCondition {
  /** Values the field equals (any of them). */
  points?: unknown[]
  /** Bounds of a range, both taken as inclusive (a superset of `$gt`/`$lt`; the query filters the rest). */
  low?: unknown
  high?: unknown
}

export function planRead(
  query: Record<string, any> | undefined,
  order: Record<string, 1 | -1> | undefined,
  indexes: Index[],
  latest: (id: DocId) => Doc | undefined,
  everything: () => Iterable<Doc>,
  ordinalOf: (id: DocId) => number,
): ReadPlan {
  const conditions = conditionsOf(query)
  const byId = conditions.get('_id')?.points
  if (byId) {
    const ids = byId.filter((id): id is DocId => typeof id === 'string' || typeof id === 'number')
    const exact = ids.length === byId.length && onlyIdEquality(query!)
    return { docs: fetch(ids, latest), describe: 'index _id_', index: '_id_', ordered: false, scan: false, exact }
  }
  let best: IndexPlan | undefined
  for (const index of indexes) {
    const plan = planIndex(index, conditions, order)
    if (plan && (!best || plan.score > best.score || (plan.score === best.score && plan.ordered && !best.ordered))) best = plan
  }
  if (!best) return { docs: everything(), describe: 'collection scan', ordered: false, scan: true, exact: false }
  const name = best.index.spec.name
  // Walking a whole index reads documents the query may not want, unless it wants them all.
  const scan = best.score === 0 && conditionCount(query) > 0
  const describe = scan ? `scan of index ${name} in order` : `index ${name}${best.ordered ? ', in order' : ''}`
  // Unsorted, the documents come in insertion order, as from a scan (and as the service happens to
  // give them for a small collection): code must not learn to expect the index's order there.
  const ids = best.ordered ? best.ids() : inInsertionOrder(best.ids(), ordinalOf)
  return { docs: fetch(ids, latest), describe, index: name, ordered: best.ordered, scan, exact: false }
}

interface IndexPlan {
  index: Index
  /** Two per equality field, one for a range: the more of the index a query pins, the fewer entries it reads. */
  score: number
  ordered: boolean
  ids(): Iterable<DocId>
}

function planIndex(index: Index, conditions: Map<string, FieldCondition>, order: Record<string, 1 | -1> | undefined): IndexPlan | undefined {
  let prefixes: KeyPart[][] = [[]]
  let equalities = 0
  let range: { low: KeyPart; high: KeyPart } | undefined
  for (let i = 0; i < index.fields.length; i++) {
    const condition = conditions.get(index.fields[i])
    const points = condition?.points
    if (points && prefixes.length * points.length <= MAX_KEY_PREFIXES) {
      prefixes = prefixes.flatMap((prefix) => points.map((value) => [...prefix, value]))
      equalities++
      continue
    }
    if (condition && (condition.low !== undefined || condition.high !== undefined)) {
      // In a descending field the high value comes first.
      const [first, last] = index.direction(i) === 1 ? [condition.low, condition.high] : [condition.high, condition.low]
      range = { low: first ?? BOTTOM, high: last ?? TOP }
    }
    break
  }
  const reverse = servesOrder(index, equalities, prefixes.length, order)
  const ordered = reverse !== undefined
  const score = equalities * 2 + (range ? 1 : 0)
  if (score === 0 && !ordered) return undefined
  return {
    index,
    score,
    ordered,
    *ids() {
      for (const prefix of prefixes) {
        const low = range ? [...prefix, range.low] : prefix
        const high = range ? [...prefix, range.high] : prefix
        yield* index.range(low, high, reverse ?? false)
      }
    },
  }
}

/**
 * Whether walking the index gives the sort's order: one equality prefix, then the sort's fields in the
 * index's next positions, all in the index's direction (walk forwards) or all against it (backwards).
 * An index with array values gives an element's order, not the sort's, so it never serves one.
 */
function servesOrder(index: Index, from: number, prefixes: number, order: Record<string, 1 | -1> | undefined): boolean | undefined {
  const fields = Object.keys(order ?? {})
  if (fields.length === 0 || prefixes !== 1 || index.multikey || from + fields.length > index.fields.length) return undefined
  const reverse = order![fields[0]] !== index.direction(from)
  for (let i = 0; i < fields.length; i++) {
    if (index.fields[from + i] !== fields[i]) return undefined
    if ((order![fields[i]] !== index.direction(from + i)) !== reverse) return undefined
  }
  return reverse
}

/** `{ _id: v }`, `{ _id: { $eq: v } }` or `{ _id: { $in: [...] } }` and nothing else. */
function onlyIdEquality(query: Record<string, any>): boolean {
  const keys = Object.keys(query)
  if (keys.length !== 1 || keys[0] !== '_id') return false
  const condition = query._id
  return isScalar(condition) || (Object.keys(condition).length === 1 && ('$eq' in condition || '$in' in condition))
}

/** Distinct ids in the order they were inserted, each id's ordinal looked up once (not once per comparison). */
function inInsertionOrder(ids: Iterable<DocId>, ordinalOf: (id: DocId) => number): DocId[] {
  const ordinals = new Map<DocId, number>()
  for (const id of ids) if (!ordinals.has(id)) ordinals.set(id, ordinalOf(id))
  return [...ordinals].sort((a, b) => a[1] - b[1]).map(([id]) => id)
}

const conditionCount = (query: Record<string, any> | undefined) => Object.keys(query ?? {}).length

function* fetch(ids: Iterable<DocId>, latest: (id: DocId) => Doc | undefined): Generator<Doc> {
  const seen = new Set<DocId>()
  for (const id of ids) {
    if (seen.has(id)) continue
    seen.add(id)
    const doc = latest(id)
    if (doc) yield doc
  }
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte'])

/**
 * The query's top-level conditions an index can seek, by field: a value, `$eq`, `$in` and `$all`
 * (any one of its values: the query keeps only documents holding all), and ranges. Conditions inside
 * `$and` count too; `$or`, `$nor` and the rest are left to the filter.
 */
function conditionsOf(query: Record<string, any> | undefined, out = new Map<string, FieldCondition>()): Map<string, FieldCondition> {
  for (const [field, condition] of Object.entries(query ?? {})) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) conditionsOf(part, out)
      continue
    }
    if (field.startsWith('$')) continue
    const found = seekable(condition)
    const known = out.get(field)
    // An equality narrows more than a range: it wins when a field has both.
    if (found && (!known || (!known.points && found.points))) out.set(field, found)
  }
  return out
}

function seekable(condition: unknown): FieldCondition | undefined {
  if (isScalar(condition)) return { points: [condition] }
  if (!condition || typeof condition !== 'object' || Array.isArray(condition) || condition instanceof RegExp) return undefined
  const operators = Object.keys(condition)
  const operand = (op: string) => (condition as Record<string, unknown>)[op]
  if (operators.length === 1 && operators[0] === '$eq' && isScalar(operand('$eq'))) return { points: [operand('$eq')] }
  const list = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0 && value.every(isScalar)
  if (operators.length === 1 && operators[0] === '$in' && list(operand('$in'))) return { points: operand('$in') as unknown[] }
  if (operators.length === 1 && operators[0] === '$all' && list(operand('$all'))) return { points: [(operand('$all') as unknown[])[0]] }
  if (operators.length > 0 && operators.every((op) => RANGE_OPERATORS.has(op) && isScalar(operand(op)))) {
    return { low: operand('$gt') ?? operand('$gte'), high: operand('$lt') ?? operand('$lte') }
  }
  return undefined
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date
}
