import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, startTestCloud } from '../support/local-cloud'

const FUNCTIONS = path.join(__dirname, '../fixtures/cloudfunctions')
const SCHEMA = path.join(__dirname, '../fixtures/schema.json')

describe('the HTTP access service (HTTP 访问服务) in the local cloud', () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud({ functionsRoot: FUNCTIONS, schemaFile: SCHEMA })
  })
  afterAll(() => t.close())

  const request = (route: string, init: RequestInit = {}) => fetch(`${t.cloud.url}/http${route}`, init)

  it('hands the function the request as an 集成请求 event, and answers its object as JSON', async () => {
    const response = await request('/http-echo/notify/transfer?a=1&b=二', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Wechatpay-Serial': 'PUB_KEY_ID_0001' },
      body: '{"id":"n1"}',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const { event } = (await response.json()) as any
    expect(event).toMatchObject({
      path: '/http-echo/notify/transfer',
      httpMethod: 'POST',
      queryStringParameters: { a: '1', b: '二' },
      body: '{"id":"n1"}',
      isBase64Encoded: false,
      requestContext: { requestId: expect.any(String), envId: 'local' },
    })
    // Header names arrive in lower case, as the cloud gives them.
    expect(event.headers).toMatchObject({ 'wechatpay-serial': 'PUB_KEY_ID_0001', 'content-type': 'application/json' })
  })

  it('passes a binary body as base64, and sends a base64 answer as bytes', async () => {
    const sent = await (await request('/http-echo', { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array([137, 80, 78, 71]) })).json()
    expect((sent as any).event).toMatchObject({ isBase64Encoded: true, body: Buffer.from([137, 80, 78, 71]).toString('base64') })

    const bytes = await request('/http-echo?as=binary')
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream')
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([0, 1, 2, 255])
  })

  it('answers an 集成响应 with its status, headers and body, and a string as text', async () => {
    const integrated = await request('/http-echo?as=integrated&status=503')
    expect(integrated.status).toBe(503)
    expect(integrated.headers.get('x-echo')).toBe('yes')
    expect(((await integrated.json()) as any).event.httpMethod).toBe('GET')

    const text = await request('/http-echo?as=text', { method: 'PUT', body: 'x' })
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await text.text()).toBe('hello PUT')
  })

  it('carries no WeChat user, and tells functions the service address', async () => {
    const seen = (await (await request('/http-echo', { headers: { 'x-wx-openid': 'o-someone' } })).json()) as any
    expect(seen.context.OPENID).toBeUndefined()
    expect(String(seen.context.SOURCE ?? '')).not.toMatch(/^wx_/)
    expect(seen.httpAccessBaseUrl).toBe(`${t.cloud.url}/http`)
  })

  it('answers 404 for a function that does not exist, and an error status when the function fails', async () => {
    expect((await request('/no-such-function')).status).toBe(404)
    expect((await request('/boom')).status).toBe(502)
  })
})
