import { describe, expect, it } from 'vitest'
import { FORMULA_CELL } from '../../src/core/exports'

describe('cells a spreadsheet would run as a formula are neutralised', () => {
  it.each(['=1+1', '=HYPERLINK("http://evil","点我")', '+86 138', '-1+2', '-A1', '@SUM(A1)', '\t=1', '\r=1'])('%j is', (cell) => {
    expect(FORMULA_CELL.test(cell)).toBe(true)
  })
  it.each(['68.00', '-12.50', '-3', '0', '王芳的小店', 'E1001', '2026-11-29 10:00:00', '', 'a=b'])('%j is left alone', (cell) => {
    expect(FORMULA_CELL.test(cell)).toBe(false)
  })
})
