import fs from 'node:fs'
import path from 'node:path'
import { decodeEjson } from '../../local-cloud/database/ejson'
import { explainingValidator } from '../../local-cloud/database/json-schema'
import type { DatabaseEvent } from '../../local-cloud/server'

/**
 * Holds the shop's functions to the repository's declarations while the tests run them: every query
 * a function sends must be served by a declared index (or be listed in database/unindexed-queries.json
 * with its reason), every collection it touches must be declared, and every document it writes must
 * fit its collection's schema in database/schemas/. Findings are kept until the test that caused them
 * ends, and fail it (see database-audit-hooks.ts).
 */

const DATABASE = path.resolve(__dirname, '../../database')

export interface CollectionSchema {
  title: string
  description: string
  /** A document as the console shows it, in MongoDB Extended JSON (`{ "$date": … }` for a Date). */
  example: Record<string, unknown>
  /** MongoDB's `$jsonSchema` (draft 4 with `bsonType`). */
  schema: Record<string, any>
}

export interface AllowedScan {
  collection: string
  /** The query's shape, as `queryShape` writes it. */
  query: string
  reason: string
}

export const SCHEMAS_DIR = path.join(DATABASE, 'schemas')

export function declaredCollections(): string[] {
  return Object.keys(JSON.parse(fs.readFileSync(path.join(DATABASE, 'collections.json'), 'utf8')).collections)
}

export function readSchema(collection: string): CollectionSchema | undefined {
  const file = path.join(SCHEMAS_DIR, `${collection}.json`)
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as CollectionSchema) : undefined
}

export function allowedScans(): AllowedScan[] {
  return JSON.parse(fs.readFileSync(path.join(DATABASE, 'unindexed-queries.json'), 'utf8')).queries
}

/** The example of a schema document as the database holds it (Dates as Dates). */
export const exampleDocument = (schema: CollectionSchema) => decodeEjson(JSON.stringify(schema.example))

/**
 * A query's fields without their values, e.g. `where shopId, status, expiresAt order by boundAt`:
 * the same shape is one entry in the list of allowed scans whatever values it is called with.
 */
export function queryShape(query: Record<string, unknown> | undefined, order?: Record<string, 1 | -1>): string {
  const fields = [...new Set(fieldsOf(query ?? {}))]
  const sort = Object.keys(order ?? {})
  return `where ${fields.join(', ') || 'nothing'}${sort.length > 0 ? ` order by ${sort.join(', ')}` : ''}`
}

function fieldsOf(query: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(query).flatMap(([key, value]) => {
    if (key === '$and' || key === '$or' || key === '$nor') return (value as Array<Record<string, unknown>>).flatMap((part) => fieldsOf(part, prefix))
    if (key.startsWith('$')) return []
    const field = prefix ? `${prefix}.${key}` : key
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
    if (nested && Object.keys(value).length > 0 && !Object.keys(value).some((k) => k.startsWith('$'))) return fieldsOf(value as Record<string, unknown>, field)
    return [field]
  })
}

export interface Declarations {
  collections: string[]
  allowed: AllowedScan[]
  schemaOf(collection: string): CollectionSchema | undefined
}

export const repositoryDeclarations = (): Declarations => ({ collections: declaredCollections(), allowed: allowedScans(), schemaOf: readSchema })

/** An audit of database events against declarations; what it finds waits in `take()`. */
export function createDatabaseAudit(declarations: () => Declarations): { observe(event: DatabaseEvent): void; take(): string[] } {
  let loaded: Declarations | undefined
  const validators = new Map<string, ((doc: unknown) => string[]) | undefined>()
  const findings: string[] = []
  const validatorOf = (collection: string) => {
    if (!validators.has(collection)) {
      const schema = loaded!.schemaOf(collection)
      validators.set(collection, schema && explainingValidator(schema.schema))
    }
    return validators.get(collection)
  }
  return {
    observe(event) {
      // Scripts and tests outside the functions (seeding, assertions) read as they like.
      if (!event.function) return
      const { collections, allowed } = (loaded ??= declarations())
      const { access, written = [] } = event
      if (access && !collections.includes(access.collection)) {
        findings.push(`function ${event.function} used collection ${access.collection}, which database/collections.json does not declare`)
      } else if (access && !access.servedBy) {
        const shape = queryShape(access.query, access.order)
        if (!allowed.some((a) => a.collection === access.collection && a.query === shape)) {
          findings.push(`function ${event.function} scanned ${access.collection} (${event.action}): no declared index serves "${shape}"`)
        }
      }
      for (const { collection, doc } of written) {
        if (!collections.includes(collection)) {
          findings.push(`function ${event.function} wrote to collection ${collection}, which database/collections.json does not declare`)
          continue
        }
        const validate = validatorOf(collection)
        const errors = validate ? validate(doc) : ['no schema in database/schemas/']
        if (errors.length > 0) findings.push(`function ${event.function} wrote a document to ${collection} that does not fit database/schemas/${collection}.json: ${errors.join('; ')}`)
      }
    },
    take: () => findings.splice(0),
  }
}

const shopAudit = createDatabaseAudit(repositoryDeclarations)

/** The observer `startLocalCloud({ observeDatabase })` takes for a cloud running the shop's functions. */
export const auditDatabase = (event: DatabaseEvent) => shopAudit.observe(event)

/** What the audit of the shop's functions found since the last call. */
export const takeDatabaseFindings = () => shopAudit.take()
