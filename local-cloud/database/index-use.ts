import type { IndexSpec } from './indexes'

/**
 * Which declared index CloudBase's MongoDB would read for a query, by MongoDB's rule rather than the
 * local engine's (which looks only at equality on an index's first field): an index serves a query
 * when its first field is constrained by something an index can seek — equality, `$in`, a range,
 * `$all`, `$elemMatch`, an anchored regex — or, for a query with no condition at all, when the sort
 * starts with that field (the index is walked in order). `_id` is always indexed. An `$or` is served
 * when each of its branches is. A query nothing serves reads the whole collection: a scan.
 */
export function servingIndex(
  query: Record<string, unknown> | undefined,
  order: Record<string, 1 | -1> | undefined,
  indexes: IndexSpec[],
): string | undefined {
  const byFirstField = new Map<string, string>([['_id', '_id_']])
  for (const index of indexes) {
    const first = Object.keys(index.fields)[0]
    if (first && !byFirstField.has(first)) byFirstField.set(first, index.name)
  }
  const served = servedBy(query ?? {}, byFirstField)
  if (served) return served
  const sortedBy = Object.keys(order ?? {})[0]
  if (isEmpty(query) && sortedBy) return byFirstField.get(sortedBy)
  return undefined
}

function servedBy(query: Record<string, unknown>, byFirstField: Map<string, string>): string | undefined {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const index = servedBy(part as Record<string, unknown>, byFirstField)
        if (index) return index
      }
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      const branches = value.map((part) => servedBy(part as Record<string, unknown>, byFirstField))
      if (branches.every(Boolean)) return [...new Set(branches)].join(' | ')
    } else if (!key.startsWith('$')) {
      for (const [field, condition] of fieldConditions(key, value)) {
        const index = byFirstField.get(field)
        if (index && isSeekable(condition)) return index
      }
    }
  }
  return undefined
}

/** A nested plain object is a path (`{ refund: { status: 'x' } }` is `refund.status`), not an equality on the whole object. */
function fieldConditions(path: string, value: unknown): Array<[string, unknown]> {
  if (!isPlainObject(value) || Object.keys(value).some((k) => k.startsWith('$')) || Object.keys(value).length === 0) {
    return [[path, value]]
  }
  return Object.entries(value).flatMap(([key, inner]) => fieldConditions(`${path}.${key}`, inner))
}

const SEEKABLE_OPERATORS = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte', '$all', '$elemMatch'])

function isSeekable(condition: unknown): boolean {
  if (condition instanceof RegExp) return condition.source.startsWith('^')
  if (!isPlainObject(condition)) return true
  const operators = Object.keys(condition)
  if (operators.some((op) => SEEKABLE_OPERATORS.has(op))) return true
  if ('$regex' in condition) return String(condition.$regex).startsWith('^')
  return false
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
}

const isEmpty = (query: Record<string, unknown> | undefined) => !query || Object.keys(query).length === 0
