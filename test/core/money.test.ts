import { describe, expect, it } from 'vitest'
import { formatFen, formatFenShort, hundredthsText, parseHundredths } from '../../src/core/money'

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

  it.each([
    [9900, '¥99'],
    [6850, '¥68.50'],
    [5, '¥0.05'],
  ])('in a sentence, %i fen reads %s', (fen, text) => {
    expect(formatFenShort(fen)).toBe(text)
  })
})

describe('amounts and rates as people type them', () => {
  it.each([
    ['12.5', 1250],
    ['12.50', 1250],
    ['0', 0],
    [' 3 ', 300],
    ['0.01', 1],
    ['12.345', Number.NaN],
    ['-1', Number.NaN],
    ['1e3', Number.NaN],
    ['', Number.NaN],
  ])('%j is %d hundredths', (text, expected) => {
    expect(parseHundredths(text)).toBe(expected)
  })

  it('reads back what it shows', () => {
    for (const value of [0, 1, 99, 1250, 100_000]) expect(parseHundredths(hundredthsText(value))).toBe(value)
  })
})
