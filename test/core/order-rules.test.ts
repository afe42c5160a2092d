import { describe, expect, it } from 'vitest'
import { DEFAULT_ORDER_RULES, checkUnpaidLimit, orderRules, orderRulesInput, reviseOrderRules, unpaidOrderExpiry } from '../../src/core/order-rules'

describe('order rules', () => {
  it.each([
    [0, 5, true],
    [4, 5, true],
    [5, 5, false],
    [7, 5, false],
    [0, 1, true],
    [1, 1, false],
  ])('a buyer with %i unpaid orders, limit %i: may place another = %s', (unpaid, maxUnpaidOrders, allowed) => {
    const checked = checkUnpaidLimit(unpaid, { maxUnpaidOrders })
    expect(checked.ok).toBe(allowed)
    if (!checked.ok) expect(checked.error).toEqual({ code: 'ORDER_UNPAID_LIMIT', details: { max: maxUnpaidOrders } })
  })

  it('five unpaid orders by default; HQ may choose 1 to 50, and each change is the next version', () => {
    expect(DEFAULT_ORDER_RULES.maxUnpaidOrders).toBe(5)
    expect(orderRulesInput.safeParse({ maxUnpaidOrders: 0 }).success).toBe(false)
    expect(orderRulesInput.safeParse({ maxUnpaidOrders: 51 }).success).toBe(false)
    expect(orderRulesInput.safeParse({ maxUnpaidOrders: 2.5 }).success).toBe(false)
    expect(orderRulesInput.safeParse({ maxUnpaidOrders: 3, other: 1 }).success).toBe(false)
    expect(reviseOrderRules(DEFAULT_ORDER_RULES, orderRulesInput.parse({ maxUnpaidOrders: 3 }))).toEqual({ version: 2, maxUnpaidOrders: 3, unpaidOrderMinutes: 30 })
  })

  it('an unpaid order expires after 30 minutes by default; HQ may choose 5 minutes to one day', () => {
    expect(DEFAULT_ORDER_RULES.unpaidOrderMinutes).toBe(30)
    const problem = (input: unknown) => {
      const parsed = orderRulesInput.safeParse(input)
      return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join('.'), i.message])
    }
    expect(problem({ unpaidOrderMinutes: 5 })).toBeNull()
    expect(problem({ unpaidOrderMinutes: 1440 })).toBeNull()
    expect(problem({ unpaidOrderMinutes: 4 })).toEqual([['unpaidOrderMinutes', 'ORDER_UNPAID_MINUTES_INVALID']])
    expect(problem({ unpaidOrderMinutes: -30 })).toEqual([['unpaidOrderMinutes', 'ORDER_UNPAID_MINUTES_INVALID']])
    expect(problem({ unpaidOrderMinutes: 1441 })).toEqual([['unpaidOrderMinutes', 'ORDER_UNPAID_MINUTES_INVALID']])
    expect(problem({ unpaidOrderMinutes: 12.5 })).toEqual([['unpaidOrderMinutes', 'ORDER_UNPAID_MINUTES_INVALID']])
    expect(problem({ maxUnpaidOrders: 0 })).toEqual([['maxUnpaidOrders', 'ORDER_MAX_UNPAID_INVALID']])
  })

  it('rules stored before the timeout was a setting read back with the 30 minutes then in force', () => {
    expect(orderRules.parse({ version: 2, maxUnpaidOrders: 3 })).toEqual({ version: 2, maxUnpaidOrders: 3, unpaidOrderMinutes: 30 })
  })

  it("an order expires its rules' minutes after it was placed", () => {
    const placedAt = new Date('2026-11-30T01:50:00Z')
    expect(unpaidOrderExpiry(placedAt, { unpaidOrderMinutes: 15 })).toEqual(new Date('2026-11-30T02:05:00Z'))
  })
})
