import { constants, privateDecrypt, randomBytes, randomInt, randomUUID, type KeyObject } from 'node:crypto'
import type http from 'node:http'
import { parseAuthorization, requestMessage, rsaVerify, sealResource, signedHeaders, timestampFresh, type PlatformKey } from './apiv3'
import { FINAL_STATES, type BillRequest, type ReportInfo, type TransferBill, type TransferRecords } from './records'

const API = '/v3/fund-app/mch-transfer/transfer-bills'

/** Scene 1005 (佣金报酬) must report exactly these lines, each once (WeChat's info_type values). */
export const SCENE_REPORT_TYPES: Record<string, string[]> = { '1005': ['岗位类型', '报酬说明'] }

/** At and above 2,000 yuan WeChat needs the payee's real name (user_name) to check against the account. */
const REAL_NAME_FROM_FEN = 200_000

/** A merchant's default single-transfer range starts at 0.1 yuan; below it WeChat refuses the request. */
const MIN_TRANSFER_FEN = 10

export type TransferFault = 'system_error' | 'lost_answer' | 'no_answer' | 'fail'
export const TRANSFER_FAULTS: TransferFault[] = ['system_error', 'lost_answer', 'no_answer', 'fail']

/** The merchant whose requests are accepted: its public key, the serial requests must name, and (for the development key only) its private half. */
export interface MerchantConfig {
  publicKey: KeyObject
  serialNo?: string
  privateKeyPem?: string
}

/** What a merchant's server needs to call this service and read its notifications (the secrets a real merchant keeps). */
export interface MerchantCredentials {
  mchId: string
  appId: string
  privateKeyPem: string
  serialNo: string
  apiV3Key: string
  platformPublicKeyPem: string
  platformKeyId: string
}

export interface TransferConfig {
  mchId: string
  appId: string
  merchant: () => MerchantConfig
  apiV3Key: string
  platform: PlatformKey
  settleDelayMs: number
  expiryMs: number
  retryDelaysMs: number[]
  log: (line: string) => void
}

interface Answer {
  status: number
  body?: unknown
}

/** The work is done but the connection closes without an answer: the caller sees a network error, as on a timeout. */
class NoAnswer {}

class WxError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

/**
 * WeChat Pay's side of the upgraded merchant transfer (商家转账): the APIv3 endpoints the merchant's
 * server calls, the user's confirm sheet (dev endpoints standing in for wx.requestMerchantTransfer),
 * the bill's life (confirm, settle, expire, cancel) and the signed, encrypted notifications.
 */
export class TransferService {
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false
  /** Faults for the next calls, per API: 'create', 'query' or 'cancel'. */
  private readonly faults = new Map<string, Array<{ fault: TransferFault; reason?: string }>>()

  constructor(
    private readonly records: TransferRecords,
    private readonly config: TransferConfig,
  ) {}

  /**
   * The credentials of the development merchant, for the functions the local cloud runs; undefined
   * when the merchant's public key was given from outside, since its private half is not here.
   */
  merchantCredentials(): MerchantCredentials | undefined {
    const { privateKeyPem, serialNo } = this.config.merchant()
    if (!privateKeyPem || !serialNo) return undefined
    const { mchId, appId, apiV3Key, platform } = this.config
    const platformPublicKeyPem = platform.publicKey.export({ type: 'spki', format: 'pem' }) as string
    return { mchId, appId, privateKeyPem, serialNo, apiV3Key, platformPublicKeyPem, platformKeyId: platform.serialNo }
  }

  serves(pathname: string): boolean {
    return pathname.startsWith(`${API}`) || pathname.startsWith('/dev/transfer/')
  }

  /** Sets the timers of unfinished bills again (expiry, settling), as after a restart. */
  resume(): void {
    for (const bill of this.records.unfinished()) {
      if (bill.state === 'WAIT_USER_CONFIRM') this.scheduleExpiry(bill)
      else this.later(this.config.settleDelayMs, () => this.settle(bill._id))
    }
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let answer: Answer
    try {
      const body = await readBody(req)
      answer = url.pathname.startsWith('/dev/')
        ? await this.dev(req.method ?? 'GET', url, body)
        : await this.api(req, url, body)
    } catch (error) {
      if (error instanceof NoAnswer) {
        this.config.log(`transfer ${req.method} ${url.pathname} answer dropped (fault)`)
        res.socket?.destroy()
        return
      }
      if (!(error instanceof WxError)) this.config.log(`transfer: ${req.method} ${url.pathname} failed: ${(error as Error)?.stack ?? error}`)
      const wx = error instanceof WxError ? error : new WxError(500, 'SYSTEM_ERROR', '系统异常，请稍后重试')
      answer = { status: wx.status, body: { code: wx.code, message: wx.message } }
    }
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
    const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }
    // Every APIv3 answer, errors included, is signed by the platform and carries a Request-ID.
    if (!url.pathname.startsWith('/dev/')) Object.assign(headers, signedHeaders(text, this.config.platform), { 'Request-ID': randomUUID() })
    res.writeHead(answer.status, headers)
    res.end(text)
    this.config.log(`transfer ${req.method} ${url.pathname} ${answer.status} ${Date.now() - started}ms`)
  }

  // ---- APIv3 ----

  private async api(req: http.IncomingMessage, url: URL, body: string): Promise<Answer> {
    this.authenticate(req, url, body)
    const method = req.method ?? 'GET'
    if (method === 'POST' && url.pathname === API) return this.create(body, req)
    const byNumber = url.pathname.match(/^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([^/]+)(\/cancel)?$/)
    if (byNumber && method === 'GET' && !byNumber[2]) return this.query(decodeURIComponent(byNumber[1]))
    if (byNumber && method === 'POST' && byNumber[2]) return this.cancel(decodeURIComponent(byNumber[1]))
    throw new WxError(404, 'NOT_FOUND', '请求的资源不存在')
  }

  /** Checks the Authorization header against the merchant's configured public key. */
  private authenticate(req: http.IncomingMessage, url: URL, body: string): void {
    const auth = parseAuthorization(header(req, 'authorization'))
    if (!auth) throw new WxError(401, 'SIGN_ERROR', 'Authorization 不合法：应为 WECHATPAY2-SHA256-RSA2048 mchid,nonce_str,signature,timestamp,serial_no')
    const { mchId } = this.config
    const merchant = this.config.merchant()
    if (auth.mchid !== mchId) throw new WxError(401, 'SIGN_ERROR', `商户号 ${auth.mchid} 不存在`)
    if (merchant.serialNo && auth.serial_no !== merchant.serialNo) throw new WxError(401, 'SIGN_ERROR', `商户证书序列号 ${auth.serial_no} 无效`)
    if (!timestampFresh(auth.timestamp, Date.now())) throw new WxError(401, 'SIGN_ERROR', '签名时间戳已过期')
    const message = requestMessage(req.method ?? 'GET', url.pathname + url.search, auth.timestamp, auth.nonce_str, body)
    if (!rsaVerify(message, auth.signature, merchant.publicKey)) throw new WxError(401, 'SIGN_ERROR', '签名错误')
  }

  private async create(text: string, req: http.IncomingMessage): Promise<Answer> {
    const fault = this.takeFault('create')
    if (fault?.fault === 'system_error') throw new WxError(500, 'SYSTEM_ERROR', '系统异常，请稍后重试')
    const request = this.validate(parseJson(text), header(req, 'wechatpay-serial'))
    const existing = this.records.bill(request.out_bill_no)
    let bill: TransferBill
    if (existing) {
      // The same number is the same payout: answered again if the request is the same, refused if not.
      if (JSON.stringify(existing.request) !== JSON.stringify(request)) {
        throw new WxError(400, 'INVALID_REQUEST', '商户单号重复，且与原单据请求参数不一致')
      }
      bill = existing
    } else {
      const now = new Date()
      bill = {
        _id: request.out_bill_no,
        mchId: this.config.mchId,
        request,
        transferBillNo: newTransferBillNo(now),
        packageInfo: randomBytes(48).toString('base64'),
        state: 'WAIT_USER_CONFIRM',
        ...(fault?.fault === 'fail' ? { failsWith: fault.reason ?? 'ACCOUNT_FROZEN' } : {}),
        createdAt: now,
        updatedAt: now,
      }
      await this.records.save(bill)
      this.scheduleExpiry(bill)
    }
    lose(fault?.fault)
    const current = this.records.bill(bill._id)!
    return {
      status: 200,
      body: {
        out_bill_no: current._id,
        transfer_bill_no: current.transferBillNo,
        create_time: rfc3339(current.createdAt),
        state: current.state,
        ...(current.state === 'WAIT_USER_CONFIRM' ? { package_info: current.packageInfo } : {}),
        ...(current.failReason ? { fail_reason: current.failReason } : {}),
      },
    }
  }

  private query(outBillNo: string): Answer {
    if (this.takeFault('query')) throw new WxError(500, 'SYSTEM_ERROR', '系统异常，请稍后重试')
    const bill = this.records.bill(outBillNo)
    if (!bill) throw new WxError(404, 'NOT_FOUND', '记录不存在')
    return { status: 200, body: describeBill(bill) }
  }

  private async cancel(outBillNo: string): Promise<Answer> {
    const fault = this.takeFault('cancel')
    if (fault?.fault === 'system_error') throw new WxError(500, 'SYSTEM_ERROR', '系统异常，请稍后重试')
    const bill = this.records.bill(outBillNo)
    if (!bill) throw new WxError(404, 'NOT_FOUND', '记录不存在')
    if (bill.state !== 'WAIT_USER_CONFIRM' && bill.state !== 'CANCELING') {
      throw new WxError(400, 'INVALID_REQUEST', `单据状态为 ${bill.state}，不可撤销`)
    }
    const canceling: TransferBill = bill.state === 'CANCELING' ? bill : { ...bill, state: 'CANCELING', updatedAt: new Date() }
    if (canceling !== bill) {
      await this.records.save(canceling)
      this.later(this.config.settleDelayMs, () => this.settle(bill._id))
    }
    lose(fault?.fault)
    return {
      status: 200,
      body: { out_bill_no: canceling._id, transfer_bill_no: canceling.transferBillNo, state: 'CANCELING', update_time: rfc3339(canceling.updatedAt) },
    }
  }

  /** The request's fields, checked as WeChat checks them; refusals are PARAM_ERROR with a message for people. */
  private validate(input: unknown, wechatpaySerial: string | undefined): BillRequest {
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw paramError('请求体应为 JSON 对象')
    const p = input as Record<string, unknown>
    const str = (name: string, required = true): string | undefined => {
      const value = p[name]
      if (value === undefined && !required) return undefined
      if (typeof value !== 'string' || value === '') throw paramError(`${name} 为必填字符串`)
      return value
    }
    const appid = str('appid')!
    if (appid !== this.config.appId) throw new WxError(400, 'INVALID_REQUEST', `appid ${appid} 与商户号 ${this.config.mchId} 未绑定`)
    const outBillNo = str('out_bill_no')!
    if (!/^[A-Za-z0-9]{1,32}$/.test(outBillNo)) throw paramError('out_bill_no 应为 1–32 位数字或字母')
    const scene = str('transfer_scene_id')!
    const requiredTypes = SCENE_REPORT_TYPES[scene]
    if (!requiredTypes) throw new WxError(403, 'NO_AUTH', `商户号未开通转账场景 ${scene}`)
    const openid = str('openid')!
    const amount = p.transfer_amount
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) throw paramError('transfer_amount 应为正整数（分）')
    if (amount < MIN_TRANSFER_FEN) throw new WxError(400, 'INVALID_REQUEST', '超过单笔转账上下限,核实产品设置是否准确')
    const remark = str('transfer_remark')!
    if ([...remark].length > 32) throw paramError('transfer_remark 不能超过 32 个字符')
    const infos = reportInfos(p.transfer_scene_report_infos, scene, requiredTypes)
    const notifyUrl = str('notify_url', false)
    if (notifyUrl !== undefined && !/^https?:\/\/\S+$/.test(notifyUrl)) throw paramError('notify_url 应为 http(s) 地址')
    const encryptedName = str('user_name', false)
    let userName: string | undefined
    if (encryptedName !== undefined) {
      if (wechatpaySerial !== this.config.platform.serialNo) throw paramError('user_name 已加密时，请求头 Wechatpay-Serial 应为加密所用的微信支付公钥 ID')
      userName = this.decryptName(encryptedName)
    }
    if (amount >= REAL_NAME_FROM_FEN && userName === undefined) throw paramError('转账金额 >= 2000 元时 user_name 必填')
    return {
      appid,
      out_bill_no: outBillNo,
      transfer_scene_id: scene,
      openid,
      transfer_amount: amount,
      transfer_remark: remark,
      transfer_scene_report_infos: infos,
      ...(notifyUrl !== undefined ? { notify_url: notifyUrl } : {}),
      ...(userName !== undefined ? { user_name: userName } : {}),
    }
  }

  /** user_name is encrypted with the platform public key, RSA-OAEP (SHA-1), as WeChat's sensitive fields are. */
  private decryptName(encrypted: string): string {
    try {
      return privateDecrypt({ key: this.config.platform.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(encrypted, 'base64')).toString('utf8')
    } catch {
      throw paramError('user_name 解密失败：应以微信支付公钥 RSA-OAEP 加密后 base64')
    }
  }

  // ---- the bill's life ----

  private scheduleExpiry(bill: TransferBill): void {
    const left = bill.createdAt.getTime() + this.config.expiryMs - Date.now()
    this.later(Math.max(0, left), () => this.end(bill._id, ['WAIT_USER_CONFIRM'], 'CANCELLED'))
  }

  /** A confirmed bill ends as it was set to end; CANCELING ends CANCELLED. Never one the user has not confirmed. */
  private async settle(outBillNo: string): Promise<void> {
    const bill = this.records.bill(outBillNo)
    if (bill?.state === 'CANCELING') await this.end(outBillNo, ['CANCELING'], 'CANCELLED')
    else if (bill && !FINAL_STATES.includes(bill.state) && bill.state !== 'WAIT_USER_CONFIRM') {
      await this.end(outBillNo, [bill.state], bill.failsWith ? 'FAIL' : 'SUCCESS', bill.failsWith)
    }
  }

  /** Moves a bill to a final state if it is still in one of `from`, then notifies. */
  private async end(outBillNo: string, from: TransferBill['state'][], to: 'SUCCESS' | 'FAIL' | 'CANCELLED', failReason?: string): Promise<boolean> {
    const bill = this.records.bill(outBillNo)
    if (!bill || !from.includes(bill.state)) return false
    const ended: TransferBill = { ...bill, state: to, updatedAt: new Date(), ...(failReason ? { failReason } : {}) }
    await this.records.save(ended)
    this.notify(ended)
    return true
  }

  // ---- notifications ----

  /** The final-state notification (MCHTRANSFER.BILL.FINISHED) to notify_url, retried until answered 200/204. */
  private notify(bill: TransferBill): void {
    const url = bill.request.notify_url
    if (!url) return
    const plain = {
      out_bill_no: bill._id,
      transfer_bill_no: bill.transferBillNo,
      state: bill.state,
      mch_id: bill.mchId,
      transfer_amount: bill.request.transfer_amount,
      openid: bill.request.openid,
      ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
      create_time: rfc3339(bill.createdAt),
      update_time: rfc3339(bill.updatedAt),
    }
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: rfc3339(new Date()),
      resource_type: 'encrypt-resource',
      event_type: 'MCHTRANSFER.BILL.FINISHED',
      summary: '商家转账单据终态通知',
      resource: { original_type: 'mch_payment', ...sealResource(JSON.stringify(plain), this.config.apiV3Key, 'mch_payment') },
    })
    void this.deliver(url, body, bill._id, 0)
  }

  private async deliver(url: string, body: string, outBillNo: string, attempt: number): Promise<void> {
    if (this.closed) return
    let reason: string
    try {
      // Signed anew each time, as WeChat does: a receiver checks the timestamp's freshness.
      const headers = { 'content-type': 'application/json', ...signedHeaders(body, this.config.platform) }
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) })
      await response.arrayBuffer()
      if (response.status === 200 || response.status === 204) return
      reason = `answered HTTP ${response.status}`
    } catch (error) {
      reason = String(error)
    }
    const delay = this.config.retryDelaysMs[attempt]
    const what = `transfer: notification for ${outBillNo} to ${url} not acknowledged (${reason})`
    if (delay === undefined) return this.config.log(`${what}; giving up after ${attempt + 1} attempts`)
    this.config.log(`${what}; delivering again in ${delay} ms`)
    this.later(delay, () => this.deliver(url, body, outBillNo, attempt + 1))
  }

  private later(ms: number, task: () => Promise<unknown>): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      task().catch((error) => this.config.log(`transfer: deferred task failed: ${error?.stack ?? error}`))
    }, ms)
    this.timers.add(timer)
  }

  private takeFault(api: string) {
    return this.faults.get(api)?.shift()
  }

  // ---- the user's side and development endpoints ----

  private async dev(method: string, url: URL, text: string): Promise<Answer> {
    if (method === 'GET' && url.pathname === '/dev/transfer/bill') {
      const bill = this.byPackage(url.searchParams.get('package'))
      return {
        status: 200,
        body: {
          outBillNo: bill._id,
          transferAmount: bill.request.transfer_amount,
          transferRemark: bill.request.transfer_remark,
          state: bill.state,
          mchId: bill.mchId,
          appId: bill.request.appid,
        },
      }
    }
    if (method === 'GET' && url.pathname === '/dev/transfer/platform-key') {
      const publicKey = this.config.platform.publicKey.export({ type: 'spki', format: 'pem' })
      return { status: 200, body: { serialNo: this.config.platform.serialNo, publicKey } }
    }
    if (method !== 'POST') return devError(404, 'not found')
    const body = parseJson(text) as Record<string, unknown>
    switch (url.pathname) {
      case '/dev/transfer/confirm':
        return this.confirm(this.byPackage(body?.package))
      case '/dev/transfer/cancel': {
        const bill = this.byPackage(body?.package)
        if (!(await this.end(bill._id, ['WAIT_USER_CONFIRM'], 'CANCELLED'))) return devError(409, `the transfer is ${bill.state}`)
        return { status: 200, body: { ok: true } }
      }
      case '/dev/transfer/faults':
        return this.injectFault(body)
      default:
        return devError(404, 'not found')
    }
  }

  /** The user confirms: WeChat accepts the transfer, then it ends (SUCCESS, or FAIL when a fault said so). */
  private async confirm(bill: TransferBill): Promise<Answer> {
    if (bill.state !== 'WAIT_USER_CONFIRM') return devError(409, `the transfer is ${bill.state}`)
    await this.records.save({ ...bill, state: 'ACCEPTED', updatedAt: new Date() })
    this.later(this.config.settleDelayMs, () => this.settle(bill._id))
    return { status: 200, body: { ok: true } }
  }

  /** `{ api?: 'create' | 'query' | 'cancel', fault, reason?, count? }`: the next `count` calls of the API fail that way. */
  private injectFault(body: Record<string, unknown>): Answer {
    const api = body?.api ?? 'create'
    const fault = body?.fault as TransferFault
    const count = Number(body?.count ?? 1)
    const valid =
      (api === 'create' || api === 'query' || api === 'cancel') &&
      TRANSFER_FAULTS.includes(fault) &&
      (fault !== 'fail' || api === 'create') &&
      ((fault !== 'lost_answer' && fault !== 'no_answer') || api !== 'query') &&
      (body?.reason === undefined || typeof body.reason === 'string') &&
      Number.isInteger(count) &&
      count >= 1
    if (!valid) {
      return devError(400, `expected { api: create | query | cancel, fault: ${TRANSFER_FAULTS.join(' | ')} (fail for create, lost_answer not for query), reason?, count? }`)
    }
    const queue = this.faults.get(api as string) ?? []
    for (let i = 0; i < count; i++) queue.push({ fault, reason: body.reason as string | undefined })
    this.faults.set(api as string, queue)
    return { status: 200, body: { ok: true } }
  }

  private byPackage(pkg: unknown): TransferBill {
    if (typeof pkg !== 'string' || !pkg) throw new WxError(400, 'PARAM_ERROR', 'package is required: the package_info the transfer answered')
    const bill = this.records.byPackage(pkg)
    if (!bill) throw new WxError(404, 'NOT_FOUND', `no transfer for package ${pkg}`)
    return bill
  }
}

function reportInfos(value: unknown, scene: string, required: string[]): ReportInfo[] {
  const expected = `场景 ${scene} 的 transfer_scene_report_infos 应恰好包含 ${required.join('、')} 各一条`
  if (!Array.isArray(value)) throw paramError(expected)
  const infos = value.map((item) => {
    const { info_type, info_content } = (item ?? {}) as Record<string, unknown>
    if (typeof info_type !== 'string' || typeof info_content !== 'string' || !info_content) throw paramError(`${expected}，info_content 不能为空`)
    return { info_type, info_content }
  })
  const types = infos.map((info) => info.info_type)
  if (types.length !== required.length || required.some((type) => !types.includes(type))) throw paramError(`${expected}（收到：${types.join('、') || '无'}）`)
  return infos
}

function describeBill(bill: TransferBill) {
  return {
    mch_id: bill.mchId,
    out_bill_no: bill._id,
    transfer_bill_no: bill.transferBillNo,
    appid: bill.request.appid,
    state: bill.state,
    transfer_amount: bill.request.transfer_amount,
    transfer_remark: bill.request.transfer_remark,
    ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
    openid: bill.request.openid,
    create_time: rfc3339(bill.createdAt),
    update_time: rfc3339(bill.updatedAt),
  }
}

/** After the work of a faulty call is done: its answer is lost as a 500, or never comes. */
function lose(fault: TransferFault | undefined): void {
  if (fault === 'lost_answer') throw new WxError(500, 'SYSTEM_ERROR', '系统异常，请稍后重试')
  if (fault === 'no_answer') throw new NoAnswer()
}

const paramError = (message: string) => new WxError(400, 'PARAM_ERROR', message)
const devError = (status: number, errMsg: string): Answer => ({ status, body: { ok: false, errMsg } })

function parseJson(text: string): unknown {
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw paramError('请求体不是合法的 JSON')
  }
}

/** RFC 3339 in China time, as APIv3 writes times: 2025-01-01T12:00:00+08:00. */
export function rfc3339(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`
}

/** WeChat's transfer bill numbers are long digit strings that start with the date. */
function newTransferBillNo(at: Date): string {
  let digits = ''
  for (let i = 0; i < 20; i++) digits += randomInt(10)
  return `1330${rfc3339(at).slice(0, 10).replace(/-/g, '')}${digits}`
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value || undefined
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > 1 << 20) throw paramError('请求体过大')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

