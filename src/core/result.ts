import type { ErrorCode } from './errors'

/**
 * Expected failures are values, not exceptions: every use case returns a Result, and every cloud
 * function answers with one. A failure is a code (see ERROR_CODES) with the context a reader needs
 * (which product, how many are left); the client turns it into words.
 */
export interface AppError {
  code: ErrorCode
  /** Context for the caller, such as the field that failed validation or the product that ran out. */
  details?: Record<string, unknown>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

export const fail = (code: ErrorCode, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, details } : { code },
})
