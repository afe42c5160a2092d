import { describe, expect, it } from 'vitest'
import { DEFAULT_ORDER_RULES, checkUnpaidLimit, orderRulesInput, reviseOrderRules } from '../../src/core/order-rules'

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
    expect(reviseOrderRules(DEFAULT_ORDER_RULES, { maxUnpaidOrders: 3 })).toEqual({ version: 2, maxUnpaidOrders: 3 })
  })
})
