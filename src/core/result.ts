/**
 * Expected failures are values, not exceptions: every use case returns a Result, and every cloud
 * function answers with one. Codes are SCREAMING_SNAKE scoped by domain (CATALOG_PRODUCT_NOT_FOUND);
 * the message is Chinese, for the person using the shop.
 */
export interface AppError {
  code: string
  message: string
  /** Context for the caller, such as the field that failed validation. */
  details?: Record<string, unknown>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

export const fail = (code: string, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
})
