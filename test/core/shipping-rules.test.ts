import { describe, expect, it } from 'vitest'
import { DEFAULT_SHIPPING_RULES, MAX_FREE_OVER_FEN, MAX_SHIPPING_FEE_FEN, reviseShippingRules, shippingRulesInput } from '../../src/core/shipping-rules'

const problemsOf = (input: unknown) => {
  const parsed = shippingRulesInput.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe("HQ's shipping rule", () => {
  it('is 满 ¥99 包邮, else ¥10, until HQ sets it', () => {
    expect(DEFAULT_SHIPPING_RULES).toEqual({ version: 1, freeOverFen: 9900, feeFen: 1000 })
  })

  it.each([
    ['满 ¥199 包邮, else ¥15', { freeOverFen: 19900, feeFen: 1500 }],
    ['everything ships free', { freeOverFen: 0, feeFen: 0 }],
    ['the largest threshold and fee', { freeOverFen: MAX_FREE_OVER_FEN, feeFen: MAX_SHIPPING_FEE_FEN }],
  ])('accepts %s', (_name, input) => {
    expect(problemsOf(input)).toEqual([])
  })

  it.each([
    ['a negative threshold', { freeOverFen: -1, feeFen: 1000 }, [['freeOverFen', 'SHIPPING_FREE_OVER_INVALID']]],
    ['a negative fee', { freeOverFen: 9900, feeFen: -100 }, [['feeFen', 'SHIPPING_FEE_INVALID']]],
    ['a threshold over ¥100,000', { freeOverFen: MAX_FREE_OVER_FEN + 1, feeFen: 1000 }, [['freeOverFen', 'SHIPPING_FREE_OVER_INVALID']]],
    ['a fee over ¥500 (yuan typed as fen ×100)', { freeOverFen: 9900, feeFen: MAX_SHIPPING_FEE_FEN + 1 }, [['feeFen', 'SHIPPING_FEE_INVALID']]],
    ['a fraction of a fen', { freeOverFen: 9900.5, feeFen: 1000 }, [['freeOverFen', 'SHIPPING_FREE_OVER_INVALID']]],
    ['an amount that is not a number', { freeOverFen: Number.NaN, feeFen: '10' }, [['freeOverFen', 'SHIPPING_FREE_OVER_INVALID'], ['feeFen', 'SHIPPING_FEE_INVALID']]],
  ])('refuses %s, naming the setting', (_name, input, problems) => {
    expect(problemsOf(input)).toEqual(problems)
  })

  it('refuses a setting it does not know, and a version chosen by HQ', () => {
    expect(shippingRulesInput.safeParse({ freeOverFen: 9900, feeFen: 1000, version: 7 }).success).toBe(false)
  })

  it('each change is the next version', () => {
    expect(reviseShippingRules(DEFAULT_SHIPPING_RULES, { freeOverFen: 19900, feeFen: 1500 })).toEqual({ version: 2, freeOverFen: 19900, feeFen: 1500 })
  })
})
