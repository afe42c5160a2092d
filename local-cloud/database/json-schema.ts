import Ajv from 'ajv-draft-04'
import type { JsonSchemaValidator } from 'mingo/core'
import { bsonTypeOf } from './bson-type'
import { queryFailed } from './errors'

/**
 * `$jsonSchema` for mingo, which leaves the validator to its user. MongoDB's `$jsonSchema` is JSON
 * Schema draft 4 (boolean `exclusiveMinimum`, for one) plus the `bsonType` keyword, and refuses keywords
 * it does not know: Ajv's draft-04 class in strict mode, with `bsonType` added.
 */

const BSON_TYPES = [
  'double', 'string', 'object', 'array', 'binData', 'undefined', 'objectId', 'bool', 'date', 'null', 'regex',
  'dbPointer', 'javascript', 'symbol', 'javascriptWithScope', 'int', 'timestamp', 'long', 'decimal', 'minKey',
  'maxKey', 'number',
]
const NUMERIC = new Set(['int', 'long', 'double', 'decimal'])

// Type checks are the schema's business, not Ajv's advice: its strict type warnings would only be logged.
const ajv = new Ajv({ strictTypes: false, strictTuples: false })
ajv.addKeyword({
  keyword: 'bsonType',
  metaSchema: {
    anyOf: [{ enum: BSON_TYPES }, { type: 'array', items: { enum: BSON_TYPES }, minItems: 1, uniqueItems: true }],
  },
  validate: (expected: string | string[], data: unknown) => {
    const type = bsonTypeOf(data)
    return [expected].flat().some((name) => name === type || (name === 'number' && NUMERIC.has(type)))
  },
  errors: false,
})

export const jsonSchemaValidator: JsonSchemaValidator = (schema) => {
  let validate: (doc: unknown) => boolean
  try {
    validate = ajv.compile(schema)
  } catch (error) {
    throw queryFailed(`$jsonSchema: ${(error as Error).message}`)
  } finally {
    // Ajv keeps every schema it compiled; each query brings a new one.
    ajv.removeSchema(schema)
  }
  return (doc) => validate(doc)
}

/**
 * A `$jsonSchema` compiled once, for checking many documents: the answer names the first broken rule
 * and where (`/payment/paidAt: bsonType`), empty when the document fits.
 */
export function explainingValidator(schema: object): (doc: unknown) => string[] {
  const validate = ajv.compile(schema)
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.keyword}${e.keyword === 'additionalProperties' ? ` ${JSON.stringify(e.params.additionalProperty)}` : ''}`))
}
