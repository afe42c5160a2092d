import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import { ERR_FUNCTION_NOT_FOUND, type FunctionHost, type Invocation } from './host'

/** Where the local HTTP access service answers: `/http/<function>/…` invokes that function. */
export const HTTP_ACCESS_PREFIX = '/http'

/** The cloud's request limit for a synchronous invocation's event. */
const MAX_BODY_BYTES = 6 << 20

/** Bodies of these types reach the function as text; any other body as base64 (isBase64Encoded). */
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+(json|xml))/i

/**
 * CloudBase's HTTP access service (HTTP 访问服务) for the local cloud: an HTTP request becomes the
 * function's 集成请求 event `{ path, httpMethod, headers, queryStringParameters, body, isBase64Encoded,
 * requestContext }`, and its answer becomes the response — an 集成响应 `{ statusCode, headers, body,
 * isBase64Encoded }` as it says, a string as text, anything else as JSON. Each function is routed at
 * `/<name>` below the prefix, as the shop routes them in the cloud. Such a call carries no WeChat user:
 * no OPENID, and no wx_* SOURCE.
 */
export class HttpAccess {
  constructor(
    private readonly functions: FunctionHost,
    private readonly envId: string,
    private readonly log: (line: string) => void,
  ) {}

  serves(pathname: string): boolean {
    return /^\/http\/[\w-]+(\/|$)/.test(pathname)
  }

  async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname.slice(HTTP_ACCESS_PREFIX.length)
    const name = path.split('/')[1]
    const body = await readBody(req)
    if (!body) {
      write(res, 413, { 'content-type': 'application/json' }, JSON.stringify({ code: 'BODY_TOO_LARGE', message: `the body is over ${MAX_BODY_BYTES} bytes` }))
      return
    }
    const text = body.length === 0 || TEXT_TYPES.test(req.headers['content-type'] ?? 'text/plain')
    const event = {
      path,
      httpMethod: req.method ?? 'GET',
      headers: Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value])),
      queryStringParameters: Object.fromEntries(url.searchParams),
      body: body.toString(text ? 'utf8' : 'base64'),
      isBase64Encoded: !text,
      requestContext: { requestId: randomUUID(), envId: this.envId },
    }
    const outcome = await this.functions.invoke(name, event, { source: '' })
    const answer = responseOf(outcome)
    write(res, answer.status, answer.headers, answer.body)
    this.log(`http ${req.method} ${url.pathname} → ${name} ${answer.status} ${Date.now() - started}ms`)
  }
}

function responseOf(outcome: Invocation): { status: number; headers: Record<string, string>; body: Buffer } {
  if (!outcome.ok) {
    const status = outcome.errCode === ERR_FUNCTION_NOT_FOUND ? 404 : 502
    return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ code: outcome.errCode, message: outcome.errMsg })) }
  }
  const { result } = outcome
  if (isIntegratedResponse(result)) {
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([key, value]) => [key, String(value)]))
    return { status: result.statusCode, headers, body: Buffer.from(String(result.body ?? ''), result.isBase64Encoded ? 'base64' : 'utf8') }
  }
  if (typeof result === 'string' || typeof result === 'number') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(String(result)) }
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(result)) }
}

interface IntegratedResponse {
  statusCode: number
  headers?: Record<string, unknown>
  body?: unknown
  isBase64Encoded?: boolean
}

function isIntegratedResponse(result: unknown): result is IntegratedResponse {
  return typeof result === 'object' && result !== null && Number.isInteger((result as IntegratedResponse).statusCode)
}

function write(res: http.ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** The request body, or undefined when it is over the limit. */
async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
