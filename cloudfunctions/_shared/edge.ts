import type { ZodType, ZodTypeDef } from 'zod'
import { ActionContract, ActionName, AnswerOf, EDGE_ERRORS, FunctionContract, ParsedOf } from '../../src/contracts/contract'
import { AppError, Result, fail } from '../../src/core/result'
import type { Role } from '../../src/core/user'
import { db } from './database'
import { employeeOf } from './roster'
import { findUser } from './users'
import { Caller, CallSource, currentCaller } from './wx-context'

/** A caller WeChat has identified (the edge checked before the handler runs). */
export type SignedInCaller = Caller & { openid: string }

/**
 * Who may run an action: anyone (the caller may be anonymous), any signed-in caller, or callers HQ
 * gave this role. Every refusal is the edge's, never the handler's.
 */
export type Access = 'anyone' | 'caller' | StaffRole

type StaffRole = Exclude<Role, 'consumer'>

/** What a caller without the role is told. */
const REFUSED: Record<StaffRole, 'EMPLOYEE_REQUIRED' | 'HQ_FORBIDDEN'> = { employee: 'EMPLOYEE_REQUIRED', hq_admin: 'HQ_FORBIDDEN' }

type Handle<I, O, C> = (input: I, caller: C, now: Date) => Promise<Result<O>>

/** How an action of a contract is served: who may call it, whether it is audited, and its use case. */
export type Handler<I, O> =
  | { access: 'anyone'; handle: Handle<I, O, Caller> }
  | {
      access: Exclude<Access, 'anyone'>
      /** Writes who called, with what, and the outcome (refusals and failures included) to `audit_logs`. */
      audited?: boolean
      handle: Handle<I, O, SignedInCaller>
    }

export type Handlers<C extends FunctionContract> = { [K in ActionName<C>]: Handler<ParsedOf<C, K>, AnswerOf<C, K>> }

/** The event a client sends: `{ action, payload }`. */
interface Event {
  action?: unknown
  payload?: unknown
}

/**
 * The edge of every cloud function the mini program calls: read the action, accept only calls from
 * the mini program, validate the payload with the contract's schema (field paths in the error), check
 * who is calling, run the use case, audit it if asked, and answer `{ ok, data }` or `{ ok: false, error }`.
 * Anything thrown is a bug: it is logged in full and the caller gets INTERNAL_ERROR.
 */
export function defineFunction<C extends FunctionContract>(contract: C, handlers: Handlers<C>) {
  const { name } = contract
  return async function main(event: Event): Promise<Result<unknown>> {
    const actionName = typeof event?.action === 'string' ? event.action : ''
    if (!Object.prototype.hasOwnProperty.call(handlers, actionName)) return fail('UNKNOWN_ACTION', { action: actionName })
    const handler: Handler<unknown, unknown> = handlers[actionName as ActionName<C>]
    const declared: ActionContract = contract.actions[actionName]
    const caller = currentCaller()
    if (caller.source !== 'client') {
      console.warn(`${name}.${actionName}: refused call from source ${caller.source}`)
      return fail('FORBIDDEN_SOURCE')
    }
    const parsed = declared.input.safeParse(event.payload ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      console.warn(`${name}.${actionName}: invalid payload ${JSON.stringify(issues)}`)
      return fail('INVALID_INPUT', { issues })
    }
    const now = new Date()
    const audit = handler.access !== 'anyone' && handler.audited ? auditLog(`${name}.${actionName}`, caller, event.payload, now) : undefined
    let outcome: Result<unknown>
    try {
      outcome = await serve(handler, parsed.data, caller, now)
    } catch (error) {
      console.error(`${name}.${actionName} failed:`, error)
      outcome = fail('INTERNAL_ERROR')
    }
    if (!outcome.ok && ![...declared.errors, ...EDGE_ERRORS].includes(outcome.error.code)) {
      console.error(`${name}.${actionName} answered ${outcome.error.code}, which its contract does not declare`)
    }
    await audit?.(outcome)
    return outcome
  }
}

async function serve(handler: Handler<unknown, unknown>, input: unknown, caller: Caller, now: Date): Promise<Result<unknown>> {
  if (handler.access === 'anyone') return handler.handle(input, caller, now)
  if (!caller.openid) return fail('AUTH_REQUIRED')
  const signedIn = { ...caller, openid: caller.openid }
  if (handler.access !== 'caller' && !(await hasRole(signedIn.openid, handler.access))) return fail(REFUSED[handler.access])
  return handler.handle(input, signedIn, now)
}

/**
 * An employee is whoever HQ's roster says verified with this account and is still active (an HQ admin
 * may be one too); an HQ admin is whoever HQ made one.
 */
async function hasRole(openid: string, role: StaffRole): Promise<boolean> {
  if (role === 'employee') return (await employeeOf(openid)) !== null
  return (await findUser(openid))?.role === role
}

function auditLog(action: string, caller: Caller, payload: unknown, at: Date) {
  return (outcome: Result<unknown>) =>
    db.collection('audit_logs').add({
      data: { actorOpenid: caller.openid ?? null, action, payload: payload ?? {}, ...(outcome.ok ? { ok: true } : { ok: false, error: outcome.error.code }), at },
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
