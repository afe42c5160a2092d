import { describe, expect, it } from 'vitest'
import { formatFen } from '../../src/core/money'

describe('money display', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [12800, '¥128.00'],
    [6850, '¥68.50'],
    [123456789, '¥1234567.89'],
    [-1990, '-¥19.90'],
  ])('%i fen reads %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })
})
