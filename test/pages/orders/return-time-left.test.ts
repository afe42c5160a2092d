import { describe, expect, it } from 'vitest'
import { returnTimeLeftText } from '../../../src/package-orders/pages/detail/return-time-left'

describe('the time a buyer has left to send a return back', () => {
  const dueAt = new Date('2026-12-07T02:00:00Z')
  const before = (ms: number) => new Date(dueAt.getTime() - ms)
  it.each([
    [7 * 86_400_000 - 5_000, '还剩 6 天 23 小时'],
    [86_400_000, '还剩 1 天 0 小时'],
    [86_400_000 - 60_000, '还剩 23 小时 59 分'],
    [60_000, '还剩 0 小时 1 分'],
    [59_000, '还剩不到 1 分钟'],
    [1, '还剩不到 1 分钟'],
    [0, '已到期'],
    [-1_000, '已到期'],
  ])('%i ms before the deadline: %s', (ms, text) => {
    expect(returnTimeLeftText(dueAt, before(ms))).toBe(text)
  })
})
