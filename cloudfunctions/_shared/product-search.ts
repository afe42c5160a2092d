import { searchTermsFor } from '../../src/core/search-terms'
import { _ } from './database'

/**
 * The condition a product query adds for a keyword: every search term of it, through the products'
 * multikey `searchTerms` index (no regex scan). `{}` without a keyword; null for a keyword with
 * nothing searchable in it, which matches no product.
 */
export function keywordCondition(keyword: string | undefined): Record<string, unknown> | null {
  if (!keyword) return {}
  const terms = searchTermsFor(keyword)
  if (!terms) return null
  return { searchTerms: terms.length === 1 ? terms[0] : _.all(terms) }
}
