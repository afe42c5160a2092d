import type { ZodType, ZodTypeDef } from 'zod'
import { AppError, Result, fail } from '../../src/core/result'
import { Caller, CallSource, currentCaller } from './wx-context'

/** One action of a cloud function: its payload schema, who may call it, and the use case it runs. */
export interface Action<I, O> {
  /** Parses the payload; its output (defaults applied) is what the use case receives. */
  input: ZodType<I, ZodTypeDef, unknown>
  /** Call sources allowed to run this action; mini program users only, unless said otherwise. */
  sources?: CallSource[]
  handle(input: I, caller: Caller): Promise<Result<O>>
}

export const action = <I, O>(definition: Action<I, O>): Action<I, O> => definition

/** The event a client sends: `{ action, payload }`. */
interface Event {
  action?: unknown
  payload?: unknown
}

/**
 * The edge of every cloud function: read the action, check the caller's source, validate the payload
 * (field paths in the error), run the use case, and answer `{ ok, data }` or `{ ok: false, error }`.
 * Anything thrown is a bug: it is logged in full and the caller gets a generic error.
 */
export function defineFunction(name: string, actions: Record<string, Action<any, any>>) {
  return async function main(event: Event): Promise<Result<unknown>> {
    const actionName = typeof event?.action === 'string' ? event.action : ''
    const definition = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined
    if (!definition) return fail('UNKNOWN_ACTION', { action: actionName })
    const caller = currentCaller()
    if (!(definition.sources ?? ['client']).includes(caller.source)) {
      console.warn(`${name}.${actionName}: refused call from source ${caller.source}`)
      return fail('FORBIDDEN_SOURCE')
    }
    const parsed = definition.input.safeParse(event.payload ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      console.warn(`${name}.${actionName}: invalid payload ${JSON.stringify(issues)}`)
      return fail('INVALID_INPUT', { issues })
    }
    try {
      return await definition.handle(parsed.data, caller)
    } catch (error) {
      console.error(`${name}.${actionName} failed:`, error)
      return fail('INTERNAL_ERROR')
    }
  }
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
