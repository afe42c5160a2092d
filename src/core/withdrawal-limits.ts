import { Result, fail, ok } from './result'

/** What a withdrawal may take right now: the available balance, HQ's minimum and what is left of HQ's daily maximum. */
export interface WithdrawalLimits {
  availableFen: number
  minFen: number
  dailyMaxFen: number
  leftTodayFen: number
}

/**
 * Whether `amountFen` may be withdrawn under `limits`, refused with the first reason in this order:
 * below the minimum, above the available balance, past today's maximum. The server decides on its
 * account document; the form asks the same question of the balances it shows, so the words match.
 */
export function checkWithdrawalAmount(amountFen: number, limits: WithdrawalLimits): Result<number> {
  if (!Number.isInteger(amountFen) || amountFen < limits.minFen) return fail('COMMISSION_WITHDRAW_BELOW_MINIMUM', { amountFen, minFen: limits.minFen })
  if (amountFen > limits.availableFen) return fail('COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE', { amountFen, availableFen: limits.availableFen })
  if (amountFen > limits.leftTodayFen) {
    return fail('COMMISSION_WITHDRAW_DAILY_MAX', { amountFen, leftTodayFen: limits.leftTodayFen, dailyMaxFen: limits.dailyMaxFen })
  }
  return ok(amountFen)
}
