import type { IncomingHttpHeaders } from 'node:http'

/**
 * The local cloud is a server on the developer's machine, and any web page the developer visits can
 * send requests to 127.0.0.1. It answers only:
 * - requests addressed to it by a loopback name (`Host: 127.0.0.1:<port>` or `localhost:<port>`), so a
 *   page whose own domain was re-pointed at 127.0.0.1 (DNS rebinding) is refused;
 * - requests from its own origin, or from another origin it was told to trust (the H5 dev server), when
 *   the browser names one (`Origin`, sent on every cross-origin request and on every POST);
 * - and, when the browser says where a request comes from (`Sec-Fetch-Site`, on every request of a
 *   current browser, `<img>` and forms included), same-origin ones, the developer's own navigation,
 *   and others only from a page of those origins (named by `Referer`: the dev server's `<img>` of a
 *   temp URL on the cloud's port, which carries no `Origin`).
 * Node clients (wx-server-sdk, scripts, tests) send neither `Origin` nor `Sec-Fetch-Site`.
 */
export interface RequestGuard {
  /** Why the request is refused, or undefined when it may be served. */
  refusal(headers: IncomingHttpHeaders): string | undefined
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

/** `port` is read when a request comes, since a server asked for port 0 learns its port on listening. */
export function requestGuard(port: () => number, trustedOrigins: readonly string[] = []): RequestGuard {
  return {
    refusal(headers) {
      const hosts = LOOPBACK_NAMES.map((name) => `${name}:${port()}`)
      const host = headers.host?.toLowerCase()
      if (!host || !hosts.includes(host)) return `foreign Host ${JSON.stringify(headers.host ?? '')}`
      const origins = [...hosts.map((h) => `http://${h}`), ...trustedOrigins]
      const origin = headers.origin
      if (origin !== undefined) return origins.includes(origin.toLowerCase()) ? undefined : `cross-origin request from ${origin}`
      const site = headers['sec-fetch-site']
      if (site === undefined || site === 'same-origin' || site === 'none') return undefined
      const page = originOf(headers.referer)
      return page && origins.includes(page) ? undefined : `${site} request from ${page ?? 'a page that does not say'}`
    },
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).origin.toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * How deep JSON may nest: MongoDB's limit for a document (100 levels), far above any payload the shop
 * sends. A deeper one is refused before anything walks it: the function host's own message to an
 * instance (JSON.stringify) overflows the stack a few thousand levels down.
 */
export const MAX_JSON_DEPTH = 100

/**
 * Whether `text` nests arrays and objects deeper than `max`, read in one pass without recursion, so a
 * hostile payload costs its length and nothing more. Brackets inside strings do not count.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // a backslash escapes the next character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}
