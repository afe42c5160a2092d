import type { ActionName, AnswerOf, FunctionContract, FunctionRef, PayloadOf } from '../contracts/contract'
import type { Result } from '../core/result'
import type { ErrorCode } from '../core/errors'
import { errorText, type ClientErrorCode } from '../i18n/zh-CN'

/**
 * The only way the app reaches cloud functions, typed by their contracts: the action must exist, the
 * payload must fit its schema, and the answer has the contract's type. Resolves with the function's
 * `data`, or rejects with a CloudError and nothing else, so callers need one catch shape. Built per
 * platform by cloud-client.
 */
export interface CloudClient {
  call<C extends FunctionContract, K extends ActionName<C>>(fn: FunctionRef<C>, action: K, payload: PayloadOf<C, K>): Promise<AnswerOf<C, K>>
}

/** Who the H5 build acts as. In WeChat the platform itself tells functions who the caller is. */
export interface PersonaSource {
  readonly personaKey: string | null
}

export type CloudClientFactory = (personas: PersonaSource | null) => CloudClient

/** A failure as the app shows it: the code and its context, and the words for them as `message`. */
export class CloudError extends Error {
  /** A code of the core's list or the client's own; a newer server may send one this build does not know. */
  readonly code: ErrorCode | ClientErrorCode
  readonly details: Record<string, unknown>

  constructor(code: ErrorCode | ClientErrorCode, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(errorText(code, details), options)
    this.name = 'CloudError'
    this.code = code
    this.details = details
  }
}

/** Every Everyshop cloud function answers with a Result. */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return 'data' in value
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null
    && 'code' in value.error && typeof value.error.code === 'string'
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/**
 * Instants cross the wire as ISO text (JSON has no dates). Fields named for an instant — `…At`, or
 * `at` — become Dates again here, once, so the core's types hold on the client as on the server.
 */
export function reviveInstants(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return (key === 'at' || key.endsWith('At')) && ISO_INSTANT.test(value) ? new Date(value) : value
  if (Array.isArray(value)) return value.map((item) => reviveInstants(item))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveInstants(v, k)]))
  }
  return value
}

/** Turns a function's answer into its data or a CloudError; an answer of another shape is a server bug. */
export function unwrapFunctionResult<T>(result: unknown): T {
  if (!isResult(result)) {
    throw new CloudError('INVALID_RESPONSE', {}, { cause: result })
  }
  if (result.ok) return reviveInstants(result.data) as T
  throw new CloudError(result.error.code, result.error.details)
}

/** Stores show any failure the same way; a non-CloudError here is a client bug, kept as the cause. */
export function toCloudError(error: unknown): CloudError {
  return error instanceof CloudError ? error : new CloudError('UNEXPECTED_ERROR', {}, { cause: error })
}
