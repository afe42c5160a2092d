import { describe, expect, it } from 'vitest'
import { toPinyin } from '../../cloudfunctions/_shared/pinyin'
import { SearchableProduct, searchTermsFor, searchTermsOf } from '../../src/core/search-terms'

/** The matching rule as the index applies it: every term of the keyword is among the product's. */
function matches(product: SearchableProduct, keyword: string): boolean {
  const terms = new Set(searchTermsOf(product, toPinyin))
  const wanted = searchTermsFor(keyword)
  return wanted !== null && wanted.every((t) => terms.has(t))
}

describe('search terms', () => {
  const longjing: SearchableProduct = {
    title: '西湖龙井 明前特级',
    subtitle: '狮峰山核心产区',
    tags: ['Gift'],
    specDimensions: [
      { name: '规格', values: ['50g', '250g'] },
      { name: '包装', values: ['罐装', '礼盒'] },
    ],
    categoryName: '绿茶',
  }
  const qimen: SearchableProduct = { ...longjing, title: '祁门红茶 香螺特级', subtitle: '', tags: [], categoryName: '红茶' }
  const puer: SearchableProduct = {
    title: '云岭古树 普洱生茶饼 2019',
    subtitle: '',
    tags: [],
    specDimensions: [{ name: '包装', values: ['棉纸', '木盒'] }],
    categoryName: '普洱',
  }

  it.each([
    ['a piece of the title', '龙井'],
    ['the title across its space', '龙井明前'],
    ['a piece of the subtitle', '狮峰山'],
    ['a tag, whatever its case', 'gift'],
    ['the category', '绿茶'],
    ['a spec value', '礼盒'],
    ['a spec value with digits', '250g'],
    ['the full pinyin of a word of the title', 'longjing'],
    ['the pinyin of the title across its space', 'longjingmingqian'],
    ['pinyin in capitals', 'LongJing'],
    ['the initials of a word of the title', 'lj'],
    ['the initials of the whole title', 'xhljmqtj'],
    ['the pinyin of a spec value', 'lihe'],
    ['the pinyin of the category', 'lvcha'],
  ])('a product is found by %s (%s)', (_rule, keyword) => {
    expect(matches(longjing, keyword)).toBe(true)
  })

  it('several words match only a product that has every one of them, in any order', () => {
    expect(matches(qimen, '红茶 礼盒')).toBe(true)
    expect(matches(qimen, '礼盒 红茶')).toBe(true)
    expect(matches(longjing, '红茶 礼盒')).toBe(false)
    expect(matches(puer, '普洱 2019')).toBe(true)
    expect(matches(puer, '普洱 2021')).toBe(false)
    expect(matches(puer, '棉纸')).toBe(true)
    expect(matches(puer, 'puer 棉纸')).toBe(true)
  })

  it('a polyphone is read as its word says', () => {
    const product = { ...puer, title: '银行定制 茶礼', specDimensions: [] }
    expect(matches(product, 'yinhang')).toBe(true)
    expect(matches(product, 'yinxing')).toBe(false)
  })

  it('a word longer than four characters must match all of its four-character pieces', () => {
    expect(searchTermsFor('西湖龙井明前')).toEqual(['西湖龙井', '湖龙井明', '龙井明前'])
    expect(matches(longjing, '西湖龙井明前')).toBe(true)
    expect(matches(longjing, '西湖龙井普洱')).toBe(false)
  })

  it('a keyword of only spaces and punctuation searches for nothing', () => {
    expect(searchTermsFor(' ，。 ')).toBeNull()
    expect(searchTermsFor('')).toBeNull()
  })

  it('a word repeated asks for its terms once', () => {
    expect(searchTermsFor('龙井  龙井')).toEqual(['龙井'])
  })
})
