import { randomBytes, randomUUID } from 'node:crypto'
import type http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import { ObjectStore, PathConflict, TooLarge } from './objects'
import { ForeignFile, InvalidPath, cloudPathOf, cloudPathProblem, fileIdOf } from './paths'
import { Signer } from './signing'

export interface CloudStorageOptions {
  /** The local cloud's data directory; files go under `<dataDir>/storage/`. */
  dataDir: string
  envId: string
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  origin: () => string
  log: (line: string) => void
  /** The OPENID a browser's request acts as (its persona), or undefined when it names no one. */
  callerOf: (req: http.IncomingMessage) => string | undefined
  now?: () => number
}

/** A cloud-level refusal, which node-sdk throws as a TcbError and wx-server-sdk turns into `…:fail`. */
type Refusal = { code: string; message: string }

/** WeChat's documented caps: 50 files a call, links valid one day by default and at most. */
const MAX_FILES_PER_CALL = 50
const MAX_AGE_SECONDS = 86_400
/** How long an upload authorization from getUploadMetadata stays good. */
const UPLOAD_WINDOW_SECONDS = 600
/** COS takes 5 GB in one PUT; a development cloud holding product images needs far less. */
const MAX_UPLOAD_BYTES = 64 << 20

const NOT_FOUND: Refusal = { code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }

/**
 * Cloud storage as wx-server-sdk 4.0.2 (through @cloudbase/node-sdk) uses it:
 *
 * - `uploadFile` → `storage.getUploadMetadata {path, method:'put'}`, answered with a COS-style
 *   upload URL and authorization; the SDK then PUTs the bytes there (no content type) and reads an
 *   empty body as success, COS's XML `<Error>` as failure.
 * - `getTempFileURL` → `storage.batchGetDownloadUrl {file_list:[{fileid, max_age?}]}` →
 *   `data.download_list:[{fileID, tempFileURL, code:'SUCCESS'|…, maxAge}]`; a per-file `code` is how
 *   a missing file is told, and wx-server-sdk turns it into that entry's `status`.
 * - `downloadFile` → the same action with `max_age: 600`, then a GET of the temp URL after
 *   `encodeURI` (so temp URLs carry the cloud path unescaped).
 * - `deleteFile` → `storage.batchDeleteFile {fileid_list}` → `data.delete_list:[{fileID, code}]`.
 *
 * Temp URLs are `/storage/<cloudPath>?sign=…&t=<expiry>` on this server; `/storage?fileID=…`
 * redirects to a fresh one, which is how the H5 build shows a `cloud://` image.
 */
export class CloudStorage {
  private readonly objects: ObjectStore
  private readonly signer: Signer
  private readonly now: () => number

  constructor(private readonly options: CloudStorageOptions) {
    const root = path.join(options.dataDir, 'storage')
    this.objects = new ObjectStore(root)
    this.signer = Signer.open(path.join(root, 'signing-key'))
    this.now = options.now ?? (() => Date.now())
  }

  /** Answers a `storage.*` action of the wx-server-sdk protocol. */
  async handle(body: Record<string, any>): Promise<unknown> {
    switch (body.action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(body.path, body.method)
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(body.file_list)
      case 'storage.batchDeleteFile':
        return this.deleteFiles(body.fileid_list)
      default:
        return { code: 'INVALID_PARAM', message: `action ${body.action} is not supported by the local cloud` }
    }
  }

  /** The paths this module answers over HTTP: temp URLs, uploads and the fileID redirect. */
  serves(pathname: string): boolean {
    return pathname === '/storage' || pathname.startsWith('/storage/')
  }

  async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    try {
      if (url.pathname === '/storage' && req.method === 'POST') await this.clientUpload(req, url, res)
      else if (url.pathname === '/storage') await this.redirect(req, url, res)
      else await this.object(req, url, res)
    } catch (error: any) {
      this.options.log(`error storage ${req.method} ${url.pathname}: ${error?.stack ?? error}`)
      if (!res.headersSent) cosError(res, 500, 'InternalError', 'internal error', url.pathname)
      else res.destroy()
    } finally {
      this.options.log(`storage ${req.method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`)
    }
  }

  private async uploadMetadata(cloudPath: unknown, method: unknown): Promise<unknown> {
    const problem = cloudPathProblem(cloudPath)
    if (problem) return { code: 'INVALID_PARAM', message: problem } satisfies Refusal
    // The browser SDK's form POST upload is another protocol; only the server SDK's PUT is emulated.
    if (method !== 'put') return { code: 'INVALID_PARAM', message: `upload method ${String(method)} is not supported by the local cloud` } satisfies Refusal
    const key = cloudPath as string
    const start = this.seconds()
    return {
      data: {
        url: `${this.options.origin()}/storage/${key.split('/').map(encodeURIComponent).join('/')}`,
        authorization: this.signer.uploadAuthorization(key, start, start + UPLOAD_WINDOW_SECONDS),
        // COS wants a security token and the file's id as metadata; the signature alone binds the upload here.
        token: randomBytes(24).toString('base64url'),
        fileId: fileIdOf(this.options.envId, key),
        cosFileId: randomUUID(),
      },
    }
  }

  private async downloadUrls(list: unknown): Promise<unknown> {
    const refused = listProblem(list, 'file_list')
    if (refused) return refused
    const entries = await Promise.all(
      (list as any[]).map(async (item) => {
        const fileID = item?.fileid
        const found = await this.lookUp(fileID)
        if ('code' in found) return { fileID, tempFileURL: '', ...found }
        const maxAge = item.max_age === undefined ? MAX_AGE_SECONDS : Number(item.max_age)
        if (!Number.isInteger(maxAge) || maxAge <= 0) {
          return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: 'maxAge must be a positive whole number of seconds' }
        }
        const age = Math.min(maxAge, MAX_AGE_SECONDS)
        return { fileID, tempFileURL: this.tempUrl(found.cloudPath, age), code: 'SUCCESS', maxAge: age }
      }),
    )
    return { data: { download_list: entries } }
  }

  private async deleteFiles(list: unknown): Promise<unknown> {
    const refused = listProblem(list, 'fileid_list')
    if (refused) return refused
    const entries = []
    // One at a time, in order, so a list naming a file twice deletes it once and reports it missing once.
    for (const fileID of list as unknown[]) {
      const found = await this.lookUp(fileID)
      if ('code' in found) entries.push({ fileID, ...found })
      else if (await this.objects.delete(found.cloudPath)) entries.push({ fileID, code: 'SUCCESS' })
      else entries.push({ fileID, ...NOT_FOUND })
    }
    return { data: { delete_list: entries } }
  }

  /** The stored cloud path a fileID names, or the per-file refusal the service gives. */
  private async lookUp(fileID: unknown): Promise<{ cloudPath: string } | Refusal> {
    let cloudPath: string
    try {
      cloudPath = cloudPathOf(this.options.envId, fileID)
    } catch (error) {
      if (error instanceof InvalidPath) return { code: 'INVALID_PARAM', message: error.message }
      if (error instanceof ForeignFile) return { code: 'STORAGE_EXCEED_AUTHORITY', message: error.message }
      throw error
    }
    return (await this.objects.exists(cloudPath)) ? { cloudPath } : NOT_FOUND
  }

  /** Unescaped, as the service gives it: node-sdk applies encodeURI before fetching. */
  private tempUrl(cloudPath: string, maxAge: number): string {
    return `${this.options.origin()}/storage/${cloudPath}?${this.signer.tempUrlQuery(cloudPath, this.seconds() + maxAge)}`
  }

  /**
   * `GET /storage?fileID=cloud://…` → 302 to a fresh temp URL. The H5 build cannot call the SDK, and
   * its `<img>` cannot resolve `cloud://` as WeChat's `<Image>` does; this stands in for that, with
   * CloudBase's default rule that every user may read every file. The redirect is relative, so it
   * works under whatever host the page was loaded from.
   */
  private async redirect(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { code: 'INVALID_PARAM', message: 'use GET' })
    const found = await this.lookUp(url.searchParams.get('fileID'))
    if ('code' in found) return json(res, found.code === NOT_FOUND.code ? 404 : 400, found)
    // Parsed as a URL, the path comes out percent-encoded, as a Location header needs it.
    const target = new URL(this.tempUrl(found.cloudPath, MAX_AGE_SECONDS))
    res.writeHead(302, { location: `${target.pathname}${target.search}`, 'cache-control': 'no-store' })
    res.end()
  }

  /**
   * `POST /storage?cloudPath=…` with the file as the body, as a persona (`X-Everyshop-Persona`): the H5
   * build's stand-in for the mini program's `wx.cloud.uploadFile`, which the browser cannot call and
   * which uploads from the phone as the signed-in user. Answers as WeChat's does: `{ fileID,
   * statusCode: 200 }`, or `{ errCode, errMsg: 'uploadFile:fail …' }` — 401 without a caller, 400 for a
   * bad cloud path or a file over the size limit, and 409 for a path taken: under CloudBase's default
   * rule a user may create a file but not overwrite another's (this cloud keeps no owners, so it
   * refuses every overwrite).
   */
  private async clientUpload(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<void> {
    const refuse = (status: number, why: string) => json(res, status, { errCode: -1, errMsg: `uploadFile:fail ${why}` })
    const openid = this.options.callerOf(req)
    if (!openid) return refuse(401, 'no signed-in user')
    const cloudPath = url.searchParams.get('cloudPath')
    const problem = cloudPathProblem(cloudPath)
    if (problem) return refuse(400, problem)
    if (await this.objects.exists(cloudPath!)) return refuse(409, 'the file exists and belongs to its creator')
    try {
      await this.objects.put(cloudPath!, req, MAX_UPLOAD_BYTES)
    } catch (error) {
      // The rest of the body will not be read: close the connection rather than leave it mid-request.
      res.setHeader('connection', 'close')
      if (error instanceof TooLarge) return refuse(400, error.message)
      if (error instanceof PathConflict) return refuse(409, error.message)
      throw error
    }
    this.options.log(`storage client upload ${cloudPath} by ${openid}`)
    json(res, 200, { fileID: fileIdOf(this.options.envId, cloudPath!), statusCode: 200 })
  }

  /** `/storage/<cloudPath>`: GET/HEAD with a temp URL's signature, PUT with an upload's authorization. */
  private async object(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<void> {
    let cloudPath: string
    try {
      cloudPath = decodeURIComponent(url.pathname.slice('/storage/'.length))
    } catch {
      return cosError(res, 400, 'InvalidURI', 'the path is not valid percent-encoding', url.pathname)
    }
    const problem = cloudPathProblem(cloudPath)
    if (problem) return cosError(res, 400, 'InvalidURI', problem, url.pathname)

    if (req.method === 'PUT') {
      const verdict = this.signer.checkUpload(cloudPath, header(req, 'authorization'), this.seconds())
      if (verdict === 'forged') return cosError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', cloudPath)
      if (verdict === 'expired') return cosError(res, 403, 'AccessDenied', 'Request has expired', cloudPath)
      try {
        await this.objects.put(cloudPath, req, MAX_UPLOAD_BYTES)
      } catch (error) {
        // The rest of the body will not be read: close the connection rather than leave it mid-request.
        res.setHeader('connection', 'close')
        if (error instanceof TooLarge) return cosError(res, 400, 'EntityTooLarge', error.message, cloudPath)
        if (error instanceof PathConflict) return cosError(res, 409, 'PathConflict', error.message, cloudPath)
        throw error
      }
      res.writeHead(200, { 'content-length': 0, 'x-cos-request-id': requestId() })
      res.end()
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return cosError(res, 405, 'MethodNotAllowed', `${req.method} is not allowed`, cloudPath)

    const verdict = this.signer.checkTempUrl(cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'), this.seconds())
    if (verdict === 'forged') return cosError(res, 403, 'AccessDenied', 'Access Denied.', cloudPath)
    if (verdict === 'expired') return cosError(res, 403, 'AccessDenied', 'Request has expired', cloudPath)
    const file = await this.objects.open(cloudPath)
    if (!file) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', cloudPath)
    res.writeHead(200, {
      'content-type': contentTypeOf(cloudPath),
      'content-length': file.size,
      'last-modified': file.mtime.toUTCString(),
      'x-cos-request-id': requestId(),
    })
    if (req.method === 'HEAD') {
      await file.handle.close()
      res.end()
      return
    }
    // pipeline closes the file when the client goes away mid-download, which pipe() would not.
    pipeline(file.handle.createReadStream(), res, () => {})
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000)
  }
}

function listProblem(list: unknown, field: string): Refusal | undefined {
  if (!Array.isArray(list)) return { code: 'INVALID_PARAM', message: `${field} must be an array` }
  if (list.length > MAX_FILES_PER_CALL) return { code: 'INVALID_PARAM', message: `${field} may name at most ${MAX_FILES_PER_CALL} files` }
  return undefined
}

/**
 * By extension, as COS sets it for an upload without a Content-Type (node-sdk sends none), so an
 * `<img>` or the SDK gets `image/png` for a .png.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
}

export function contentTypeOf(cloudPath: string): string {
  return CONTENT_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream'
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** COS's error body: node-sdk reads Code, Message, RequestId and TraceId from it and fails without any of them. */
function cosError(res: http.ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = requestId()
  const xml = [
    `<?xml version='1.0' encoding='utf-8' ?>`,
    '<Error>',
    `<Code>${code}</Code>`,
    `<Message>${escapeXml(message)}</Message>`,
    `<Resource>${escapeXml(resource)}</Resource>`,
    `<RequestId>${id}</RequestId>`,
    `<TraceId>${randomBytes(24).toString('base64')}</TraceId>`,
    '</Error>',
  ].join('\n')
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml), 'x-cos-request-id': id })
  res.end(xml)
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** Shaped like COS request ids: base64 of a few random bytes. */
function requestId(): string {
  return randomBytes(18).toString('base64')
}
