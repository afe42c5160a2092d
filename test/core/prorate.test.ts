import { describe, expect, it } from 'vitest'
import { prorate } from '../../src/core/money'

describe('prorate: splitting an amount over lines in whole fen', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [6800, 12800, 500], [338, 637, 25]],
    [1, [5, 5], [1, 0]],
    [0, [3, 4], [0, 0]],
    [500, [0, 0], [250, 250]],
    [7, [1], [7]],
  ])('%i over %j is %j', (total, weights, parts) => {
    expect(prorate(total, weights)).toEqual(parts)
  })

  it('the parts always add up to the total and each is within one fen of its exact share', () => {
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 500; round++) {
      // Some rounds have zero weights among them, as a free gift line would.
      const weights = Array.from({ length: 1 + Math.floor(random() * 8) }, () => (random() < 0.2 ? 0 : Math.floor(random() * 50000)))
      const total = Math.floor(random() * 100000)
      const parts = prorate(total, weights)
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      // All-zero weights split evenly.
      const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights
      const sum = effective.reduce((a, b) => a + b, 0)
      parts.forEach((part, i) => {
        const share = (total * effective[i]) / sum
        expect(Math.abs(part - share)).toBeLessThan(1)
        expect(Number.isInteger(part)).toBe(true)
      })
    }
  })
})
