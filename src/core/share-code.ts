
/**
 * Share codes (分享码). A share — a chat card, a Moments post, a poster's 小程序码 — carries one short
 * code, never ids: a 小程序码's scene holds at most 32 visible characters (two ids do not fit), and a
 * code says nothing about the sharer to whoever reads the link. The server keeps what a code stands
 * for (a `Share`) and resolves it to shop, product, sharer and channel.
 */

/** Where a share was sent. Each channel gets its own code, so a visit's channel is what the server recorded, not what the link claims. */
export const SHARE_CHANNELS = ['chat', 'moments', 'poster'] as const
export type ShareChannel = (typeof SHARE_CHANNELS)[number]

/** How a visitor reached a shop: through a share, or `direct` (no share code: reopened, searched, typed). */
export type VisitChannel = ShareChannel | 'direct'

export interface Share {
  /** The share code. */
  _id: string
  shopId: string
  /** The shared product; null for a share of the shop home. */
  productId: string | null
  /** Who shared: the owner, or a customer passing the shop's link on. Recorded, never rewarded (诱导分享). */
  sharerOpenid: string
  channel: ShareChannel
  createdAt: Date
}

/**
 * One code per shop, product, sharer and channel: sharing the same thing again reuses the code (and
 * its cached poster image — getUnlimited allows 5,000 calls a minute), so the functions look a
 * share up by this key before making a new one.
 */
export const shareKeyOf = (share: Pick<Share, 'shopId' | 'productId' | 'sharerOpenid' | 'channel'>): string =>
  [share.shopId, share.productId ?? '-', share.sharerOpenid, share.channel].join(':')

// The code

/**
 * 32 symbols, 5 bits each, lower case letters and digits without 0/o and 1/l: URL-safe and valid in a
 * scene without escaping, and unambiguous when someone reads one out from a screenshot.
 */
export const SHARE_CODE_ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz'
/** Nine random symbols (45 bits) and a check symbol. */
export const SHARE_CODE_LENGTH = 10
const RANDOM_LENGTH = SHARE_CODE_LENGTH - 1

/**
 * The check symbol: a weighted sum with odd weights modulo 32, so any one wrong symbol changes it. A
 * garbled scene or a guessed link is refused before the database is asked.
 */
function checkSymbol(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * SHARE_CODE_ALPHABET.indexOf(body[i])
  return SHARE_CODE_ALPHABET[sum % SHARE_CODE_ALPHABET.length]
}

/**
 * A new share code from `random` (uniform in [0, 1), e.g. Math.random or a seeded generator in
 * tests). Codes are random, not derived from what they stand for, so they cannot be enumerated
 * from ids; a collision is possible and is the store's to refuse (the code is the document id).
 */
export function generateShareCode(random: () => number): string {
  let body = ''
  for (let i = 0; i < RANDOM_LENGTH; i++) {
    const index = Math.min(SHARE_CODE_ALPHABET.length - 1, Math.floor(random() * SHARE_CODE_ALPHABET.length))
    body += SHARE_CODE_ALPHABET[index]
  }
  return body + checkSymbol(body)
}

const SHAPE = new RegExp(`^[${SHARE_CODE_ALPHABET}]{${SHARE_CODE_LENGTH}}$`)

/** Whether `text` is a share code exactly as generated. */
export const isShareCode = (text: string): boolean => SHAPE.test(text) && checkSymbol(text.slice(0, RANDOM_LENGTH)) === text[RANDOM_LENGTH]

/**
 * A share code from what a page was opened with, or null. WeChat hands `options.scene` and query
 * values over URL-encoded and Taro's H5 router decodes them, so the value is decoded once (a code
 * has nothing to escape, so decoding an already decoded code changes nothing); case and surrounding
 * space are forgiven. Anything else — empty, too long, other characters, a wrong check symbol — is
 * not a share code: the visitor still sees the page, only without a sharer.
 */
export function readShareCode(raw: string | null | undefined): string | null {
  if (!raw) return null
  let text: string
  try {
    text = decodeURIComponent(raw)
  } catch {
    return null
  }
  const code = text.trim().toLowerCase()
  return isShareCode(code) ? code : null
}

/**
 * The share code of a page's query: `sc` from a chat card or a Moments post, else `scene` from a
 * 小程序码 (whose scene is the bare code).
 */
export function shareCodeFromQuery(query: Record<string, string | undefined> | null | undefined): string | null {
  if (!query) return null
  return readShareCode(query.sc) ?? readShareCode(query.scene)
}

// Where a share lands

/**
 * The landing pages, in the main package: a share opens on them before anything else is loaded.
 * Mirrors src/app.config.ts (the core cannot import the client's routes).
 */
export const SHARE_PAGES = { product: 'pages/product/index', shop: 'pages/shop/index' } as const

export type ShareTarget = { page: 'product'; productId: string } | { page: 'shop'; shopId: string }

export const shareTargetOf = (share: Pick<Share, 'shopId' | 'productId'>): ShareTarget =>
  share.productId ? { page: 'product', productId: share.productId } : { page: 'shop', shopId: share.shopId }

/**
 * The query a share carries: the page's own id (so the page shows even when the code cannot be
 * resolved) and the code. The same text is Moments' `onShareTimeline` query, which is a query, not a
 * path: Moments opens the sharing page itself with it.
 */
export function shareQuery(target: ShareTarget, code?: string): string {
  const id = target.page === 'product' ? target.productId : target.shopId
  return `id=${encodeURIComponent(id)}${code ? `&sc=${code}` : ''}`
}

/**
 * The path of a chat share (`onShareAppMessage`), e.g. /pages/product/index?id=p1&sc=k3m9x2hq7c; without
 * a code (a visitor who came without one passing the page on), just the page.
 */
export const sharePath = (target: ShareTarget, code?: string): string => `/${SHARE_PAGES[target.page]}?${shareQuery(target, code)}`

/** Moments' `onShareTimeline({ query })`. */
export const shareTimelineQuery = (target: ShareTarget, code?: string): string => shareQuery(target, code)

/**
 * What `wxacode.getUnlimited` is asked for a poster: the page without a leading slash or query (the
 * API wants a bare page) and the code as the whole scene. The page opened from the poster finds only
 * the scene, so it learns its product or shop by resolving the code.
 */
export const qrCodeRequest = (target: ShareTarget, code: string): { page: string; scene: string } => ({
  page: SHARE_PAGES[target.page],
  scene: code,
})
