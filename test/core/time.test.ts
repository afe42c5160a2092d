import { describe, expect, it } from 'vitest'
import { countdownText } from '../../src/core/time'

describe('待付款 countdown', () => {
  const until = new Date('2026-11-29T12:30:00Z')
  const before = (ms: number) => new Date(until.getTime() - ms)

  it.each([
    ['a whole 30 minutes', 30 * 60_000, '30:00'],
    ['a minute and a bit rounds the second up', 61_500, '1:02'],
    ['the last second', 1, '0:01'],
    ['past an hour shows hours', 3_723_000, '1:02:03'],
  ])('%s', (_name, left, text) => {
    expect(countdownText(until, before(left))).toBe(text)
  })

  it('stops at 0:00 once the time is up, never negative', () => {
    expect(countdownText(until, until)).toBe('0:00')
    expect(countdownText(until, new Date(until.getTime() + 90_000))).toBe('0:00')
  })
})
