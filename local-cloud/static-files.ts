import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** Text formats worth compressing; images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ttf'])
/** Below this, compression saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024
/** A name the build gave a content hash (`js/app.1a2b3c4d.js`): its bytes never change under that name. */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export class StaticFile {
  constructor(
    readonly path: string,
    readonly contentType: string,
  ) {}
}

/** The file a GET names under one of the static roots; never a path outside them. */
export function staticFile(roots: Array<{ prefix: string; dir: string }>, pathname: string): StaticFile | undefined {
  for (const { prefix, dir } of roots) {
    if (!pathname.startsWith(prefix)) continue
    const relative = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html'
    const file = path.resolve(dir, relative)
    if (!file.startsWith(path.resolve(dir) + path.sep)) continue
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      return new StaticFile(file, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream')
    }
  }
  return undefined
}

interface Entry {
  mtimeMs: number
  size: number
  bytes: Buffer
  etag: string
  encoded: Map<'br' | 'gzip', Promise<Buffer>>
}

/**
 * Serves the app's static files as a CDN would: compressed (brotli, else gzip) when the browser
 * accepts it, content-hashed files cached for a year as immutable, every other file (index.html)
 * revalidated by its ETag, answered 304 when unchanged. Files are read and compressed once, and
 * again when they change on disk (a rebuild).
 */
export class StaticFiles {
  private readonly entries = new Map<string, Entry>()

  /** Reads and compresses the roots' files in the background, so the first visitor does not wait for it. */
  warm(roots: Array<{ dir: string }>): void {
    for (const { dir } of roots) {
      if (!fs.existsSync(dir)) continue
      for (const relative of fs.readdirSync(dir, { recursive: true }) as string[]) {
        const file = path.join(dir, relative)
        if (!COMPRESSIBLE.has(path.extname(file)) || !fs.statSync(file).isFile()) continue
        const entry = this.entry(file)
        if (entry.bytes.length >= MIN_COMPRESS_BYTES) {
          void this.encoded(entry, 'br').catch(() => {})
          void this.encoded(entry, 'gzip').catch(() => {})
        }
      }
    }
  }

  async serve(req: http.IncomingMessage, res: http.ServerResponse, file: StaticFile): Promise<void> {
    const entry = this.entry(file.path)
    const encoding =
      COMPRESSIBLE.has(path.extname(file.path)) && entry.bytes.length >= MIN_COMPRESS_BYTES ? acceptedEncoding(req.headers['accept-encoding']) : undefined
    const etag = encoding ? `"${entry.etag}-${encoding}"` : `"${entry.etag}"`
    const headers: http.OutgoingHttpHeaders = {
      'content-type': file.contentType,
      'cache-control': CONTENT_HASHED.test(file.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      vary: 'Accept-Encoding',
    }
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    const body = encoding ? await this.encoded(entry, encoding) : entry.bytes
    res.writeHead(200, { ...headers, 'content-length': body.length, ...(encoding ? { 'content-encoding': encoding } : {}) })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  private entry(file: string): Entry {
    const stat = fs.statSync(file)
    const known = this.entries.get(file)
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known
    const bytes = fs.readFileSync(file)
    const entry: Entry = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      bytes,
      etag: createHash('sha256').update(bytes).digest('base64url').slice(0, 22),
      encoded: new Map(),
    }
    this.entries.set(file, entry)
    return entry
  }

  /** Compressed off the event loop (zlib's thread pool), once per file version and encoding. */
  private encoded(entry: Entry, encoding: 'br' | 'gzip'): Promise<Buffer> {
    let body = entry.encoded.get(encoding)
    if (!body) {
      body =
        encoding === 'br'
          ? brotli(entry.bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.bytes.length } })
          : gzip(entry.bytes, { level: 9 })
      entry.encoded.set(encoding, body)
    }
    return body
  }
}

function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  )
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return undefined
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
}
