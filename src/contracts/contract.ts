import type { z } from 'zod'
import type { ErrorCode } from '../core/errors'

/**
 * What the mini program and a cloud function agree on, in one place both import: for each action,
 * the payload schema (the function validates with it; the client's payload type comes from it), the
 * answer's type, and the codes it can fail with besides the ones every action can (EDGE_ERRORS).
 * A call with a wrong action, payload or answer shape is a type error on either side.
 */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown, E extends ErrorCode = ErrorCode> {
  input: I
  /** Carries the answer's type; never read at run time. */
  output: O
  errors: readonly E[]
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>, N extends string = string> {
  /** The cloud function's name, as deployed. */
  name: N
  actions: A
}

/**
 * What the mini program holds of a contract: the function's name, with the contract's types but none
 * of its code — the schemas stay out of the main package, which WeChat caps at 2 MB and we at 600 KB.
 */
export interface FunctionRef<C extends FunctionContract> {
  name: C['name']
  /** Carries the contract's type; never set. */
  readonly contract?: C
}

export const functionRef = <C extends FunctionContract>(name: C['name']): FunctionRef<C> => ({ name })

/** Stands for the answer's type in a contract (`output: returns<OrderView>()`). */
export const returns = <T>(): T => undefined as T

export const action = <I extends z.ZodTypeAny, O, E extends ErrorCode = never>(spec: { input: I; output: O; errors?: readonly E[] }): ActionContract<I, O, E> => ({
  input: spec.input,
  output: spec.output,
  errors: spec.errors ?? [],
})

export const defineContract = <N extends string, A extends Record<string, ActionContract>>(name: N, actions: A): FunctionContract<A, N> => ({ name, actions })

/** Failures any action can answer with: its edge refusing the call, or a bug. */
export const EDGE_ERRORS = ['AUTH_REQUIRED', 'FORBIDDEN_SOURCE', 'INTERNAL_ERROR', 'INVALID_INPUT', 'UNKNOWN_ACTION', 'HQ_FORBIDDEN'] as const

export type ActionName<C extends FunctionContract> = keyof C['actions'] & string
/** The payload a caller sends (optional fields may be left out; defaults apply on the server). */
export type PayloadOf<C extends FunctionContract, K extends ActionName<C>> = z.input<C['actions'][K]['input']>
/** The payload as the handler receives it, parsed and with defaults applied. */
export type ParsedOf<C extends FunctionContract, K extends ActionName<C>> = z.output<C['actions'][K]['input']>
export type AnswerOf<C extends FunctionContract, K extends ActionName<C>> = C['actions'][K]['output']
export type ErrorOf<C extends FunctionContract, K extends ActionName<C>> = C['actions'][K]['errors'][number] | (typeof EDGE_ERRORS)[number]
