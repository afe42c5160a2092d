/**
 * CloudBase's HTTP access service (HTTP 访问服务, formerly 云接入): it makes a function a public HTTP
 * endpoint, for callers that are not the mini program — WeChat Pay's notifications. The function gets
 * the request as an 集成请求 event and answers an 集成响应.
 */

/** 集成请求: the HTTP request, as the function's event. */
export interface HttpAccessEvent {
  /** The request path, such as `/transfer-notify`. */
  path: string
  httpMethod: string
  headers: Record<string, string | undefined>
  queryStringParameters?: Record<string, string>
  /** The body as text, or base64 when `isBase64Encoded` (binary bodies). */
  body?: string
  isBase64Encoded?: boolean
  /** The cloud's ids of this request and environment. */
  requestContext?: Record<string, unknown>
}

/** 集成响应: the function's answer that becomes the HTTP response. */
export interface HttpAccessResponse {
  statusCode: number
  headers?: Record<string, string>
  body: string
  isBase64Encoded?: boolean
}

/**
 * The environment variable holding the HTTP access service's address: the environment's domain
 * (https://<env-id>.service.tcloudbase.com, or the custom domain) in the cloud, where each function that
 * serves HTTP is routed at `/<function name>`; the local cloud sets it for its functions.
 */
export const HTTP_ACCESS_BASE_URL = 'HTTP_ACCESS_BASE_URL'

/** The public URL of the function routed at `/<functionName>`. */
export function httpAccessUrl(functionName: string, env: Record<string, string | undefined> = process.env): string {
  const base = env[HTTP_ACCESS_BASE_URL]?.trim()
  if (!base) throw new Error(`${HTTP_ACCESS_BASE_URL} is not set: the HTTP access service's address, such as https://<env-id>.service.tcloudbase.com`)
  return `${base.replace(/\/+$/, '')}/${functionName}`
}

/** The request body as text. */
export function bodyText(event: HttpAccessEvent): string {
  return event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '')
}
