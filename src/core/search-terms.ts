import type { Product } from './catalog'

/**
 * Keyword search over the catalog without a scan. Each product stores `searchTerms`: every piece of one
 * to SEARCH_GRAM characters of what a shopper may type for it — its title, subtitle, tags, spec values
 * and category, and the pinyin (full and initials) of its title, category and spec values. A multikey
 * index on that array serves a search as `searchTerms: $all [the keyword's terms]`, and works for
 * Chinese, which has no spaces to split words on.
 *
 * The matching rule: a keyword is split into words at spaces; a word matches when all its pieces of
 * SEARCH_GRAM characters (or the word itself, when shorter) are among the product's terms; a product
 * matches when every word does. So "红茶 礼盒" finds a black tea sold in a gift box, and "lj" finds 龙井.
 *
 * Whatever writes a product (the demo seed, HQ's product editing) stores
 * `searchTerms: searchTermsOf({ ...product, categoryName }, toPinyin)` with toPinyin from
 * cloudfunctions/_shared/pinyin.ts, and a function doing so lists `pinyin-pro` in its package.json.
 */

/** Longest search term kept per product; longer words match through all their pieces of this length. */
export const SEARCH_GRAM = 4

/**
 * The pinyin of a run of Chinese characters, one toneless syllable per character (ü written v, as
 * shoppers type it). A port: the library that knows the readings is the caller's (see
 * cloudfunctions/_shared/pinyin.ts), so the core stays free of a large dictionary.
 */
export type ToPinyin = (hanRun: string) => string[]

/** What a product's terms are built from: the product as HQ writes it, and its category's name. */
export type SearchableProduct = Pick<Product, 'title' | 'subtitle' | 'tags' | 'specDimensions'> & { categoryName: string }

const SEPARATORS = /[\s·,，。、!！?？:：;；"'“”‘’()（）【】[\]]+/g
const HAN_RUN = /\p{Script=Han}+/gu

function normalize(text: string): string {
  return text.toLowerCase().replace(SEPARATORS, '')
}

function grams(text: string, size: number): string[] {
  const chars = [...text]
  const out: string[] = []
  for (let i = 0; i + size <= chars.length; i++) out.push(chars.slice(i, i + size).join(''))
  return out
}

/** The pinyin a shopper may type for a text's Chinese: full ('longjing') and initials ('lj'), per run of Chinese (spaces ignored). */
function pinyinOf(text: string, toPinyin: ToPinyin): string[] {
  return [...normalize(text).matchAll(HAN_RUN)].flatMap(([run]) => {
    const syllables = toPinyin(run).map((s) => s.toLowerCase())
    return [syllables.join(''), syllables.map((s) => s[0] ?? '').join('')]
  })
}

/** The product's search terms, to store on it whenever its title, subtitle, tags, specs or category change. */
export function searchTermsOf(product: SearchableProduct, toPinyin: ToPinyin): string[] {
  const specValues = product.specDimensions.flatMap((d) => d.values)
  const spoken = [product.title, product.categoryName, ...specValues].flatMap((text) => pinyinOf(text, toPinyin))
  const terms = new Set<string>()
  for (const field of [product.title, product.subtitle, product.categoryName, ...product.tags, ...specValues, ...spoken]) {
    const text = normalize(field)
    for (let size = 1; size <= SEARCH_GRAM; size++) for (const gram of grams(text, size)) terms.add(gram)
  }
  return [...terms]
}

/** The terms a product must all have to match a keyword, or null for a keyword with nothing searchable in it. */
export function searchTermsFor(keyword: string): string[] | null {
  const terms = new Set<string>()
  for (const word of keyword.split(/\s+/)) {
    const text = normalize(word)
    if (!text) continue
    for (const term of [...text].length <= SEARCH_GRAM ? [text] : grams(text, SEARCH_GRAM)) terms.add(term)
  }
  return terms.size > 0 ? [...terms] : null
}
