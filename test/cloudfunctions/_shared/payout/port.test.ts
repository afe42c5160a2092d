import { createCipheriv, createPrivateKey, createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PayoutPort, type TransferBill, type TransferRequest, payoutPort } from '../../../../cloudfunctions/_shared/payout/port'
import { TestCloud, callAs, startTestCloud } from '../../../support/local-cloud'

// The port against the local cloud's WeChat Pay, with real APIv3 signatures both ways: configured, as
// a function is, from the environment the local cloud gives its functions.

const FUNCTIONS = path.join(__dirname, '../../../fixtures/cloudfunctions')
const SCHEMA = path.join(__dirname, '../../../fixtures/schema.json')

let counter = 0
const unique = () => `${process.pid}x${Date.now() % 1e9}x${++counter}`

/** A commission payout to an employee no other test pays, so WeChat's bills for them are this test's. */
const payout = (extra: Partial<TransferRequest> = {}): TransferRequest => ({
  outBillNo: `W${unique()}`,
  openid: `o-employee-${unique()}`,
  amountFen: 1288,
  remark: '11月推广佣金',
  notifyUrl: 'http://127.0.0.1:9/unused',
  ...extra,
})

const until = async <T>(probe: () => Promise<T | undefined | false>, ms = 5_000): Promise<T> => {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('the payout port on WeChat Pay merchant transfer (商家转账)', () => {
  let t: TestCloud
  let port: PayoutPort
  let env: Record<string, string>
  const log: string[] = []

  beforeAll(async () => {
    t = await startTestCloud({ functionsRoot: FUNCTIONS, schemaFile: SCHEMA, transfer: { settleDelayMs: 20, retryDelaysMs: [50, 100] }, log: (line) => log.push(line) })
    env = t.cloud.functionEnvironment()
    port = payoutPort(env)
  })
  afterAll(() => t.close())

  const dev = async (route: string, body: unknown) => {
    const response = await fetch(`${t.cloud.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return response.status
  }
  const fault = (fault: string, api = 'create') => dev('/dev/transfer/faults', { api, fault })
  const confirm = (bill: TransferBill) => dev('/dev/transfer/confirm', { package: bill.packageInfo })

  const billOf = (answer: Awaited<ReturnType<PayoutPort['query']>>): TransferBill => {
    if (answer.kind !== 'bill') throw new Error(`expected a bill, got ${JSON.stringify(answer)}`)
    return answer.bill
  }
  const stateBecomes = (outBillNo: string, state: string) => until(async () => billOf(await port.query(outBillNo)).state === state)

  /** The bills WeChat holds for a payee: what was paid, whatever the port answered. */
  const billsAtWechatFor = async (openid: string) =>
    (await t.db.collection('_local_transfer_bills').where({ 'request.openid': openid }).get()).data as Array<{ request: { transfer_amount: number } }>

  /** The APIv3 requests the local WeChat Pay answered since `from`, as `METHOD path-below-transfer-bills STATUS`. */
  const servedSince = (from: number) =>
    log.slice(from).flatMap((line) => {
      const served = line.match(/^transfer (\w+) \/v3\/fund-app\/mch-transfer\/transfer-bills(\S*) (\d{3}) \d+ms$/)
      return served ? [`${served[1]} ${served[2] || '/'} ${served[3]}`] : []
    })

  it('starts a transfer that waits for the user, with what wx.requestMerchantTransfer needs', async () => {
    const request = payout()
    const bill = billOf(await port.transfer(request, { retry: false }))
    expect(bill).toMatchObject({ outBillNo: request.outBillNo, state: 'WAIT_USER_CONFIRM', amountFen: 1288, transferBillNo: expect.stringMatching(/^\d+$/) })
    expect(port.confirmParams(bill)).toEqual({ mchId: env.WECHATPAY_MCH_ID, appId: 'wxlocal0000000000', package: bill.packageInfo })
    const sheet = (await (await fetch(`${t.cloud.url}/dev/transfer/bill?package=${encodeURIComponent(bill.packageInfo!)}`)).json()) as any
    expect(sheet).toMatchObject({ outBillNo: request.outBillNo, transferAmount: 1288, transferRemark: '11月推广佣金' })
  })

  it('pays once the user confirms: a query then says SUCCESS', async () => {
    const request = payout()
    const bill = billOf(await port.transfer(request, { retry: false }))
    expect(await confirm(bill)).toBe(200)
    await stateBecomes(request.outBillNo, 'SUCCESS')
    expect(billOf(await port.query(request.outBillNo))).toMatchObject({ amountFen: 1288, transferBillNo: bill.transferBillNo, updatedAt: expect.any(Date) })
  })

  for (const lost of ['lost_answer', 'no_answer']) {
    it(`after a ${lost}, the retry asks WeChat first, finds the bill and pays once`, async () => {
      const request = payout({ amountFen: 5_000 })
      await fault(lost)
      const first = await port.transfer(request, { retry: false })
      expect(first.kind).toBe('unclear')

      const from = log.length
      const retried = billOf(await port.transfer(request, { retry: true }))
      // The retry's first call is the query; the bill it found needed its package read again.
      expect(servedSince(from)[0]).toBe(`GET /out-bill-no/${request.outBillNo} 200`)
      expect(retried).toMatchObject({ state: 'WAIT_USER_CONFIRM', amountFen: 5_000, packageInfo: expect.any(String) })

      await confirm(retried)
      await stateBecomes(request.outBillNo, 'SUCCESS')
      const atWechat = await billsAtWechatFor(request.openid)
      expect(atWechat.map((bill) => bill.request.transfer_amount)).toEqual([5_000])
    })
  }

  it('a system error is unclear; the retry under the same number makes exactly one bill', async () => {
    const request = payout()
    await fault('system_error')
    expect((await port.transfer(request, { retry: false })).kind).toBe('unclear')
    expect(await port.query(request.outBillNo)).toEqual({ kind: 'not_found' })

    const from = log.length
    expect(billOf(await port.transfer(request, { retry: true })).state).toBe('WAIT_USER_CONFIRM')
    expect(servedSince(from)).toEqual([`GET /out-bill-no/${request.outBillNo} 404`, 'POST / 200'])
    expect(billOf(await port.transfer(request, { retry: true })).state).toBe('WAIT_USER_CONFIRM')
    expect(await billsAtWechatFor(request.openid)).toHaveLength(1)
  })

  it('a retry that cannot ask WeChat creates nothing', async () => {
    const request = payout()
    await fault('system_error', 'query')
    expect((await port.transfer(request, { retry: true })).kind).toBe('unclear')
    expect(await billsAtWechatFor(request.openid)).toHaveLength(0)
  })

  it("answers WeChat's refusals with WeChat's code, and nothing is held under the number", async () => {
    const belowMinimum = payout({ amountFen: 9 })
    expect(await port.transfer(belowMinimum, { retry: false })).toMatchObject({ kind: 'refused', code: 'INVALID_REQUEST' })
    // An empty remark leaves scene 1005's 报酬说明 report line empty.
    const emptyReportLine = payout({ remark: '' })
    expect(await port.transfer(emptyReportLine, { retry: false })).toMatchObject({ kind: 'refused', code: 'PARAM_ERROR' })
    expect(await port.transfer(payout({ remark: '佣金'.repeat(17) }), { retry: false })).toMatchObject({ kind: 'refused', code: 'PARAM_ERROR' })
    expect(await port.query(belowMinimum.outBillNo)).toEqual({ kind: 'not_found' })
    // A number WeChat could not take is refused before any call.
    expect(await port.transfer(payout({ outBillNo: 'W-1/../x' }), { retry: false })).toMatchObject({ kind: 'refused', code: 'PARAM_ERROR' })
  })

  it("from 2,000 yuan, sends the payee's real name encrypted for WeChat, which then accepts the transfer", async () => {
    const large = payout({ amountFen: 250_000 })
    expect(await port.transfer(large, { retry: false })).toMatchObject({ kind: 'refused', code: 'PARAM_ERROR' })
    expect(billOf(await port.transfer({ ...large, userName: '王芳' }, { retry: false })).state).toBe('WAIT_USER_CONFIRM')
  })

  it('a number already held for another amount answers the bill WeChat holds, not a refusal', async () => {
    const request = payout()
    billOf(await port.transfer(request, { retry: false }))
    const reused = await port.transfer({ ...request, amountFen: 99_999 }, { retry: false })
    expect(billOf(reused)).toMatchObject({ outBillNo: request.outBillNo, amountFen: 1288 })
    expect(await billsAtWechatFor(request.openid)).toHaveLength(1)
  })

  it('cancels a bill the user has not confirmed: CANCELING, then CANCELLED, and it can no longer be confirmed', async () => {
    const request = payout()
    const bill = billOf(await port.transfer(request, { retry: false }))
    const cancelled = billOf(await port.cancel(request.outBillNo))
    expect(['CANCELING', 'CANCELLED']).toContain(cancelled.state)
    expect(cancelled.amountFen).toBe(1288)
    await stateBecomes(request.outBillNo, 'CANCELLED')
    expect(await confirm(bill)).toBe(409)
    expect(await port.cancel(`W${unique()}`)).toEqual({ kind: 'not_found' })
  })

  it('refuses to cancel once the user has confirmed', async () => {
    const request = payout()
    await confirm(billOf(await port.transfer(request, { retry: false })))
    expect(await port.cancel(request.outBillNo)).toMatchObject({ kind: 'refused', code: 'INVALID_REQUEST' })
  })

  describe('notifications', () => {
    let receiver: http.Server
    let notifyUrl: string
    const received: Array<{ headers: Record<string, string | undefined>; body: string }> = []

    beforeAll(async () => {
      receiver = http.createServer(async (req, res) => {
        let body = ''
        for await (const chunk of req) body += chunk
        received.push({ headers: req.headers as Record<string, string>, body })
        res.writeHead(204).end()
      })
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
      notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`
    })
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

    /** A genuine notification of a bill that ended SUCCESS, as delivered. */
    const genuine = async () => {
      const request = payout({ notifyUrl })
      await confirm(billOf(await port.transfer(request, { retry: false })))
      const delivery = await until(async () =>
        received.find(({ headers, body }) => {
          const read = port.readNotification(headers, body)
          return !('refused' in read) && read.outBillNo === request.outBillNo
        }),
      )
      return { request, delivery }
    }

    /** Signs as WeChat does, with the local cloud's platform key (kept in its data folder). */
    const signAsWechat = (body: string, timestamp = Math.floor(Date.now() / 1000)) => {
      const platformKey = createPrivateKey(fs.readFileSync(path.join(t.dataDir, 'wechatpay-platform-key.pem')))
      const nonce = randomBytes(16).toString('hex')
      const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(platformKey, 'base64')
      return { 'wechatpay-timestamp': String(timestamp), 'wechatpay-nonce': nonce, 'wechatpay-signature': signature, 'wechatpay-serial': env.WECHATPAY_PUBLIC_KEY_ID }
    }

    it('reads a genuine notification: verified, decrypted, the bill in its final state', async () => {
      const { request, delivery } = await genuine()
      expect(port.readNotification(delivery.headers, delivery.body)).toMatchObject({ outBillNo: request.outBillNo, state: 'SUCCESS', amountFen: 1288 })
    })

    it('refuses a notification whose body was altered, whose signature is not WeChat’s, or that lacks the headers', async () => {
      const { delivery } = await genuine()
      const altered = delivery.body.replace('"MCHTRANSFER.BILL.FINISHED"', '"MCHTRANSFER.BILL.FINISHED" ')
      expect(port.readNotification(delivery.headers, altered)).toEqual({ refused: expect.stringContaining('signature') })

      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
      const { 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce } = delivery.headers
      const forged = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${delivery.body}\n`).sign(stranger, 'base64')
      expect(port.readNotification({ ...delivery.headers, 'wechatpay-signature': forged }, delivery.body)).toEqual({ refused: expect.stringContaining('signature') })
      expect(port.readNotification({ ...delivery.headers, 'wechatpay-serial': 'PUB_KEY_ID_0114232134912410000000000000000' }, delivery.body)).toEqual({ refused: expect.stringContaining('key') })
      expect(port.readNotification({ 'content-type': 'application/json' }, delivery.body)).toEqual({ refused: expect.stringContaining('headers') })
    })

    it('refuses a signed notification replayed later, or sealed with another APIv3 key', async () => {
      const { delivery } = await genuine()
      expect(port.readNotification(signAsWechat(delivery.body, Math.floor(Date.now() / 1000) - 600), delivery.body)).toEqual({ refused: expect.stringContaining('timestamp') })
      expect(port.readNotification(signAsWechat(delivery.body), delivery.body)).toMatchObject({ state: 'SUCCESS' })

      const envelope = JSON.parse(delivery.body)
      const nonce = 'abcdefghijkl'
      const cipher = createCipheriv('aes-256-gcm', Buffer.from('another32byteapiv3keyxxxxxxxxxxx'), Buffer.from(nonce))
      cipher.setAAD(Buffer.from('mch_payment'))
      const plain = JSON.stringify({ out_bill_no: 'W1', transfer_bill_no: '1', state: 'SUCCESS', transfer_amount: 100, mch_id: env.WECHATPAY_MCH_ID })
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64')
      const sealedElsewhere = JSON.stringify({ ...envelope, resource: { ...envelope.resource, ciphertext, nonce } })
      expect(port.readNotification(signAsWechat(sealedElsewhere), sealedElsewhere)).toEqual({ refused: expect.stringContaining('decrypt') })
    })

    it('reaches the notify function through the HTTP access service, which reads it with the port', async () => {
      // The function signs with the credentials the local cloud put in its environment, and asks to be notified at its own address.
      const openid = `o-employee-${unique()}`
      const answer = await callAs(t.cloud, openid, 'payout-fixture', 'transfer', { outBillNo: `W${unique()}`, openid, amountFen: 3_000, remark: '11月推广佣金' })
      expect(answer).toMatchObject({ kind: 'bill', bill: { state: 'WAIT_USER_CONFIRM' } })

      await confirm(answer.bill)
      const notices = await until(async () => {
        const { data } = await t.db.collection('payout_notices').where({ 'read.outBillNo': answer.bill.outBillNo }).get()
        return data.length > 0 && data
      })
      expect(notices[0]).toMatchObject({ read: { state: 'SUCCESS', amountFen: 3_000 }, path: '/payout-fixture' })
      expect(notices[0].context.OPENID).toBeUndefined()
      // WeChat got 204 and stops: one delivery for one final state.
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect((await t.db.collection('payout_notices').where({ 'read.outBillNo': answer.bill.outBillNo }).count()).total).toBe(1)
    })
  })
})
