import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, startTestCloud } from '../support/local-cloud'

const FUNCTIONS = path.join(__dirname, '../fixtures/cloudfunctions')

describe('function host', () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud({
      functionsRoot: FUNCTIONS,
      schemaFile: path.join(__dirname, '../fixtures/schema.json'),
      maxInstancesPerFunction: 3,
      timers: true,
    })
  })
  afterAll(() => t.close())

  const call = async (name: string, event: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.cloud.url}/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(event),
    })
    return { status: response.status, body: (await response.json()) as any }
  }

  it('hands the caller identity to getWXContext() with SOURCE wx_client', async () => {
    const { body } = await call('whoami', { hello: '你好' }, { 'X-Wx-Openid': 'o-consumer-1' })
    expect(body.result.context).toEqual({ OPENID: 'o-consumer-1', APPID: 'wxlocal0000000000', ENV: 'local', SOURCE: 'wx_client' })
    expect(body.result.event).toEqual({ hello: '你好' })
  })

  it('a function reaches the database with cloud.init({ env: DYNAMIC_CURRENT_ENV }) unmodified', async () => {
    const { body } = await call('whoami', { countItems: true })
    expect(body.result.users).toBe(0)
  })

  it('a function calling another keeps the user and extends SOURCE to wx_client,scf', async () => {
    const { body } = await call('whoami', { nested: true }, { 'X-Wx-Openid': 'o-consumer-2' })
    expect(body.result.nested.context).toMatchObject({ OPENID: 'o-consumer-2', SOURCE: 'wx_client,scf' })
  })

  it('wx-server-sdk callFunction from a script invokes the function and returns its result', async () => {
    const { result } = await t.sdk.callFunction({ name: 'whoami', data: { from: 'script' } })
    expect(result.event).toEqual({ from: 'script' })
    expect(result.context.SOURCE).toBe('scf')
  })

  it('keeps instances warm: sequential calls reuse one instance and its module state', async () => {
    const first = (await call('whoami', {})).body.result
    const second = (await call('whoami', {})).body.result
    expect(second.pid).toBe(first.pid)
    expect(second.invocations).toBe(first.invocations + 1)
  })

  it('serves one invocation at a time per instance, adding instances up to the cap and queueing beyond', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => call('whoami', { sleepMs: 150 })))
    expect(results.every((r) => r.body.result)).toBe(true)
    const pids = new Set(results.map((r) => r.body.result.pid))
    expect(pids.size).toBeGreaterThan(1)
    expect(pids.size).toBeLessThanOrEqual(3)
  })

  it('returns a thrown error in the shape wx.cloud.callFunction gives, without the stack', async () => {
    const { body } = await call('boom', {})
    expect(body.errCode).toBe(-504002)
    expect(body.errMsg).toMatch(/boom: the handler failed/)
    expect(body.errMsg).not.toMatch(/\n\s+at /)
    await expect(t.sdk.callFunction({ name: 'boom', data: {} })).rejects.toThrow(/boom/)
  })

  it('stops a function at its configured timeout, and the next call gets a fresh instance', async () => {
    const { body } = await call('slow', { ms: 3000 })
    expect(body).toMatchObject({ errCode: -504003 })
    expect(body.errMsg).toMatch(/timed out after 1 seconds/)
    expect((await call('slow', { ms: 10 })).body.result).toEqual({ slept: 10 })
  })

  it('a cold instance’s loading is timed apart from the invocation, as CloudBase times initialisation on its own', async () => {
    expect((await call('slow-start', {})).body.result).toEqual({ started: true })
  })

  it('an unknown function is an error, and a malformed body is a 400', async () => {
    expect((await call('nope', {})).body.errCode).toBe(-501000)
    const response = await fetch(`${t.cloud.url}/functions/whoami`, { method: 'POST', body: '{not json' })
    expect(response.status).toBe(400)
  })

  it('fires a timer trigger on demand with the timer event and SOURCE wx_trigger', async () => {
    const response = await fetch(`${t.cloud.url}/triggers/tick/everySecond`, { method: 'POST' })
    expect(((await response.json()) as any).result).toEqual({ source: 'wx_trigger', trigger: 'everySecond' })
  })

  it('runs timer triggers on their schedule', async () => {
    const before = (await t.db.collection('ticks').where({ type: 'Timer' }).count()).total
    await new Promise((r) => setTimeout(r, 2_500))
    const after = (await t.db.collection('ticks').where({ type: 'Timer', source: 'wx_trigger' }).count()).total
    expect(after - before).toBeGreaterThanOrEqual(1)
  })

  it('answers GET /healthz, on a socket bound to 127.0.0.1 only', async () => {
    expect((await fetch(`${t.cloud.url}/healthz`)).status).toBe(200)
    expect(t.cloud.boundAddress).toBe('127.0.0.1')
  })
})
