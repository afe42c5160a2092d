import type { ZodType, ZodTypeDef } from 'zod'
import { Result, ok } from '../../src/core/result'
import { _, db, inTransaction } from './database'

/**
 * Rules HQ sets (attribution, commission) are versioned the same way: the version in force lives in
 * `settings/<name>`, and every version ever in force is kept in its own collection by number, so an
 * order or an entry decided under an old version can still be explained by it.
 */
export interface RulesKind<R extends { version: number }, I> {
  /** The settings document's id. */
  name: string
  /** Where every version is kept, the id being the version. */
  versions: string
  schema: ZodType<R, ZodTypeDef, unknown>
  defaults: R
  revise(current: R, change: I): R
}

/** One version of the rules as HQ set it. */
interface RulesVersion<R> {
  rules: R
  setAt: Date
  /** null: the defaults, in force before HQ first set the rules. */
  setByOpenid: string | null
}

/** The rules in force now (the defaults until HQ sets them). */
export async function currentRules<R extends { version: number }, I>(kind: RulesKind<R, I>): Promise<R> {
  const { data } = await db.collection<{ rules: unknown }>('settings').doc(kind.name).get()
  return rulesFrom(kind, data)
}

type RulesOf<K> = { [I in keyof K]: K[I] extends RulesKind<infer R, any> ? R : never }

/** Several kinds of rules in force now, in one read: a use case that needs two kinds pays one round trip. */
export async function currentRulesOf<K extends Array<RulesKind<any, any>>>(...kinds: K): Promise<RulesOf<K>> {
  const names = kinds.map((kind) => kind.name)
  const { data } = await db
    .collection<{ _id: string; rules: unknown }>('settings')
    .where({ _id: _.in(names) })
    .limit(names.length)
    .get()
  return kinds.map((kind) => rulesIn(kind, data)) as RulesOf<K>
}

/**
 * The rules of one kind among settings documents read together (with other settings, in one request):
 * the defaults when its document is not among them.
 */
export function rulesIn<R extends { version: number }, I>(kind: RulesKind<R, I>, settings: ReadonlyArray<{ _id: string }>): R {
  return rulesFrom(kind, (settings.find((d) => d._id === kind.name) as { rules: unknown } | undefined) ?? null)
}

function rulesFrom<R extends { version: number }, I>(kind: RulesKind<R, I>, stored: { rules: unknown } | null): R {
  const parsed = stored ? kind.schema.safeParse(stored.rules) : undefined
  return parsed?.success ? parsed.data : kind.defaults
}

/**
 * HQ's change: the next version, in force from now, kept beside every earlier one (the defaults become
 * version 1 there the first time). Two changes at once write the settings document, so they run one
 * after the other and number in turn.
 */
export function setRules<R extends { version: number }, I>(kind: RulesKind<R, I>, admin: string, change: I, now: Date): Promise<Result<R>> {
  return inTransaction(async (tx) => {
    const settings = tx.collection<{ rules: unknown; updatedAt: Date }>('settings').doc(kind.name)
    const versions = tx.collection<RulesVersion<R>>(kind.versions)
    const { data: stored } = await settings.get()
    const current = stored ? kind.schema.parse(stored.rules) : kind.defaults
    if (!stored) await versions.doc(String(current.version)).set({ data: { rules: current, setAt: now, setByOpenid: null } })
    const next = kind.revise(current, change)
    await versions.doc(String(next.version)).set({ data: { rules: next, setAt: now, setByOpenid: admin } })
    await settings.set({ data: { rules: next, updatedAt: now } })
    return ok(next)
  })
}
