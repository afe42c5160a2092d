import { describe, expect, it } from 'vitest'
import { addressInput, normalizePhone } from '../../src/core/address'

const address = { name: '林小雨', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路 1 号' }

describe('a mobile number is kept as 11 digits, however it was typed', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086 138-0013-8000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['(+86) 138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['＋８６ １３８　００１３　８０００', '13800138000'],
    ['138\u00a00013\u00a08000', '13800138000'],
    ['138—0013—8000', '13800138000'],
  ])('%j → %s', (typed, kept) => {
    expect(normalizePhone(typed)).toBe(kept)
    expect(addressInput.parse({ ...address, phone: typed }).phone).toBe(kept)
  })

  it.each([
    ['a number that is not a mainland mobile', '12800138000'],
    ['too few digits', '+86 138 0013 800'],
    ['a landline', '0571-8888 6666'],
    ['86 in front of a number that is not one', '8638001380001'],
    ['letters', '138OO138OOO'],
    ['over the length anyone types', `${'1'.repeat(11)}${' '.repeat(10)}`],
  ])('refuses %s', (_, typed) => {
    const parsed = addressInput.safeParse({ ...address, phone: typed })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['ADDRESS_PHONE_INVALID'])
  })
})
