import type { ZodType, ZodTypeDef } from 'zod'
import { ActionContract, ActionName, AnswerOf, EDGE_ERRORS, FunctionContract, ParsedOf } from '../../src/contracts/contract'
import { AppError, Result, fail, ok } from '../../src/core/result'
import { HqArea, HqRole, mayAct } from '../../src/core/hq'
import { _, db } from './database'
import { hqRoleOf } from './hq-staff'
import { employeeOf } from './roster'
import { Caller, CallSource, currentCaller } from './wx-context'

/** A caller WeChat has identified (the edge checked before the handler runs). */
export type SignedInCaller = Caller & { openid: string }

/**
 * Who may run an action: anyone (the caller may be anonymous), any signed-in caller, a verified
 * employee, or HQ staff whose role covers the action's `area` (see HQ_ROLE_AREAS).
 * Every refusal is the edge's, never the handler's; every HQ action is audited.
 */
export type Access = 'anyone' | 'caller' | 'employee' | 'hq'

type Handle<I, O, C> = (input: I, caller: C, now: Date) => Promise<Result<O>>

/** The document an action changes, read before and after it runs for the audit log. */
export interface Changes<I> {
  collection: string
  id(input: I): string | Promise<string | null>
}

/**
 * The documents a batch action changes (HQ ships twenty orders at once): the named fields of each,
 * read in one query before and one after it runs, so the audit log holds every document's own
 * before and after without holding the whole documents.
 */
export interface BatchChanges<I> {
  collection: string
  ids(input: I): string[]
  fields: string[]
}

/** How an action of a contract is served: who may call it, whether it is audited, and its use case. */
export type Handler<I, O> =
  | { access: 'anyone'; handle: Handle<I, O, Caller> }
  | {
      access: 'caller' | 'employee'
      /** Writes who called, with what, and the outcome (refusals and failures included) to `audit_logs`. */
      audited?: boolean
      handle: Handle<I, O, SignedInCaller>
    }
  | {
      access: 'hq'
      /** What the action is about: the caller's HQ role must cover it. */
      area: HqArea
      /** The document the action changes, so its audit entry holds it before and after. */
      changes?: Changes<I>
      /** Or the documents a batch changes, each before and after in the audit entry. */
      batchChanges?: BatchChanges<I>
      handle: Handle<I, O, SignedInCaller>
    }

export type Handlers<C extends FunctionContract> = { [K in ActionName<C>]: Handler<ParsedOf<C, K>, AnswerOf<C, K>> }

export interface FunctionOptions {
  /**
   * Audit every call of the function — an unknown action, a call from elsewhere, an invalid payload,
   * a refusal — not only the served ones: HQ's function, where every call of an admin is on record.
   */
  auditEveryCall?: boolean
}

/** The event a client sends: `{ action, payload }`. */
interface Event {
  action?: unknown
  payload?: unknown
}

/** What the audit log keeps of a call besides who, what and when. */
interface Served {
  outcome: Result<unknown>
  /** The caller's HQ role when the action needed one; null: none. */
  hqRole?: HqRole | null
  change?: Change
  changes?: Change[]
}

interface Change {
  collection: string
  id: string
  before: unknown
  after: unknown
}

/**
 * The edge of every cloud function the mini program calls: read the action, accept only calls from
 * the mini program, validate the payload with the contract's schema (field paths in the error), check
 * who is calling, run the use case, audit it if asked, and answer `{ ok, data }` or `{ ok: false, error }`.
 * Anything thrown is a bug: it is logged in full and the caller gets INTERNAL_ERROR.
 */
export function defineFunction<C extends FunctionContract>(contract: C, handlers: Handlers<C>, options: FunctionOptions = {}) {
  const { name } = contract
  return async function main(event: Event): Promise<Result<unknown>> {
    const actionName = typeof event?.action === 'string' ? event.action : ''
    const caller = currentCaller()
    const now = new Date()
    const known = Object.prototype.hasOwnProperty.call(handlers, actionName)
    const handler: Handler<unknown, unknown> | undefined = known ? handlers[actionName as ActionName<C>] : undefined
    let served: Served
    try {
      served = await check(`${name}.${actionName}`, handler, known ? contract.actions[actionName] : undefined, event, caller, now)
    } catch (error) {
      console.error(`${name}.${actionName} failed:`, error)
      served = { outcome: fail('INTERNAL_ERROR') }
    }
    const { outcome } = served
    if (!outcome.ok && known && ![...contract.actions[actionName].errors, ...EDGE_ERRORS].includes(outcome.error.code)) {
      console.error(`${name}.${actionName} answered ${outcome.error.code}, which its contract does not declare`)
    }
    const audited = options.auditEveryCall || (handler && handler.access !== 'anyone' && (handler.access === 'hq' || handler.audited))
    if (audited) await writeAudit(`${name}.${actionName}`, caller, event?.payload, served, now)
    return outcome
  }
}

/**
 * Everything the edge checks, in order — the action, where the call comes from, who is calling, the
 * payload — then the use case. Who comes before what: a caller without the role learns nothing of the
 * payload's rules.
 */
async function check(label: string, handler: Handler<unknown, unknown> | undefined, declared: ActionContract | undefined, event: Event, caller: Caller, now: Date): Promise<Served> {
  if (!handler || !declared) return { outcome: fail('UNKNOWN_ACTION', { action: label.split('.')[1] }) }
  if (caller.source !== 'client') {
    console.warn(`${label}: refused call from source ${caller.source}`)
    return { outcome: fail('FORBIDDEN_SOURCE') }
  }
  const parse = (): Result<unknown> => {
    const parsed = declared.input.safeParse(event.payload ?? {})
    if (parsed.success) return ok(parsed.data)
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    console.warn(`${label}: invalid payload ${JSON.stringify(issues)}`)
    return fail('INVALID_INPUT', { issues })
  }
  if (handler.access === 'anyone') {
    const input = parse()
    return { outcome: input.ok ? await handler.handle(input.data, caller, now) : input }
  }
  if (!caller.openid) return { outcome: fail('AUTH_REQUIRED') }
  const signedIn = { ...caller, openid: caller.openid }
  if (handler.access !== 'hq') {
    // An employee is whoever HQ's roster says verified with this account and is still active.
    if (handler.access === 'employee' && !(await employeeOf(signedIn.openid))) return { outcome: fail('EMPLOYEE_REQUIRED') }
    const input = parse()
    return { outcome: input.ok ? await handler.handle(input.data, signedIn, now) : input }
  }
  const hqRole = await hqRoleOf(signedIn.openid, now)
  if (!hqRole || !mayAct(hqRole, handler.area)) return { outcome: fail('HQ_FORBIDDEN'), hqRole }
  const input = parse()
  if (!input.ok) return { outcome: input, hqRole }
  if (handler.batchChanges) {
    const { collection, fields } = handler.batchChanges
    const ids = handler.batchChanges.ids(input.data)
    const before = await readFields(collection, ids, fields)
    const outcome = await handler.handle(input.data, signedIn, now)
    const after = outcome.ok ? await readFields(collection, ids, fields) : before
    return { outcome, hqRole, changes: ids.map((id) => ({ collection, id, before: before.get(id) ?? null, after: after.get(id) ?? null })) }
  }
  if (!handler.changes) return { outcome: await handler.handle(input.data, signedIn, now), hqRole }
  const { collection } = handler.changes
  const id = await handler.changes.id(input.data)
  const before = id ? await readDocument(collection, id) : null
  const outcome = await handler.handle(input.data, signedIn, now)
  const after = id && outcome.ok ? await readDocument(collection, id) : before
  return { outcome, hqRole, ...(id ? { change: { collection, id, before, after } } : {}) }
}

/**
 * Read outside the action's transaction: `before` is the document as the call found it and `after` as
 * it left it, unless someone else changed it in between — the audit log is a record, not a ledger.
 */
async function readDocument(collection: string, id: string): Promise<unknown> {
  return (await db.collection(collection).doc(id).get()).data
}

/** The named fields of each document (by id) in one query; a document that does not exist is absent. */
async function readFields(collection: string, ids: string[], fields: string[]): Promise<Map<string, unknown>> {
  const projection = Object.fromEntries(fields.map((field) => [field, true]))
  const { data } = await db
    .collection<{ _id: string }>(collection)
    .where({ _id: _.in(ids) })
    .field(projection)
    .limit(ids.length)
    .get()
  return new Map(data.map((document) => [document._id, document]))
}

function writeAudit(action: string, caller: Caller, payload: unknown, served: Served, at: Date) {
  const { outcome, hqRole, change, changes } = served
  return db.collection('audit_logs').add({
    data: {
      actorOpenid: caller.openid ?? null,
      ...(hqRole !== undefined ? { actorRole: hqRole } : {}),
      source: caller.source,
      action,
      payload: payload ?? {},
      ...(outcome.ok ? { ok: true } : { ok: false, error: outcome.error.code }),
      ...(change ? { change } : {}),
      ...(changes ? { changes } : {}),
      at,
    },
  })
}

/**
 * The edge of a function that WeChat itself calls with its own event shape (payment notifications,
 * timer triggers) instead of `{ action, payload }`: only the named sources may run it, the event is
 * validated, anything thrown is logged and answered with `onError`.
 */
export function defineEventHandler<E, O>(
  name: string,
  definition: { sources: CallSource[]; input: ZodType<E, ZodTypeDef, unknown>; handle(event: E, caller: Caller): Promise<O>; refused: O },
) {
  return async function main(event: unknown): Promise<O> {
    const caller = currentCaller()
    if (!definition.sources.includes(caller.source)) {
      console.warn(`${name}: refused a call from source ${caller.source}`)
      return definition.refused
    }
    const parsed = definition.input.safeParse(event)
    if (!parsed.success) {
      console.error(`${name}: unexpected event ${JSON.stringify(parsed.error.issues)}`)
      return definition.refused
    }
    try {
      return await definition.handle(parsed.data, caller)
    } catch (error) {
      console.error(`${name} failed:`, error)
      return definition.refused
    }
  }
}

export type { AppError }
