import { describe, expect, it } from 'vitest'
import { DEFAULT_RETURN_RULES, returnRules, returnRulesInput, reviseReturnRules } from '../../src/core/return-rules'

const warehouse = { name: '王仓管', phone: '13800138000', province: '云南省', city: '昆明市', district: '官渡区', detail: '茶城路 8 号' }

describe('return rules (退货地址 and the days to send goods back)', () => {
  it('no address and 7 days until HQ sets them', () => {
    expect(DEFAULT_RETURN_RULES).toEqual({ version: 1, returnDays: 7, address: null })
    expect(returnRulesInput.parse({})).toEqual({ returnDays: 7, address: null })
  })

  it('HQ may give 1 to 30 whole days', () => {
    for (const returnDays of [1, 30]) expect(returnRulesInput.safeParse({ returnDays, address: warehouse }).success).toBe(true)
    for (const returnDays of [0, 31, 2.5]) expect(returnRulesInput.safeParse({ returnDays, address: warehouse }).success).toBe(false)
  })

  it('the address is checked as a delivery address is: a receiver, a mobile number (normalised), a region and a street', () => {
    expect(returnRulesInput.parse({ address: { ...warehouse, phone: '+86 138 0013 8000' } }).address!.phone).toBe('13800138000')
    const problems = (address: object) => {
      const parsed = returnRulesInput.safeParse({ address })
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
    }
    expect(problems({ ...warehouse, name: ' ' })).toEqual(['address.name:ADDRESS_NAME_MISSING'])
    expect(problems({ ...warehouse, phone: '0871-1234567' })).toEqual(['address.phone:ADDRESS_PHONE_INVALID'])
    expect(problems({ ...warehouse, detail: '' })).toEqual(['address.detail:ADDRESS_DETAIL_MISSING'])
    expect(problems({ ...warehouse, isDefault: true })).toHaveLength(1)
  })

  it('each change is the next version, and the stored rules read back through the same schema', () => {
    const next = reviseReturnRules(DEFAULT_RETURN_RULES, { returnDays: 10, address: warehouse })
    expect(next).toEqual({ version: 2, returnDays: 10, address: warehouse })
    expect(returnRules.parse(next)).toEqual(next)
    expect(returnRules.safeParse({ ...next, other: 1 }).success).toBe(false)
  })
})
