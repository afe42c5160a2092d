import { computeValue } from 'mingo/core'
import type { ExpressionOperator, Options } from 'mingo/core'
import { $dayOfWeek, $dayOfYear } from 'mingo/operators/expression'
import { bsonTypeOf } from './bson-type'
import { queryFailed } from './errors'

type AnyObject = Record<string, any>

/**
 * String and date expression operators as MongoDB evaluates them, where mingo differs: MongoDB
 * counts the `…Bytes` operators in UTF-8 bytes and the `…CP` ones in code points (mingo in UTF-16
 * units, which differs for Chinese text and emoji), refuses operands of the wrong type with an error
 * (mingo crashes or guesses), and changes the case of ASCII letters only. Messages are MongoDB's.
 */

const isNullish = (value: unknown) => value === null || value === undefined

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  return typeof value === 'string' || (value !== null && typeof value === 'object') ? JSON.stringify(value) : String(value)
}

/** The operands of `op`, evaluated; as in MongoDB, a lone operand stands for a list of one. */
function operands(obj: AnyObject, expr: unknown, options: Options, op: string, min: number, max = min): unknown[] {
  const list = Array.isArray(expr) ? expr : [expr]
  if (list.length < min || list.length > max) {
    throw queryFailed(
      min === max
        ? `Expression ${op} takes exactly ${min} arguments. ${list.length} were passed in.`
        : `Expression ${op} takes at least ${min} arguments, and at most ${max}, but ${list.length} were passed in.`,
    )
  }
  return list.map((operand) => computeValue(obj, operand, null, options))
}

/** MongoDB's conversion of an operand to a string: null and missing are empty, numbers and dates printed. */
function coerceToString(value: unknown): string {
  if (isNullish(value)) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString()
  throw queryFailed(`can't convert from BSON type ${bsonTypeOf(value)} to String`)
}

function requireString(value: unknown, op: string, which: string): string {
  if (typeof value !== 'string') {
    throw queryFailed(`${op} requires a string as the ${which} argument, found: ${bsonTypeOf(value)}`)
  }
  return value
}

const isInt32 = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31

function requireNumber(value: unknown, op: string, name: string): number {
  if (typeof value !== 'number') {
    throw queryFailed(`${op}: ${name} must be a numeric type (is BSON type ${bsonTypeOf(value)})`)
  }
  return value
}

function requireInt32(value: unknown, op: string, name: string): number {
  if (!isInt32(requireNumber(value, op, name))) {
    throw queryFailed(`${op}: ${name} cannot be represented as a 32-bit integral value: ${value}`)
  }
  return value as number
}

/** The starting (at 2) or ending (at 3) index operand of `$indexOfBytes` and `$indexOfCP`, if given. */
function indexArgument(values: unknown[], at: 2 | 3, op: string, otherwise: number): number {
  if (values.length <= at) return otherwise
  const value = values[at]
  const name = at === 2 ? 'starting index' : 'ending index'
  if (!isInt32(value)) {
    throw queryFailed(
      `${op} requires an integral ${name}, found a value of type: ${bsonTypeOf(value)}, with value: ${show(value)}`,
    )
  }
  if (value < 0) throw queryFailed(`${op} requires a nonnegative ${name}, found: ${value}`)
  return value
}

const isContinuationByte = (byte: number) => (byte & 0xc0) === 0x80

function substrBytes(op: string): ExpressionOperator {
  return (obj, expr, options) => {
    const [input, start, length] = operands(obj, expr, options, op, 3)
    const bytes = Buffer.from(coerceToString(input), 'utf8')
    const from = Math.trunc(requireNumber(start, op, 'starting index'))
    const count = Math.trunc(requireNumber(length, op, 'length'))
    if (from < 0) throw queryFailed(`${op}: starting index must be non-negative (got: ${from})`)
    // A negative length means the rest of the string.
    const to = count < 0 ? bytes.length : from + count
    if (from < bytes.length && isContinuationByte(bytes[from])) {
      throw queryFailed(`${op}: Invalid range, starting index is a UTF-8 continuation byte.`)
    }
    if (to < bytes.length && isContinuationByte(bytes[to])) {
      throw queryFailed(`${op}: Invalid range, ending index is in the middle of a UTF-8 character.`)
    }
    return bytes.subarray(from, to).toString('utf8')
  }
}

/** MongoDB's default for `$trim`: ASCII whitespace, NUL, the no-break space, U+1680 and U+2000–U+200A. */
const WHITESPACE = new Set([
  '\0', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
])

function trim(op: string, left: boolean, right: boolean): ExpressionOperator {
  return (obj, expr, options) => {
    if (!expr || typeof expr !== 'object' || Array.isArray(expr)) {
      throw queryFailed(`${op} only supports an object as its argument`)
    }
    const unknown = Object.keys(expr).find((key) => key !== 'input' && key !== 'chars')
    if (unknown) throw queryFailed(`${op} found an unknown argument: ${unknown}`)
    if (!('input' in expr)) throw queryFailed(`${op} requires an 'input' field`)
    const input = computeValue(obj, expr.input, null, options)
    if (isNullish(input)) return null
    if (typeof input !== 'string') {
      const found = `${show(input)} (of type ${bsonTypeOf(input)})`
      throw queryFailed(`${op} requires its input to be a string, got ${found} instead.`)
    }
    let chars = WHITESPACE
    if ('chars' in expr) {
      const given = computeValue(obj, expr.chars, null, options)
      if (isNullish(given)) return null
      if (typeof given !== 'string') {
        const found = `${show(given)} (of type ${bsonTypeOf(given)})`
        throw queryFailed(`${op} requires 'chars' to be a string, got ${found} instead.`)
      }
      chars = new Set(Array.from(given))
    }
    const codePoints = Array.from(input)
    let from = 0
    let to = codePoints.length
    while (left && from < to && chars.has(codePoints[from])) from++
    while (right && to > from && chars.has(codePoints[to - 1])) to--
    return codePoints.slice(from, to).join('')
  }
}

const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
const asciiUpper = (text: string) => text.replace(/[a-z]+/g, (letters) => letters.toUpperCase())

export const expressionOperators: Record<string, ExpressionOperator> = {
  $concat: (obj, expr, options) => {
    const values = operands(obj, expr, options, '$concat', 0, Infinity)
    for (const value of values) {
      if (isNullish(value)) return null
      if (typeof value !== 'string') throw queryFailed(`$concat only supports strings, not ${bsonTypeOf(value)}`)
    }
    return values.join('')
  },

  $strcasecmp: (obj, expr, options) => {
    const [a, b] = operands(obj, expr, options, '$strcasecmp', 2).map((value) => asciiUpper(coerceToString(value)))
    // MongoDB compares the UTF-8 bytes.
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
  },

  $toLower: (obj, expr, options) => asciiLower(coerceToString(operands(obj, expr, options, '$toLower', 1)[0])),

  $toUpper: (obj, expr, options) => asciiUpper(coerceToString(operands(obj, expr, options, '$toUpper', 1)[0])),

  $strLenBytes: (obj, expr, options) => {
    const [value] = operands(obj, expr, options, '$strLenBytes', 1)
    if (typeof value !== 'string') throw queryFailed(`$strLenBytes requires a string argument, found: ${bsonTypeOf(value)}`)
    return Buffer.byteLength(value, 'utf8')
  },

  $strLenCP: (obj, expr, options) => {
    const [value] = operands(obj, expr, options, '$strLenCP', 1)
    if (typeof value !== 'string') throw queryFailed(`$strLenCP requires a string argument, found: ${bsonTypeOf(value)}`)
    return Array.from(value).length
  },

  $split: (obj, expr, options) => {
    const [input, separator] = operands(obj, expr, options, '$split', 2)
    if (isNullish(input) || isNullish(separator)) return null
    const requirement = '$split requires an expression that evaluates to a string as a'
    if (typeof input !== 'string') throw queryFailed(`${requirement} first argument, found: ${bsonTypeOf(input)}`)
    if (typeof separator !== 'string') {
      throw queryFailed(`${requirement} second argument, found: ${bsonTypeOf(separator)}`)
    }
    if (separator === '') throw queryFailed('$split requires a non-empty separator')
    return input.split(separator)
  },

  $indexOfBytes: (obj, expr, options) => {
    const values = operands(obj, expr, options, '$indexOfBytes', 2, 4)
    if (isNullish(values[0])) return null
    const bytes = Buffer.from(requireString(values[0], '$indexOfBytes', 'first'), 'utf8')
    const token = Buffer.from(requireString(values[1], '$indexOfBytes', 'second'), 'utf8')
    const start = indexArgument(values, 2, '$indexOfBytes', 0)
    const end = Math.min(bytes.length, indexArgument(values, 3, '$indexOfBytes', bytes.length))
    if (start > bytes.length || end < start) return -1
    return bytes.subarray(0, end).indexOf(token, start)
  },

  $indexOfCP: (obj, expr, options) => {
    const values = operands(obj, expr, options, '$indexOfCP', 2, 4)
    if (isNullish(values[0])) return null
    const input = requireString(values[0], '$indexOfCP', 'first')
    const token = requireString(values[1], '$indexOfCP', 'second')
    const codePoints = Array.from(input)
    const start = indexArgument(values, 2, '$indexOfCP', 0)
    const end = Math.min(codePoints.length, indexArgument(values, 3, '$indexOfCP', codePoints.length))
    if (end < start) return -1
    if (input === '' && token === '') return 0
    // As in MongoDB, a match must begin before `end` but may run past it.
    for (let i = 0, offset = 0; i < end; offset += codePoints[i].length, i++) {
      if (i >= start && input.startsWith(token, offset)) return i
    }
    return -1
  },

  $substr: substrBytes('$substr'),
  $substrBytes: substrBytes('$substrBytes'),

  $substrCP: (obj, expr, options) => {
    const [input, start, length] = operands(obj, expr, options, '$substrCP', 3)
    const codePoints = Array.from(coerceToString(input))
    const from = requireInt32(start, '$substrCP', 'starting index')
    const count = requireInt32(length, '$substrCP', 'length')
    // Unlike $substrBytes, MongoDB refuses a negative length here.
    if (count < 0) throw queryFailed('$substrCP: length must be a nonnegative integer.')
    if (from < 0) throw queryFailed('$substrCP: the starting index must be nonnegative integer.')
    return codePoints.slice(from, from + count).join('')
  },

  $trim: trim('$trim', true, true),
  $ltrim: trim('$ltrim', true, false),
  $rtrim: trim('$rtrim', false, true),

  /**
   * The week of the year as strftime's %U: weeks begin on Sunday, and the days before the year's
   * first Sunday are week 0.
   */
  $week: (obj, expr, options) => {
    const spec: AnyObject =
      expr && typeof expr === 'object' && !Array.isArray(expr) && 'date' in expr
        ? expr
        : { date: Array.isArray(expr) ? expr[0] : expr }
    const date = computeValue(obj, spec.date, null, options)
    if (isNullish(date) || ('timezone' in spec && isNullish(computeValue(obj, spec.timezone, null, options)))) return null
    if (!(date instanceof Date)) throw queryFailed(`can't convert from BSON type ${bsonTypeOf(date)} to Date`)
    // mingo's day of the year (1–366) and of the week (1 is Sunday) apply the timezone.
    const dayOfYear = $dayOfYear(obj, spec, options) as number
    const dayOfWeek = $dayOfWeek(obj, spec, options) as number
    return Math.floor((dayOfYear - dayOfWeek + 7) / 7)
  },
}
