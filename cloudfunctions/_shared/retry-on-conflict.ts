/**
 * On CloudBase a transaction's write to a document that another open transaction has written, or
 * that changed since the transaction's snapshot, fails at once with DATABASE_TRANSACTION_CONFLICT.
 * wx-server-sdk turns that answer into a plain Error ("document.update:fail -501001 … 
 * [ResourceUnavailable.TransactionConflict] …") without the code, so the service's bracketed tag in
 * the message is what identifies it; a conflict at commit keeps the code.
 */
export function isTransactionConflict(error: unknown): boolean {
  const { code, message, errMsg } = (error ?? {}) as { code?: unknown; message?: unknown; errMsg?: unknown }
  return code === 'DATABASE_TRANSACTION_CONFLICT' || /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(`${message ?? ''} ${errMsg ?? ''}`)
}

export interface RetryPolicy {
  attempts: number
  /** The first pause's upper bound; each retry doubles it, up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  sleep: (ms: number) => Promise<void>
  random: () => number
}

/**
 * Enough for 60 buyers and the expiry job contending for one SKU at the same instant on a loaded
 * machine (test/cloudfunctions/contention.test.ts; 16 tries with pauses up to 250 ms ran out once in
 * a loaded run), while a lone conflict costs a few milliseconds.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 20,
  baseDelayMs: 5,
  maxDelayMs: 500,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
}

/**
 * Runs `attempt` until it does not fail with a transaction conflict, pausing a random time below a
 * growing bound between tries ("full jitter"), so contenders spread out instead of colliding again
 * in step. Any other failure, or the last conflict, is thrown.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      if (tries >= policy.attempts || !isTransactionConflict(error)) throw error
      await policy.sleep(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tries))
    }
  }
}
