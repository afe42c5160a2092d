import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { DatabaseRequest, DatabaseService, QueryTrace } from './database/actions'
import { DatabaseError } from './database/errors'
import type { IndexSpec } from './database/indexes'
import { Store } from './database/store'
import { HTTP_ACCESS_BASE_URL } from '../cloudfunctions/_shared/http-access'
import { payoutEnvironment } from '../cloudfunctions/_shared/payout/config'
import { subscribeEnvironment } from '../cloudfunctions/_shared/notifications/config'
import { LOCAL_SUBSCRIBE_TEMPLATES } from './openapi/subscribe-message'
import { HQ_BOOTSTRAP_OPENID } from '../cloudfunctions/_shared/hq-bootstrap'
import { buildFunctions, listFunctions } from './functions/build'
import { FunctionHost, Identity, Invocation } from './functions/host'
import { HTTP_ACCESS_PREFIX, HttpAccess } from './functions/http-access'
import { OpenApi, OpenApiOptions, encodeCloudError, formFileBytes } from './openapi'
import { PayOptions, startPay } from './pay'
import { StaticFile, StaticFiles, staticFile } from './static-files'
import { CloudStorage } from './storage'
import { TransferOptions, startTransfer } from './transfer'
import { MAX_JSON_DEPTH, nestsDeeperThan, requestGuard } from './request-guard'

export interface LocalCloudOptions {
  port?: number
  dataDir: string
  functionsRoot?: string
  /** The repository's declaration of collections and their indexes. */
  schemaFile?: string
  envId?: string
  appId?: string
  /** Run timer triggers on their schedules (off in tests, which fire them on demand). */
  timers?: boolean
  /** Bundle the functions before starting (on by default). */
  buildFunctions?: boolean
  maxInstancesPerFunction?: number
  transactionTtlMs?: number
  lockWaitMs?: number
  /**
   * Development sign-in: a browser sends `X-Everyshop-Persona: <key>` and the local cloud, like WeChat,
   * decides the OPENID the function sees. The client never names an OPENID itself.
   */
  personas?: Persona[]
  /** WeChat Pay: how notifications are retried, how long refunds take. */
  pay?: PayOptions
  /** WeChat Pay APIv3's merchant transfer: the merchant's key it checks requests against, delays, expiry. */
  transfer?: TransferOptions
  /** WeChat's open APIs (`cloud.openapi.*`): the app's pages, the per-minute quota. */
  openapi?: OpenApiOptions
  /**
   * Told of every database request once it is answered: which function sent it (none for a script
   * outside the functions), the query and the declared index CloudBase would serve it by, and the
   * documents a write left behind. Tests check these against the repository's declarations.
   */
  observeDatabase?: (event: DatabaseEvent) => void
  /** Folders served as static files (the H5 build, demo images), matched by URL prefix in order. */
  staticRoots?: Array<{ prefix: string; dir: string }>
  /**
   * Origins besides the cloud's own whose pages may call it (the H5 dev server's, which proxies the
   * cloud's routes); see request-guard.ts for what is refused.
   */
  trustedOrigins?: string[]
  log?: (line: string) => void
}

/** The cloud's errCode for an open API the calling function does not list in its config.json. */
const NO_OPENAPI_PERMISSION = -604101

export interface DatabaseEvent extends QueryTrace {
  action: string
  /** The function whose instance sent the request. */
  function?: string
}

export interface Persona {
  key: string
  openid: string
  name: string
  role: string
  description: string
}

export interface LocalCloud {
  url: string
  port: number
  /** The address the server's socket is bound to. */
  boundAddress: string
  /** The mini program's appId, as WeChat Pay signs it and functions see it (`WX_APPID`). */
  appId: string
  db: DatabaseService
  functions: FunctionHost
  /** The record of `cloud.openapi.*` calls. */
  openapi: OpenApi
  /** The environment variables functions start with, for code that runs as a function would (tests, scripts). */
  functionEnvironment(): Record<string, string>
  close(): Promise<void>
}

interface Schema {
  collections: Record<string, { indexes?: IndexSpec[] }>
}

const REPO = path.resolve(__dirname, '..')
export const DEFAULT_SCHEMA = path.join(REPO, 'database', 'collections.json')
export const DEFAULT_FUNCTIONS = path.join(REPO, 'cloudfunctions')
const MAX_BODY_BYTES = 16 << 20

/** Starts the local cloud on 127.0.0.1: the wx-server-sdk endpoint, the function host and its HTTP entry. */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? ((line: string) => console.log(line))
  const envId = options.envId ?? 'local'
  const appId = options.appId ?? 'wxlocal0000000000'
  const functionsRoot = options.functionsRoot ?? DEFAULT_FUNCTIONS

  const store = new Store(options.dataDir)
  store.open()
  const db = new DatabaseService(store, Date.now, options)
  await applySchema(store, options.schemaFile ?? DEFAULT_SCHEMA)

  if (options.buildFunctions !== false) await buildFunctions(functionsRoot)

  let port = 0
  const functions = new FunctionHost({
    root: functionsRoot,
    envId,
    appId,
    adminUrl: (instanceId) => `http://127.0.0.1:${port}/admin/instance/${instanceId}`,
    environment: () => functionEnvironment(),
    maxInstancesPerFunction: options.maxInstancesPerFunction,
    log,
  })
  const pay = await startPay(store, functions, { appId, log, ...options.pay })
  const transfer = await startTransfer(store, { appId, dataDir: options.dataDir, log, ...options.transfer })
  const httpAccess = new HttpAccess(functions, envId, log)

  /**
   * What the console would set on the shop's functions: the HTTP access service's address, the
   * merchant's WeChat Pay credentials (this cloud's development merchant, against its transfer service),
   * the subscription message templates of its mini program and HQ's first admin.
   */
  function functionEnvironment(): Record<string, string> {
    const origin = `http://127.0.0.1:${port}`
    const merchant = transfer.merchantCredentials()
    const payout = merchant && payoutEnvironment({ ...merchant, publicKeyPem: merchant.platformPublicKeyPem, publicKeyId: merchant.platformKeyId, baseUrl: origin })
    // The development sign-in's HQ persona is the first admin, as the console's setting names one in production.
    const firstAdmin = options.personas?.find((p) => p.role === 'hq_admin')
    return { [HTTP_ACCESS_BASE_URL]: `${origin}${HTTP_ACCESS_PREFIX}`, ...payout, ...subscribeEnvironment(LOCAL_SUBSCRIBE_TEMPLATES), ...(firstAdmin ? { [HQ_BOOTSTRAP_OPENID]: firstAdmin.openid } : {}) }
  }
  // The shipping service checks reports against the payments this cloud's WeChat Pay took.
  const openapi = new OpenApi(options.openapi, {
    byTransactionId: (id) => pay.records.orderWith('transactionId', id),
    byOutTradeNo: (outTradeNo) => pay.records.order(outTradeNo),
  })
  const storage = new CloudStorage({ dataDir: options.dataDir, envId, origin: () => `http://127.0.0.1:${port}`, log, callerOf: callerOpenid })

  const guard = requestGuard(() => port, options.trustedOrigins)
  const staticFiles = new StaticFiles()
  staticFiles.warm(options.staticRoots ?? [])

  const server = http.createServer((req, res) => {
    // Before any route: a web page the developer happens to visit must not reach the shop's data.
    const refusal = guard.refusal(req.headers)
    if (refusal) {
      log(`refused ${req.method} ${req.url?.split('?')[0]}: ${refusal}`)
      res.setHeader('connection', 'close')
      send(res, 403, { code: 'FORBIDDEN', message: refusal })
      return
    }
    // APIv3 signs raw bytes both ways (request and answer), so the transfer service reads and writes its own.
    if (transfer.serves(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)) {
      void transfer.serve(req, res)
      return
    }
    // The HTTP access service answers what the function says: any status, headers and body.
    if (httpAccess.serves(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)) {
      void httpAccess.serve(req, res)
      return
    }
    // Cloud storage writes its own answers: file bytes, COS's XML errors, uploads streamed to disk.
    if (storage.serves(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)) {
      void storage.serve(req, res)
      return
    }
    const started = Date.now()
    let label = `${req.method} ${req.url?.split('?')[0]}`
    route(req)
      .then(({ status, body, describe }) => {
        if (describe) label = describe
        if (body instanceof StaticFile) return staticFiles.serve(req, res, body)
        send(res, status, body)
      })
      .catch((error) => {
        if (error instanceof BadRequest) {
          send(res, 400, { errCode: -501007, errMsg: error.message })
          return
        }
        if (error instanceof PayloadTooLarge) {
          // The rest of the body is not read: close the connection rather than leave it mid-request.
          res.setHeader('connection', 'close')
          send(res, 413, { errCode: -501007, errMsg: error.message })
          return
        }
        log(`error ${label}: ${error?.stack ?? error}`)
        send(res, 500, { code: 'INTERNAL_ERROR', message: 'internal error' })
      })
      .finally(() => log(`${label} ${Date.now() - started}ms`))
  })

  async function route(req: http.IncomingMessage): Promise<{ status: number; body: unknown; describe?: string }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'GET' && url.pathname === '/healthz') return { status: 200, body: { ok: true } }
    if (req.method === 'GET' && url.pathname === '/dev/personas') {
      const personas = (options.personas ?? []).map(({ openid: _hidden, ...persona }) => persona)
      return { status: 200, body: { personas } }
    }
    const cashier = await pay.cashier.route(req.method ?? 'GET', url, () => readJson(req))
    if (cashier) return cashier
    const openapiCalls = await openapi.route(req.method ?? 'GET', url, () => readJson(req))
    if (openapiCalls) return openapiCalls
    // The H5 build's requestSubscribeMessage: the persona taps 允许 in WeChat's prompt, played here.
    if (req.method === 'POST' && url.pathname === '/dev/subscribe') {
      const openid = callerOpenid(req)
      if (!openid) return { status: 401, body: { ok: false, errMsg: 'requestSubscribeMessage:fail not signed in' } }
      const body = (await readJson(req)) as { tmplIds?: unknown } | null
      const answer = openapi.subscriptions.subscribe(openid, body?.tmplIds)
      return answer.ok ? { status: 200, body: { errMsg: 'requestSubscribeMessage:ok', ...answer.answers } } : { status: 400, body: answer }
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const file = staticFile(options.staticRoots ?? [], url.pathname)
      if (file) return { status: 200, body: file, describe: `static ${url.pathname}` }
    }
    if (req.method !== 'POST') return { status: 404, body: { code: 'NOT_FOUND', message: 'not found' } }

    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) {
      const instanceId = url.pathname.match(/^\/admin\/instance\/([\w-]+)/)?.[1]
      const contentType = header(req, 'content-type')
      if (contentType?.startsWith('multipart/form-data')) {
        const body = await readBody(req)
        return formAction(await readForm(body, contentType), instanceId, body, contentType)
      }
      const body = (await readJson(req)) as DatabaseRequest & Record<string, any>
      const trace: QueryTrace = {}
      const answer = await adminAction(body, trace, instanceId)
      if (options.observeDatabase && String(body.action).startsWith('database.')) {
        options.observeDatabase({ action: body.action, function: instanceId ? functions.functionOf(instanceId) : undefined, ...trace })
      }
      const describe = [body.action, body.collectionName ?? body.function_name, trace.plan && `(${trace.plan})`]
        .filter(Boolean)
        .join(' ')
      // The service puts a request id on every answer, errors included; the SDK hands it to callers.
      return { status: 200, body: { ...(answer as object), requestId: randomUUID() }, describe }
    }

    const fn = url.pathname.match(/^\/functions\/([\w-]+)$/)?.[1]
    if (fn) {
      const event = await readJson(req)
      const openid = callerOpenid(req)
      const outcome = await functions.invoke(fn, event, { openid, appid: appId, source: 'wx_client' })
      return { status: 200, body: toClientAnswer(outcome), describe: `function ${fn}` }
    }

    const trigger = url.pathname.match(/^\/triggers\/([\w-]+)\/([\w-]+)$/)
    if (trigger) {
      // `?time=` fires it as of another instant (the event's Time): how tests move a job's clock.
      const time = url.searchParams.get('time')
      const outcome = await functions.fireTrigger(trigger[1], trigger[2], time ? new Date(time) : new Date())
      return { status: 200, body: toClientAnswer(outcome), describe: `trigger ${trigger[1]}/${trigger[2]}` }
    }
    return { status: 404, body: { code: 'NOT_FOUND', message: 'not found' } }
  }

  /** The actions node-sdk sends as multipart forms: wx.wxPayApi (cloudPay) and wx.openApi (cloud.openapi). */
  async function formAction(
    form: FormData,
    instanceId: string | undefined,
    body: Buffer,
    contentType: string,
  ): Promise<{ status: number; body: unknown; describe: string }> {
    const action = String(form.get('action'))
    const apiName = String(form.get('apiName'))
    const describe = `${action} ${apiName}`
    if (action === 'wx.openApi') {
      // requestData is protobuf: read as bytes from the body, since FormData decoded it as text.
      const requestData = await formFileBytes(body, contentType, 'requestData')
      // As in the cloud, a function calls only the open APIs its config.json lists (permissions.openapi).
      const fn = instanceId ? functions.functionOf(instanceId) : undefined
      if (fn && !functions.config(fn).openapi.includes(apiName)) {
        return { status: 200, body: encodeCloudError(NO_OPENAPI_PERMISSION), describe: `${describe} (not in ${fn}'s permissions.openapi)` }
      }
      const caller = instanceId ? functions.identityOf(instanceId) : undefined
      const answer = await openapi.handle(apiName, requestData, caller)
      return { status: 200, body: answer.ok ? answer.bytes : { code: answer.code, message: answer.message }, describe }
    }
    if (action !== 'wx.wxPayApi') {
      return { status: 200, body: { code: 'INVALID_PARAM', message: `action ${action} is not supported by the local cloud` }, describe }
    }
    const caller = instanceId ? functions.identityOf(instanceId) : undefined
    const answer = await pay.api.handle(apiName, String(form.get('requestData') ?? ''), caller)
    return { status: 200, body: answer.ok ? new RawJson(answer.body) : { code: answer.code, message: answer.message }, describe }
  }

  function callerOpenid(req: http.IncomingMessage): string | undefined {
    const persona = header(req, 'x-everyshop-persona')
    if (persona) return options.personas?.find((p) => p.key === persona)?.openid
    return header(req, 'x-wx-openid')
  }

  async function adminAction(
    body: DatabaseRequest & Record<string, any>,
    trace: QueryTrace,
    instanceId?: string,
  ): Promise<unknown> {
    try {
      if (typeof body.action !== 'string') throw new DatabaseError('INVALID_PARAM', 'action is required')
      if (body.action.startsWith('database.')) return await db.handle(body, trace)
      if (body.action.startsWith('storage.')) return await storage.handle(body)
      if (body.action === 'functions.invokeFunction') {
        const caller = instanceId ? functions.identityOf(instanceId) : undefined
        // A call from inside a function keeps the user's identity and extends the SOURCE chain.
        const identity: Identity = caller
          ? { ...caller, source: `${caller.source},scf` }
          : { source: 'scf', appid: appId }
        const event = body.request_data ? parseJson(String(body.request_data)) : {}
        const outcome = await functions.invoke(String(body.function_name), event, identity)
        if (!outcome.ok) return { code: 'FUNCTIONS_EXECUTE_FAIL', message: outcome.errMsg }
        return { data: { response_data: JSON.stringify(outcome.result) } }
      }
      throw new DatabaseError('INVALID_PARAM', `action ${body.action} is not supported by the local cloud`)
    } catch (error) {
      if (error instanceof DatabaseError) return { code: error.code, message: error.message }
      if (error instanceof BadRequest) return { code: 'INVALID_PARAM', message: error.message }
      throw error
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port: boundPort, address: boundAddress } = server.address() as AddressInfo
  port = boundPort
  if (options.timers) functions.startTimers(listFunctions(functionsRoot))
  const url = `http://127.0.0.1:${port}`

  return {
    url,
    port,
    boundAddress,
    appId,
    db,
    functions,
    openapi,
    functionEnvironment,
    async close() {
      pay.close()
      transfer.close()
      await functions.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await store.drain()
      store.close()
    },
  }
}

/** Creates the declared collections that are missing and builds every declared index. */
async function applySchema(store: Store, schemaFile: string): Promise<void> {
  if (!fs.existsSync(schemaFile)) return
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Schema
  for (const [name, { indexes = [] }] of Object.entries(schema.collections)) {
    if (!store.hasCollection(name)) await store.createCollection(name)
    for (const index of indexes) store.ensureIndex(name, index)
  }
}

function toClientAnswer(outcome: Invocation): unknown {
  return outcome.ok ? { result: outcome.result } : { errCode: outcome.errCode, errMsg: outcome.errMsg }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value || undefined
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const tooLarge = `request body is over ${MAX_BODY_BYTES} bytes`
  if (Number(header(req, 'content-length') ?? 0) > MAX_BODY_BYTES) throw new PayloadTooLarge(tooLarge)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new PayloadTooLarge(tooLarge)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8')
  return text ? parseJson(text) : {}
}

function parseJson(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new BadRequest(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest('request body is not valid JSON')
  }
}

async function readForm(body: Buffer, contentType: string): Promise<FormData> {
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw new BadRequest('request body is not valid multipart form data')
  }
}

class BadRequest extends Error {}
class PayloadTooLarge extends Error {}

/**
 * JSON that node-sdk must receive as bytes: for wx.wxPayApi it parses a body sent as
 * `application/json; charset=utf-8` itself and then takes it for an error, so a response goes out
 * under another content type and wx-server-sdk parses it.
 */
class RawJson {
  constructor(readonly value: unknown) {}
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  // Bytes for the SDK to decode itself: a wx.openApi answer is a protobuf message.
  if (Buffer.isBuffer(body)) {
    res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': body.length })
    res.end(body)
    return
  }
  if (body instanceof RawJson) {
    const bytes = Buffer.from(JSON.stringify(body.value))
    res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': bytes.length })
    res.end(bytes)
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
