/**
 * The BSON type name MongoDB would give a decoded value: `$jsonSchema`'s `bsonType` uses these names,
 * and MongoDB's error messages name the type they found.
 *
 * Values arrive as plain JS numbers (see ejson.ts), so the numeric type is the one @cloudbase/database
 * sends for that number: an integer that fits in 32 bits is an int, a larger one a long, anything
 * else a double.
 */
export function bsonTypeOf(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31) return 'int'
    if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63) return 'long'
    return 'double'
  }
  if (value instanceof Date) return 'date'
  if (value instanceof RegExp) return 'regex'
  if (Array.isArray(value)) return 'array'
  return 'object'
}
