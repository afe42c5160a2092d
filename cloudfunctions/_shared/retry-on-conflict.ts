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

/**
 * The service ends a transaction when one of its writes conflicts, so the transaction's other writes
 * sent at the same time fail with TransactionNotExist instead — and whichever answer comes first is the
 * one a `Promise.all` reports. A transaction that no longer exists (ended by a conflict, or past its
 * 30 s) committed nothing, so, like a conflict, its work can run again on a fresh snapshot.
 */
export function isTransactionGone(error: unknown): boolean {
  const { message, errMsg } = (error ?? {}) as { message?: unknown; errMsg?: unknown }
  return /TransactionNotExist/.test(`${message ?? ''} ${errMsg ?? ''}`)
}

export interface RetryPolicy {
  /** How long to keep trying, from the first try; well inside a function's timeout. */
  budgetMs: number
  /** The first pause's upper bound; each retry doubles it, up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  sleep: (ms: number) => Promise<void>
  random: () => number
  now: () => number
}

/**
 * A time budget rather than a count: how many tries contention needs depends on how many contend
 * and how loaded the machine is (16 tries with pauses up to 250 ms ran out in a loaded run of
 * test/cloudfunctions/contention.test.ts; 20 up to 500 ms in bench:orders at concurrency 50 on one
 * SKU), while a lone conflict costs a few milliseconds either way. 8 s stays inside the order
 * function's 20 s and leaves the cart's 5 s to its own rare conflicts.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  budgetMs: 8_000,
  baseDelayMs: 5,
  maxDelayMs: 400,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
}

/**
 * Runs `attempt` until it does not fail with a transaction conflict (or the transaction a conflict
 * ended), pausing a random time below a
 * growing bound between tries ("full jitter"), so contenders spread out instead of colliding again
 * in step. Any other failure, or a conflict once the budget is spent, is thrown.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const started = policy.now()
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(isTransactionConflict(error) || isTransactionGone(error)) || policy.now() - started >= policy.budgetMs) throw error
      await policy.sleep(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(tries, 16)))
    }
  }
}
