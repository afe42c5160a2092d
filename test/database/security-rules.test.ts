import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { declaredCollections } from '../support/database-audit'

const REPO = path.resolve(__dirname, '../..')
const rules = JSON.parse(fs.readFileSync(path.join(REPO, 'database/security-rules.json'), 'utf8')).collections as Record<string, { read: unknown; write: unknown }>

/** The collections the shop's code names: `collection('orders')`, `collection<Order>('orders')`, or a constant, `collection(ANOMALIES)`. */
function collectionsNamedInCode(): string[] {
  const grep = (pattern: string) =>
    execFileSync('git', ['grep', '-hoE', pattern, '--', 'cloudfunctions', 'scripts/seed-demo.ts'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n')
  const calls = grep("collection(<[^>]*>)?\\(\\s*('[a-z_]+'|[A-Z_]+)")
  const literals = calls.flatMap((call) => call.match(/'([a-z_]+)'/)?.[1] ?? [])
  const constants = new Set(calls.flatMap((call) => call.match(/\(\s*([A-Z_]+)$/)?.[1] ?? []))
  const definitions = grep("const [A-Z_]+ = '[a-z_]+'").map((line) => line.match(/const ([A-Z_]+) = '([a-z_]+)'/)!)
  const resolved = definitions.filter(([, name]) => constants.has(name)).map(([, , value]) => value)
  return [...new Set([...literals, ...resolved])]
}

describe('security rules, one per collection', () => {
  it('exist for every declared collection, and only for those', () => {
    expect(Object.keys(rules).sort()).toEqual(declaredCollections().sort())
  })

  it('never let the mini program write', () => {
    for (const [collection, rule] of Object.entries(rules)) expect(rule.write, collection).toBe(false)
  })

  it('let it read nothing either: it reads through the functions, which check who asks', () => {
    for (const [collection, rule] of Object.entries(rules)) expect(rule.read, collection).toBe(false)
  })

  it('cover every collection the code names', () => {
    const named = collectionsNamedInCode()
    expect(named).toEqual(expect.arrayContaining(['orders', 'payment_anomalies', 'verify_attempts', 'roster']))
    for (const collection of named) expect(Object.keys(rules), collection).toContain(collection)
  })
})
