import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH } from '../../local-cloud/request-guard'
import { TestCloud, startTestCloud } from '../support/local-cloud'

const FUNCTIONS = path.join(__dirname, '../fixtures/cloudfunctions')

/** `[[[…1…]]]`, `levels` deep. */
const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`

/** A raw request, so the test can send what a browser or a rebinding attacker would (Host included). */
function request(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const target = new URL(url)
    const req = http.request(
      { host: target.hostname, port: target.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the local cloud answers only the developer, never a web page they visit', () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud({
      functionsRoot: FUNCTIONS,
      schemaFile: path.join(__dirname, '../fixtures/schema.json'),
      maxInstancesPerFunction: 2,
      trustedOrigins: ['http://127.0.0.1:10086'],
    })
    await t.db.createCollection('hq_admins')
  })
  afterAll(() => t.close())

  const insertAdmin = (id: string) =>
    JSON.stringify({ action: 'database.insertDocument', collectionName: 'hq_admins', data: [JSON.stringify({ _id: id, role: 'owner' })] })
  const admin = async (id: string) => (await t.db.collection('hq_admins').where({ _id: id }).get()).data

  it('refuses a cross-origin text/plain POST to /admin (a form any page can send) and writes nothing', async () => {
    const response = await fetch(`${t.cloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: insertAdmin('attacker'),
    })
    expect(response.status).toBe(403)
    expect(await admin('attacker')).toEqual([])
  })

  it('refuses a cross-origin call of a function', async () => {
    const response = await fetch(`${t.cloud.url}/functions/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://localhost:3000', 'x-wx-openid': 'o-victim' },
      body: '{}',
    })
    expect(response.status).toBe(403)
  })

  it('refuses a request another site makes without an Origin (an <img>, a link prefetch)', async () => {
    const from = (headers: Record<string, string>) => fetch(`${t.cloud.url}/dev/openapi/calls`, { headers }).then((r) => r.status)
    expect(await from({ 'sec-fetch-site': 'cross-site' })).toBe(403)
    expect(await from({ 'sec-fetch-site': 'cross-site', referer: 'https://evil.example/page' })).toBe(403)
    expect(await from({ 'sec-fetch-site': 'same-site', referer: 'http://127.0.0.1:3000/' })).toBe(403)
    // The dev server's page showing an image by its temp URL on the cloud's own port.
    expect(await from({ 'sec-fetch-site': 'same-site', referer: 'http://127.0.0.1:10086/' })).toBe(200)
  })

  it('refuses a foreign Host: a domain re-pointed at 127.0.0.1 (DNS rebinding) reaches nothing', async () => {
    const { port } = t.cloud
    for (const host of [`rebind.evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const answer = await request(t.cloud.url, { method: 'POST', path: '/admin', headers: { host, 'content-type': 'application/json' }, body: insertAdmin('rebound') })
      expect(answer.status, host).toBe(403)
      expect((await request(t.cloud.url, { path: '/healthz', headers: { host } })).status, host).toBe(403)
    }
    expect(await admin('rebound')).toEqual([])
  })

  it("serves the H5 app's own origin, the trusted dev server, a typed-in address and wx-server-sdk", async () => {
    const own = await fetch(`${t.cloud.url}/functions/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.cloud.url, 'sec-fetch-site': 'same-origin', 'x-wx-openid': 'o-1' },
      body: '{"hello":1}',
    })
    expect((await own.json()).result.event).toEqual({ hello: 1 })
    const local = await request(t.cloud.url, { path: '/healthz', headers: { host: `localhost:${t.cloud.port}`, 'sec-fetch-site': 'none' } })
    expect(local.status).toBe(200)
    const devServer = await fetch(`${t.cloud.url}/functions/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:10086', 'sec-fetch-site': 'same-origin' },
      body: '{}',
    })
    expect(devServer.status).toBe(200)
    await t.db.collection('hq_admins').add({ data: { _id: 'by-sdk', role: 'owner' } })
    expect(await admin('by-sdk')).toHaveLength(1)
  })

  it('answers 413 to a body over the size limit, and keeps serving', async () => {
    const response = await fetch(`${t.cloud.url}/functions/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"x":"${'x'.repeat(17 << 20)}"}`,
    })
    expect(response.status).toBe(413)
    expect((await request(t.cloud.url, { path: '/healthz', headers: { host: `127.0.0.1:${t.cloud.port}` } })).status).toBe(200)
  })

  it('answers 400 to a payload nested thousands of levels deep at once, and the function keeps serving', async () => {
    // More deep calls at once than the function has instances: refused before any instance is taken.
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${t.cloud.url}/functions/whoami`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"payload":${nested(20_000)}}` }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(400))
    const served = await fetch(`${t.cloud.url}/functions/whoami`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"after":true}' })
    expect((await served.json()).result.event).toEqual({ after: true })
  })

  it('takes JSON as deep as a document may be, and refuses one level more', async () => {
    const call = (levels: number) =>
      fetch(`${t.cloud.url}/functions/whoami`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"a":${nested(levels - 1)}}` })
    expect((await call(MAX_JSON_DEPTH)).status).toBe(200)
    expect((await call(MAX_JSON_DEPTH + 1)).status).toBe(400)
  })

  it('a deep event from a function or script is refused too, and frees the instance', async () => {
    await expect(t.sdk.callFunction({ name: 'whoami', data: JSON.parse(`{"a":${nested(MAX_JSON_DEPTH)}}`) })).rejects.toThrow(/deeper than/)
    // The host itself never holds an instance for an event it could not deliver.
    // Each fails at once as undeliverable, none by the function's timeout, though they outnumber the instances.
    const deep = JSON.parse(`{"a":${nested(20_000)}}`)
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => t.cloud.functions.invoke('whoami', deep, { source: 'scf' })))
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.errMsg.match(/could not be delivered|timed out/)?.[0]))).toEqual(Array(4).fill('could not be delivered'))
    expect((await t.cloud.functions.invoke('whoami', { after: true }, { source: 'scf' })).ok).toBe(true)
  })
})
