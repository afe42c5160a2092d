import { describe, expect, it } from 'vitest'
import { MAX_RECENT_SEARCHES, cleanHotWords, rememberSearch } from '../../src/core/search-hints'

describe('search hints', () => {
  it('a search goes first among the recent ones, once, trimmed', () => {
    expect(rememberSearch(['普洱', '龙井'], ' 龙井 ')).toEqual(['龙井', '普洱'])
    expect(rememberSearch(['普洱'], '  ')).toEqual(['普洱'])
  })

  it(`keeps the ${MAX_RECENT_SEARCHES} newest searches`, () => {
    const many = Array.from({ length: MAX_RECENT_SEARCHES }, (_, i) => `词${i}`)
    const after = rememberSearch(many, '红茶')
    expect(after).toHaveLength(MAX_RECENT_SEARCHES)
    expect(after[0]).toBe('红茶')
    expect(after).not.toContain(`词${MAX_RECENT_SEARCHES - 1}`)
  })

  it('HQ’s hot words are shown in HQ’s order, without blanks or repeats', () => {
    expect(cleanHotWords([' 龙井', '礼盒', '', '龙井', '普洱 2019'])).toEqual(['龙井', '礼盒', '普洱 2019'])
  })
})
