import { BSONRegExp, EJSON, ObjectId } from 'bson'

/**
 * The wire format between @cloudbase/database and the service: MongoDB Extended JSON strings.
 * Decoding is relaxed (plain JS numbers) because mingo compares plain numbers only, and turns
 * BSON wrapper types that mingo does not understand into their JS equivalents.
 */
export function decodeEjson(text: string): any {
  return toPlain(EJSON.parse(text, { relaxed: true }))
}

export function encodeEjson(value: unknown): string {
  return EJSON.stringify(value as any, { relaxed: true })
}

function toPlain(value: any): any {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options)
  if (value instanceof ObjectId) return value.toHexString()
  if (value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map(toPlain)
  const out: Record<string, any> = {}
  for (const key of Object.keys(value)) out[key] = toPlain(value[key])
  return out
}

/** `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }` and means "the server's now". */
export function resolveServerDates(value: any, now: number): any {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now))
  if ('$tcb_server_date' in value) {
    const offset = Number(value.$tcb_server_date?.offset ?? 0)
    return new Date(now + (Number.isFinite(offset) ? offset : 0))
  }
  const out: Record<string, any> = {}
  for (const key of Object.keys(value)) out[key] = resolveServerDates(value[key], now)
  return out
}
