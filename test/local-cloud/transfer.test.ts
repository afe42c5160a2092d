import { createDecipheriv, createPublicKey, createSign, createVerify, generateKeyPairSync, publicEncrypt, randomBytes, constants, type KeyObject } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, startTestCloud, tempDir } from '../support/local-cloud'

// The merchant's side of WeChat Pay APIv3, written here from the protocol (not with the local cloud's
// own helpers), so the test checks the emulator against the protocol rather than against itself.

const FUNCTIONS = path.join(__dirname, '../fixtures/cloudfunctions')
const SCHEMA = path.join(__dirname, '../fixtures/schema.json')
const APP_ID = 'wxlocal0000000000'
const MCH_ID = '1900000109'
const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
const API_V3_KEY = 'testapiv3key0123456789abcdefghij'
const BASE = '/v3/fund-app/mch-transfer/transfer-bills'
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })

let counter = 0
const newBillNo = () => `B${process.pid}x${Date.now()}x${++counter}`

const commission = (outBillNo: string, extra: Record<string, unknown> = {}) => ({
  appid: APP_ID,
  out_bill_no: outBillNo,
  transfer_scene_id: '1005',
  openid: 'o-employee-1',
  transfer_amount: 1288,
  transfer_remark: '11月推广佣金',
  transfer_scene_report_infos: [
    { info_type: '岗位类型', info_content: '门店店员' },
    { info_type: '报酬说明', info_content: '11月小店推广佣金' },
  ],
  ...extra,
})

interface Received {
  headers: http.IncomingHttpHeaders
  body: string
}

/** The merchant's notify_url: records what arrives and answers each with the next planned status (200 after). */
async function startReceiver() {
  const received: Received[] = []
  const plannedStatuses: number[] = []
  const server = http.createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    received.push({ headers: req.headers, body })
    res.writeHead(plannedStatuses.shift() ?? 200).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wxpay/transfer-notify`
  return { url, received, plannedStatuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Polls until `probe` answers something truthy, and answers that. */
const until = async <T>(probe: () => T | Promise<T>, ms = 3_000): Promise<Exclude<T, false | undefined | null | '' | 0>> => {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value as Exclude<T, false | undefined | null | '' | 0>
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('WeChat Pay merchant transfer (APIv3) in the local cloud', () => {
  let t: TestCloud
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let platform: { serialNo: string; publicKey: KeyObject }
  const log: string[] = []

  const transferOptions = {
    merchantPublicKey: merchant.publicKey,
    merchantSerialNo: SERIAL,
    apiV3Key: API_V3_KEY,
    settleDelayMs: 20,
    retryDelaysMs: [30, 60],
  }

  /** The platform public key a cloud exposes for the adapter to verify its answers and notifications. */
  const platformKeyOf = async (url: string) => {
    const key = (await (await fetch(`${url}/dev/transfer/platform-key`)).json()) as { serialNo: string; publicKey: string }
    return { serialNo: key.serialNo, publicKey: createPublicKey(key.publicKey) }
  }

  beforeAll(async () => {
    receiver = await startReceiver()
    t = await startTestCloud({ functionsRoot: FUNCTIONS, schemaFile: SCHEMA, transfer: transferOptions, log: (line) => log.push(line) })
    platform = await platformKeyOf(t.cloud.url)
  })
  afterAll(async () => {
    await t.close()
    await receiver.close()
  })

  const verifySigned = (headers: { get(name: string): string | null }, body: string, by = platform) => {
    const timestamp = headers.get('wechatpay-timestamp')
    const nonce = headers.get('wechatpay-nonce')
    const signature = headers.get('wechatpay-signature')
    expect(headers.get('wechatpay-serial')).toBe(by.serialNo)
    return createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).verify(by.publicKey, signature ?? '', 'base64')
  }

  /** A request signed as the merchant signs APIv3 requests; the answer's platform signature is checked. */
  const v3 = async (
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
    { key = merchant.privateKey, url = t.cloud.url, signer = platform, extraHeaders = {} as Record<string, string> } = {},
  ) => {
    const text = body === undefined ? '' : JSON.stringify(body)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(16).toString('hex')
    const signature = createSign('RSA-SHA256').update(`${method}\n${route}\n${timestamp}\n${nonce}\n${text}\n`).sign(key, 'base64')
    const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${MCH_ID}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${SERIAL}"`
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
      body: body === undefined ? undefined : text,
    })
    const answer = await response.text()
    expect(verifySigned(response.headers, answer, signer)).toBe(true)
    return { status: response.status, body: (answer ? JSON.parse(answer) : undefined) as any }
  }

  const create = (body: unknown) => v3('POST', BASE, body)
  const query = (outBillNo: string) => v3('GET', `${BASE}/out-bill-no/${outBillNo}`)

  const dev = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(`${t.cloud.url}${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as any }
  }

  /** The notifications received for a bill, verified and decrypted as the merchant's server would. */
  const notificationsFor = (outBillNo: string, by = platform) =>
    receiver.received.flatMap(({ headers, body }) => {
      if (headers['wechatpay-serial'] !== by.serialNo) return []
      const signed = verifySigned({ get: (name) => (headers[name] as string | undefined) ?? null }, body, by)
      const envelope = JSON.parse(body)
      const { ciphertext, nonce, associated_data } = envelope.resource
      const sealed = Buffer.from(ciphertext, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', Buffer.from(API_V3_KEY), Buffer.from(nonce))
      decipher.setAAD(Buffer.from(associated_data))
      decipher.setAuthTag(sealed.subarray(sealed.length - 16))
      const resource = JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8'))
      return resource.out_bill_no === outBillNo ? [{ signed, envelope, resource }] : []
    })

  it('creates a bill waiting for the user, with package_info for wx.requestMerchantTransfer', async () => {
    const outBillNo = newBillNo()
    const { status, body } = await create(commission(outBillNo))
    expect(status).toBe(200)
    expect(body).toMatchObject({ out_bill_no: outBillNo, state: 'WAIT_USER_CONFIRM' })
    expect(body.transfer_bill_no).toMatch(/^\d{20,}$/)
    expect(body.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    expect(body.package_info).toEqual(expect.any(String))

    const sheet = await dev('GET', `/dev/transfer/bill?package=${encodeURIComponent(body.package_info)}`)
    expect(sheet.body).toMatchObject({ outBillNo, transferAmount: 1288, transferRemark: '11月推广佣金', state: 'WAIT_USER_CONFIRM', mchId: MCH_ID })
    expect((await query(outBillNo)).body).toMatchObject({ out_bill_no: outBillNo, state: 'WAIT_USER_CONFIRM', transfer_amount: 1288, openid: 'o-employee-1', mch_id: MCH_ID })
  })

  it('answers the same bill for the same out_bill_no, and refuses a different request under it', async () => {
    const outBillNo = newBillNo()
    const first = await create(commission(outBillNo))
    const again = await create(commission(outBillNo))
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    const conflicting = await create(commission(outBillNo, { transfer_amount: 9999 }))
    expect(conflicting.status).toBe(400)
    expect(conflicting.body).toEqual({ code: 'INVALID_REQUEST', message: expect.any(String) })
    expect((await query(outBillNo)).body.transfer_amount).toBe(1288)
  })

  it('refuses missing or wrong report lines for scene 1005, and bad fields', async () => {
    const refusals = [
      commission(newBillNo(), { transfer_scene_report_infos: undefined }),
      commission(newBillNo(), { transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '店员' }] }),
      commission(newBillNo(), { transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '店员' }, { info_type: '报酬说明', info_content: '' }] }),
      commission(newBillNo(), { transfer_scene_report_infos: [{ info_type: '活动名称', info_content: '双11' }, { info_type: '奖励说明', info_content: '佣金' }] }),
      commission('bad-number-with-dashes'),
      commission(newBillNo(), { transfer_amount: 12.5 }),
      commission(newBillNo(), { transfer_amount: 300_000 }), // 2,000 yuan and more needs user_name
    ]
    for (const request of refusals) {
      const { status, body } = await create(request)
      expect(status, JSON.stringify(request)).toBe(400)
      expect(body.code).toBe('PARAM_ERROR')
    }
    // Below the merchant's default range (0.1 yuan and up) WeChat refuses the amount, not the field.
    const belowRange = await create(commission(newBillNo(), { transfer_amount: 9 }))
    expect(belowRange.status).toBe(400)
    expect(belowRange.body.code).toBe('INVALID_REQUEST')
    expect((await create(commission(newBillNo(), { transfer_amount: 10 }))).status).toBe(200)
    const otherScene = await create(commission(newBillNo(), { transfer_scene_id: '1000' }))
    expect(otherScene.status).toBe(403)
    expect(otherScene.body.code).toBe('NO_AUTH')
  })

  it('takes user_name encrypted with the platform public key, named by Wechatpay-Serial', async () => {
    const userName = publicEncrypt({ key: platform.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from('王芳')).toString('base64')
    const request = commission(newBillNo(), { transfer_amount: 250_000, user_name: userName })
    expect((await create(request)).status).toBe(400) // without the header
    const { status, body } = await v3('POST', BASE, request, { extraHeaders: { 'wechatpay-serial': platform.serialNo } })
    expect(status).toBe(200)
    expect(body.state).toBe('WAIT_USER_CONFIRM')
  })

  it('refuses a request that is unsigned, signed by another key or altered after signing', async () => {
    const request = commission(newBillNo())
    const unsigned = await fetch(`${t.cloud.url}${BASE}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })
    expect(unsigned.status).toBe(401)
    expect(await unsigned.json()).toMatchObject({ code: 'SIGN_ERROR' })

    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const forged = await v3('POST', BASE, request, { key: stranger.privateKey })
    expect(forged.status).toBe(401)
    expect(forged.body.code).toBe('SIGN_ERROR')

    // Signed for one path, sent to another: the signature covers the URL.
    const timestamp = String(Math.floor(Date.now() / 1000))
    const signature = createSign('RSA-SHA256').update(`GET\n${BASE}/out-bill-no/X1\n${timestamp}\nn1\n\n`).sign(merchant.privateKey, 'base64')
    const moved = await fetch(`${t.cloud.url}${BASE}/out-bill-no/X2`, {
      headers: { authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${MCH_ID}",nonce_str="n1",signature="${signature}",timestamp="${timestamp}",serial_no="${SERIAL}"` },
    })
    expect(moved.status).toBe(401)
    expect((await query(request.out_bill_no)).status).toBe(404)
  })

  it('answers 404 NOT_FOUND for an unknown bill', async () => {
    const { status, body } = await query('NoSuchBill0001')
    expect(status).toBe(404)
    expect(body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) })
  })

  it('pays when the user confirms: ACCEPTED, then SUCCESS and a signed, encrypted notification', async () => {
    const outBillNo = newBillNo()
    const { body } = await create(commission(outBillNo, { notify_url: receiver.url }))
    expect((await dev('POST', '/dev/transfer/confirm', { package: body.package_info })).status).toBe(200)
    expect(['ACCEPTED', 'SUCCESS']).toContain((await query(outBillNo)).body.state)
    await until(async () => (await query(outBillNo)).body.state === 'SUCCESS')

    const [notification] = await until(() => notificationsFor(outBillNo).length > 0 && notificationsFor(outBillNo))
    expect(notification.signed).toBe(true)
    expect(notification.envelope).toMatchObject({ event_type: 'MCHTRANSFER.BILL.FINISHED', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'mch_payment' } })
    expect(notification.resource).toMatchObject({ out_bill_no: outBillNo, transfer_bill_no: body.transfer_bill_no, state: 'SUCCESS', mch_id: MCH_ID, transfer_amount: 1288, openid: 'o-employee-1' })
    // A confirmed transfer cannot be confirmed, declined or cancelled again.
    expect((await dev('POST', '/dev/transfer/confirm', { package: body.package_info })).status).toBe(409)
    expect((await v3('POST', `${BASE}/out-bill-no/${outBillNo}/cancel`)).status).toBe(400)
  })

  it('delivers the notification again until the merchant answers 200', async () => {
    const outBillNo = newBillNo()
    receiver.plannedStatuses.push(500)
    const { body } = await create(commission(outBillNo, { notify_url: receiver.url }))
    await dev('POST', '/dev/transfer/confirm', { package: body.package_info })
    const deliveries = await until(() => notificationsFor(outBillNo).length >= 2 && notificationsFor(outBillNo))
    expect(deliveries.map((d) => d.resource.state)).toEqual(['SUCCESS', 'SUCCESS'])
    expect(log.some((line) => line.includes(`notification for ${outBillNo}`) && line.includes('HTTP 500'))).toBe(true)
  })

  it('ends CANCELLED when the user declines', async () => {
    const outBillNo = newBillNo()
    const { body } = await create(commission(outBillNo, { notify_url: receiver.url }))
    expect((await dev('POST', '/dev/transfer/cancel', { package: body.package_info })).status).toBe(200)
    expect((await query(outBillNo)).body.state).toBe('CANCELLED')
    const [notification] = await until(() => notificationsFor(outBillNo).length > 0 && notificationsFor(outBillNo))
    expect(notification.resource.state).toBe('CANCELLED')
    expect((await dev('POST', '/dev/transfer/confirm', { package: body.package_info })).status).toBe(409)
  })

  it('cancels before the user confirms: CANCELING, then CANCELLED; the user can no longer confirm', async () => {
    const outBillNo = newBillNo()
    const { body } = await create(commission(outBillNo))
    const cancel = await v3('POST', `${BASE}/out-bill-no/${outBillNo}/cancel`)
    expect(cancel.status).toBe(200)
    expect(cancel.body).toMatchObject({ out_bill_no: outBillNo, transfer_bill_no: body.transfer_bill_no, state: 'CANCELING' })
    expect((await dev('POST', '/dev/transfer/confirm', { package: body.package_info })).status).toBe(409)
    await until(async () => (await query(outBillNo)).body.state === 'CANCELLED')
    expect((await v3('POST', `${BASE}/out-bill-no/NoSuchBill0002/cancel`)).status).toBe(404)
  })

  it('after a lost answer the bill exists: a query finds it, and the same number again pays once', async () => {
    const outBillNo = newBillNo()
    expect((await dev('POST', '/dev/transfer/faults', { fault: 'lost_answer' })).status).toBe(200)
    const lost = await create(commission(outBillNo))
    expect(lost.status).toBe(500)
    expect(lost.body.code).toBe('SYSTEM_ERROR')
    const found = await query(outBillNo)
    expect(found.body.state).toBe('WAIT_USER_CONFIRM')
    const retried = await create(commission(outBillNo))
    expect(retried.body.transfer_bill_no).toBe(found.body.transfer_bill_no)
  })

  it('after no answer at all (the connection drops) the bill exists, and so does a cancel', async () => {
    const outBillNo = newBillNo()
    await dev('POST', '/dev/transfer/faults', { fault: 'no_answer' })
    await expect(create(commission(outBillNo))).rejects.toThrow()
    expect((await query(outBillNo)).body.state).toBe('WAIT_USER_CONFIRM')
    await dev('POST', '/dev/transfer/faults', { api: 'cancel', fault: 'no_answer' })
    await expect(v3('POST', `${BASE}/out-bill-no/${outBillNo}/cancel`)).rejects.toThrow()
    expect(['CANCELING', 'CANCELLED']).toContain((await query(outBillNo)).body.state)
    await until(async () => (await query(outBillNo)).body.state === 'CANCELLED')
  })

  it('a system error creates nothing', async () => {
    const outBillNo = newBillNo()
    await dev('POST', '/dev/transfer/faults', { fault: 'system_error' })
    expect((await create(commission(outBillNo))).status).toBe(500)
    expect((await query(outBillNo)).status).toBe(404)
    expect((await create(commission(outBillNo))).status).toBe(200)
    expect((await dev('POST', '/dev/transfer/faults', { fault: 'fail', api: 'query' })).status).toBe(400)
  })

  it('a transfer set to fail ends FAIL with its reason once the user confirms', async () => {
    const outBillNo = newBillNo()
    await dev('POST', '/dev/transfer/faults', { fault: 'fail', reason: 'ACCOUNT_FROZEN' })
    const { body } = await create(commission(outBillNo, { notify_url: receiver.url }))
    await dev('POST', '/dev/transfer/confirm', { package: body.package_info })
    const failed = await until(async () => {
      const answer = await query(outBillNo)
      return answer.body.state === 'FAIL' && answer.body
    })
    expect(failed.fail_reason).toBe('ACCOUNT_FROZEN')
    const [notification] = await until(() => notificationsFor(outBillNo).length > 0 && notificationsFor(outBillNo))
    expect(notification.resource).toMatchObject({ state: 'FAIL', fail_reason: 'ACCOUNT_FROZEN' })
  })

  it('gives functions no merchant credentials when the merchant key was given from outside', () => {
    expect(Object.keys(t.cloud.functionEnvironment())).not.toContain('WECHATPAY_PRIVATE_KEY')
  })

  it('otherwise keeps a development merchant in the data folder, whose credentials functions get and keep across a restart', async () => {
    const dataDir = tempDir('merchant')
    const first = await startTestCloud({ dataDir, functionsRoot: FUNCTIONS, schemaFile: SCHEMA })
    const env = first.cloud.functionEnvironment()
    await first.close()
    expect(env).toMatchObject({ WECHATPAY_MCH_ID: MCH_ID, WECHATPAY_APP_ID: APP_ID, WECHATPAY_SERIAL_NO: expect.stringMatching(/^[0-9A-F]{40}$/), WECHATPAY_BASE_URL: first.cloud.url })
    const again = await startTestCloud({ dataDir, functionsRoot: FUNCTIONS, schemaFile: SCHEMA })
    try {
      // The same merchant; only the addresses moved with the new port.
      const { WECHATPAY_BASE_URL: _base, HTTP_ACCESS_BASE_URL: _http, ...kept } = env
      expect(again.cloud.functionEnvironment()).toMatchObject(kept)
    } finally {
      await again.close()
    }
  })

  it('expires an unconfirmed bill as CANCELLED, and keeps bills across a restart', async () => {
    const dataDir = tempDir('transfer')
    const short = await startTestCloud({ dataDir, functionsRoot: FUNCTIONS, schemaFile: SCHEMA, transfer: { ...transferOptions, expiryMs: 300 } })
    const shortPlatform = await platformKeyOf(short.cloud.url)
    const at = { url: short.cloud.url, signer: shortPlatform }
    const expiring = newBillNo()
    const kept = newBillNo()
    expect((await v3('POST', BASE, commission(expiring, { notify_url: receiver.url }), at)).status).toBe(200)
    const created = await v3('POST', BASE, commission(kept), at)
    const shortDev = (route: string, body: unknown) =>
      fetch(`${short.cloud.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await shortDev('/dev/transfer/confirm', { package: created.body.package_info })).status).toBe(200)
    await until(async () => (await v3('GET', `${BASE}/out-bill-no/${expiring}`, undefined, at)).body.state === 'CANCELLED')
    const [notification] = await until(() => notificationsFor(expiring, shortPlatform).length > 0 && notificationsFor(expiring, shortPlatform))
    expect(notification).toMatchObject({ signed: true, resource: { state: 'CANCELLED' } })
    await until(async () => (await v3('GET', `${BASE}/out-bill-no/${kept}`, undefined, at)).body.state === 'SUCCESS')
    await short.close()

    const again = await startTestCloud({ dataDir, functionsRoot: FUNCTIONS, schemaFile: SCHEMA, transfer: transferOptions })
    try {
      // The platform key is kept in the data folder: answers after the restart verify with the same public key.
      const afterRestart = { url: again.cloud.url, signer: shortPlatform }
      const after = await v3('GET', `${BASE}/out-bill-no/${kept}`, undefined, afterRestart)
      expect(after.body).toMatchObject({ state: 'SUCCESS', transfer_bill_no: created.body.transfer_bill_no })
      expect((await v3('POST', BASE, commission(kept), afterRestart)).body.transfer_bill_no).toBe(created.body.transfer_bill_no)
    } finally {
      await again.close()
    }
  })
})
