import { describe, expect, it } from 'vitest'
import { checkWithdrawalAmount } from '../../src/core/withdrawal-limits'

const limits = { availableFen: 5000, minFen: 100, dailyMaxFen: 200_000, leftTodayFen: 3000 }

describe('how much a withdrawal may take', () => {
  it.each([
    [100, 'the minimum'],
    [3000, 'all that is left today'],
  ])('%i fen is allowed: %s', (amountFen) => {
    expect(checkWithdrawalAmount(amountFen, limits)).toEqual({ ok: true, data: amountFen })
  })

  it.each([
    [99, 'COMMISSION_WITHDRAW_BELOW_MINIMUM', { minFen: 100 }],
    [100.5, 'COMMISSION_WITHDRAW_BELOW_MINIMUM', { minFen: 100 }],
    [5001, 'COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE', { availableFen: 5000 }],
    [3001, 'COMMISSION_WITHDRAW_DAILY_MAX', { leftTodayFen: 3000, dailyMaxFen: 200_000 }],
  ])('%i fen is refused with %s', (amountFen, code, details) => {
    expect(checkWithdrawalAmount(amountFen, limits)).toMatchObject({ ok: false, error: { code, details } })
  })

  it('an amount above the balance is told so before today’s maximum', () => {
    expect(checkWithdrawalAmount(6000, limits)).toMatchObject({ ok: false, error: { code: 'COMMISSION_WITHDRAW_EXCEEDS_AVAILABLE' } })
  })
})
