import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { explainingValidator } from '../../local-cloud/database/json-schema'
import { seedDemo } from '../../scripts/seed-demo'
import { SCHEMAS_DIR, declaredCollections, exampleDocument, readSchema } from '../support/database-audit'
import { TestCloud, startTestCloud } from '../support/local-cloud'

const collections = declaredCollections()

interface Field {
  path: string
  name: string
  schema: Record<string, any>
}

/** Every field a schema describes, through nested objects, array items and alternatives. */
function fieldsOf(schema: Record<string, any>, path = ''): Field[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, field]: [string, any]) => [
    { path: `${path}${name}`, name, schema: field },
    ...fieldsOf(field, `${path}${name}.`),
  ])
  const items = schema.items ? fieldsOf(schema.items, path.replace(/\.$/, '[].')) : []
  const alternatives = (schema.anyOf ?? []).flatMap((alternative: Record<string, any>) => fieldsOf(alternative, path))
  return [...own, ...items, ...alternatives]
}

const typesOf = (field: Field): string[] => [field.schema.bsonType].flat().filter(Boolean)

describe('a schema document beside the index file for every collection', () => {
  it('exists for each declared collection, and for nothing else', () => {
    const documented = fs.readdirSync(SCHEMAS_DIR).map((file) => file.replace(/\.json$/, ''))
    expect(documented.sort()).toEqual([...collections].sort())
  })

  it.each(collections)('%s: says what the collection is, and its example fits', (collection) => {
    const doc = readSchema(collection)!
    expect(doc.title).toBe(collection)
    expect(doc.description.length).toBeGreaterThan(20)
    expect(explainingValidator(doc.schema)(exampleDocument(doc))).toEqual([])
  })

  it.each(collections)('%s: gives every field a type and a meaning, and refuses undeclared fields', (collection) => {
    const { schema } = readSchema(collection)!
    const objects = [schema, ...fieldsOf(schema).map((f) => f.schema)].filter((s) => s.properties && Object.keys(s.properties).length > 0)
    for (const object of objects) expect(object.additionalProperties, JSON.stringify(object.required)).toBe(false)
    for (const field of fieldsOf(schema)) {
      expect(typesOf(field).length + (field.schema.enum ? 1 : 0), field.path).toBeGreaterThan(0)
      if (typesOf(field).length > 0) expect(field.schema.description?.length ?? 0, field.path).toBeGreaterThan(1)
    }
  })

  it.each(collections)('%s: amounts are integer fen named …Fen, instants are Dates named …At, statuses are English words', (collection) => {
    for (const field of fieldsOf(readSchema(collection)!.schema)) {
      if (/Fen$/.test(field.name)) expect(typesOf(field), field.path).toEqual(['int', 'long'])
      const numeric = typesOf(field).some((t) => ['int', 'long', 'double', 'decimal', 'number'].includes(t))
      if (numeric && /(price|amount|fee|total|cost)/i.test(field.name)) expect(field.name, field.path).toMatch(/Fen$/)
      if (/At$/.test(field.name)) expect(typesOf(field).filter((t) => t !== 'null'), field.path).toEqual(['date'])
      if (['status', 'kind', 'role', 'outcome'].includes(field.name) && typesOf(field).length > 0) {
        expect(field.schema.enum?.length, field.path).toBeGreaterThan(0)
        for (const value of field.schema.enum) expect(value, field.path).toMatch(/^[a-z]+(_[a-z]+)*$/)
      }
    }
  })
})

describe("the demo's documents, as the console shows them", () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud()
    await seedDemo(t.db)
  })
  afterAll(() => t.close())

  it.each(collections)('%s: every seeded document fits its schema', async (collection) => {
    const validate = explainingValidator(readSchema(collection)!.schema)
    const { data } = await t.db.collection(collection).limit(1000).get()
    for (const doc of data) expect(validate(doc), JSON.stringify(doc).slice(0, 200)).toEqual([])
  })
})
