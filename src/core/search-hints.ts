/**
 * What the search page offers before and after a search: the shopper's own recent searches (kept on
 * the device) and HQ's hot words (`settings/searchHotWords`), which also fill an empty result.
 */

export const MAX_RECENT_SEARCHES = 10
export const MAX_HOT_WORDS = 10
/** A hot word is a keyword a shopper could type: the search box takes at most this many characters. */
export const MAX_KEYWORD_LENGTH = 30

/** HQ's hot words as stored; none until HQ sets them. */
export interface SearchHotWords {
  _id: 'searchHotWords'
  words: string[]
  updatedAt: Date
}

/** The recent searches after searching `keyword`: newest first, each once, at most MAX_RECENT_SEARCHES. */
export function rememberSearch(recent: readonly string[], keyword: string): string[] {
  const word = keyword.trim()
  if (!word) return [...recent]
  return [word, ...recent.filter((w) => w !== word)].slice(0, MAX_RECENT_SEARCHES)
}

/** HQ's list as the page shows it: trimmed, blanks and repeats dropped, in HQ's order. */
export function cleanHotWords(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim()).filter(Boolean))]
}
