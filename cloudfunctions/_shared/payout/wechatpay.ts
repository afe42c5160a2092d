// Module by module: see types/wechatpay-axios-plugin.d.ts for why not the package's entry.
import Aes from 'wechatpay-axios-plugin/lib/aes'
import Formatter from 'wechatpay-axios-plugin/lib/formatter'
import Rsa from 'wechatpay-axios-plugin/lib/rsa'
import Wechatpay from 'wechatpay-axios-plugin/lib/wechatpay'
import { z } from 'zod'
import type { PayoutConfig } from './config'
import { TRANSFER_STATES, type PayoutPort, type TransferAnswer, type TransferBill, type TransferRequest } from './transfer'

/**
 * The payout port on WeChat Pay APIv3's upgraded merchant transfer (/v3/fund-app/mch-transfer/…),
 * through wechatpay-axios-plugin (a maintained APIv3 client: request signing, answer verification,
 * AES-GCM; it bundles with the function and runs on the cloud's Node versions). The one file that
 * knows WeChat's request and answer shapes.
 */

/** Commission is paid under scene 1005 (佣金报酬). */
const COMMISSION_SCENE = '1005'
/** Scene 1005's report line 岗位类型 (the payee's job): every payee runs an employee shop. */
const PAYEE_JOB = '员工小店店主'
/** WeChat's rule for bill numbers, checked here too because the number goes into URL paths. */
const BILL_NUMBER = /^[A-Za-z0-9]{1,32}$/
/** A transfer makes up to three calls, and a notify or withdrawal function has 20 s. */
const CALL_TIMEOUT_MS = 5_000
/** WeChat signs every notification delivery anew; an older one is a replay. */
const MAX_NOTIFICATION_AGE_S = 300
const NOTIFICATION_EVENT = 'MCHTRANSFER.BILL.FINISHED'

/** A bill as WeChat's answers and notifications write it (each carries a subset of these fields). */
const wireBill = z.object({
  out_bill_no: z.string().min(1),
  transfer_bill_no: z.string().min(1),
  state: z.enum(TRANSFER_STATES),
  transfer_amount: z.number().int().positive().optional(),
  package_info: z.string().min(1).optional(),
  fail_reason: z.string().optional(),
  create_time: z.string().optional(),
  update_time: z.string().optional(),
  mch_id: z.string().optional(),
})

const wireError = z.object({ code: z.string().min(1), message: z.string().default('') })

const notification = z.object({
  event_type: z.string(),
  resource: z.object({ algorithm: z.literal('AEAD_AES_256_GCM'), ciphertext: z.string(), nonce: z.string(), associated_data: z.string().default('') }),
})

/** A signed answer from WeChat (its status and body), or why there is none to trust. */
type Reply = { status: number; body: unknown } | { unclear: string }

/** What this file reads of the client's (axios's) answers. */
interface HttpResponse {
  status: number
  data: unknown
  headers: Record<string, unknown>
}

export function wechatpayTransfers(config: PayoutConfig): PayoutPort {
  const client = new Wechatpay({
    mchid: config.mchId,
    serial: config.serialNo,
    privateKey: config.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    certs: { [config.publicKeyId]: config.publicKey },
    baseURL: config.baseUrl,
    timeout: CALL_TIMEOUT_MS,
    // The client verifies only 2xx answers unless every status counts as an answer: a refusal that
    // cannot be proven to be WeChat's must not end a payout, so refusals are verified too.
    validateStatus: () => true,
  })
  const bills = client.v3.fundApp.mchTransfer.transferBills

  /** One call: WeChat's verified answer, logged with its Request-ID, or unclear. */
  async function call(label: string, send: () => Promise<HttpResponse>): Promise<Reply> {
    try {
      const response = await send()
      console.log(`payout: ${label} → HTTP ${response.status} (Request-ID ${response.headers['request-id'] ?? 'none'})`)
      return { status: response.status, body: response.data }
    } catch (error) {
      const { code, message, response } = error as { code?: string; message?: string; response?: HttpResponse }
      const detail = `${label}: ${code ?? 'error'} ${message ?? error}${response ? ` (HTTP ${response.status}, Request-ID ${response.headers?.['request-id'] ?? 'none'})` : ''}`
      console.error(`payout: no trustworthy answer to ${detail}`)
      return { unclear: detail }
    }
  }

  /** The answer in the shop's words; `amountFen` stands in where WeChat's answer leaves the amount out (create). */
  function answerOf(reply: Reply, outBillNo: string, amountFen?: number): TransferAnswer {
    if ('unclear' in reply) return { kind: 'unclear', detail: reply.unclear }
    const { status, body } = reply
    if (status >= 200 && status < 300) {
      const bill = billFrom(body, amountFen)
      if (bill?.outBillNo === outBillNo) return { kind: 'bill', bill }
      return { kind: 'unclear', detail: `HTTP ${status} is not the bill ${outBillNo}: ${JSON.stringify(body)}` }
    }
    const error = wireError.safeParse(body)
    if (status === 404 && error.data?.code === 'NOT_FOUND') return { kind: 'not_found' }
    // 429 (FREQUENCY_LIMITED) and 5xx say nothing about the bill: only other 4xx are refusals.
    if (status >= 400 && status < 500 && status !== 429 && error.success) return { kind: 'refused', code: error.data.code, message: error.data.message }
    return { kind: 'unclear', detail: `HTTP ${status} ${JSON.stringify(body)}` }
  }

  const badNumber = (outBillNo: string): TransferAnswer => ({
    kind: 'refused',
    code: 'PARAM_ERROR',
    message: `out_bill_no ${JSON.stringify(outBillNo)} is not 1–32 letters or digits`,
  })

  async function create(request: TransferRequest): Promise<TransferAnswer> {
    const body = {
      appid: config.appId,
      out_bill_no: request.outBillNo,
      transfer_scene_id: COMMISSION_SCENE,
      openid: request.openid,
      transfer_amount: request.amountFen,
      transfer_remark: request.remark,
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: PAYEE_JOB },
        { info_type: '报酬说明', info_content: request.remark },
      ],
      notify_url: request.notifyUrl,
      // Sensitive fields travel encrypted with WeChat Pay's public key, named by Wechatpay-Serial.
      ...(request.userName ? { user_name: Rsa.encrypt(request.userName, config.publicKey) } : {}),
    }
    const reply = await call(`POST transfer-bills ${request.outBillNo}`, () => bills.post(body, { headers: { 'Wechatpay-Serial': config.publicKeyId } }))
    const answer = answerOf(reply, request.outBillNo, request.amountFen)
    // NOT_FOUND is a query's answer about a number; to a create it says nothing about the bill.
    return answer.kind === 'not_found' ? { kind: 'unclear', detail: `POST transfer-bills ${request.outBillNo} answered NOT_FOUND` } : answer
  }

  async function query(outBillNo: string): Promise<TransferAnswer> {
    if (!BILL_NUMBER.test(outBillNo)) return badNumber(outBillNo)
    const reply = await call(`GET transfer-bills ${outBillNo}`, () => bills.outBillNo._out_bill_no_.get({ out_bill_no: outBillNo }))
    return answerOf(reply, outBillNo)
  }

  /**
   * WeChat answers package_info only to a create. Sending the same request under the same number
   * again is how WeChat says to retry: it answers the bill it has, with its package, and makes none.
   */
  async function withPackage(found: TransferBill, request: TransferRequest): Promise<TransferAnswer> {
    const again = await create(request)
    if (again.kind === 'bill') return again
    console.error(`payout: ${request.outBillNo} waits for the user, but its package could not be read again (${JSON.stringify(again)})`)
    return { kind: 'bill', bill: found }
  }

  return {
    async transfer(request, { retry }) {
      if (!BILL_NUMBER.test(request.outBillNo)) return badNumber(request.outBillNo)
      if (retry) {
        const found = await query(request.outBillNo)
        if (found.kind === 'bill' && found.bill.state === 'WAIT_USER_CONFIRM') return withPackage(found.bill, request)
        if (found.kind === 'bill' || found.kind === 'unclear') return found
        // A refused query leaves open whether WeChat holds the number: nothing may be created.
        if (found.kind === 'refused') return { kind: 'unclear', detail: `asking WeChat about ${request.outBillNo} was refused: ${found.code} ${found.message}` }
      }
      const created = await create(request)
      if (created.kind !== 'refused') return created
      // WeChat also refuses a number it already holds for other fields: a refusal stands only for a free number.
      const held = await query(request.outBillNo)
      if (held.kind === 'not_found') return created
      if (held.kind === 'bill') return held
      return { kind: 'unclear', detail: `refused (${created.code} ${created.message}), and whether WeChat holds ${request.outBillNo} is not known: ${JSON.stringify(held)}` }
    },

    query,

    async cancel(outBillNo) {
      if (!BILL_NUMBER.test(outBillNo)) return badNumber(outBillNo)
      const reply = await call(`POST transfer-bills ${outBillNo}/cancel`, () => bills.outBillNo._out_bill_no_.cancel.post(undefined, { out_bill_no: outBillNo }))
      // An accepted cancel answers CANCELING without the amount: the bill is read whole instead.
      if ('status' in reply && reply.status >= 200 && reply.status < 300) return query(outBillNo)
      return answerOf(reply, outBillNo)
    },

    readNotification(headers, body) {
      const header = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
      const timestamp = header('wechatpay-timestamp')
      const nonce = header('wechatpay-nonce')
      const signature = header('wechatpay-signature')
      const serial = header('wechatpay-serial')
      if (!timestamp || !nonce || !signature || !serial) return { refused: 'the Wechatpay-Timestamp, -Nonce, -Signature and -Serial headers are required' }
      if (serial !== config.publicKeyId) return { refused: `signed with key ${serial}, not WeChat Pay's ${config.publicKeyId}` }
      if (!(Math.abs(Number(timestamp) - Date.now() / 1000) <= MAX_NOTIFICATION_AGE_S)) return { refused: `timestamp ${timestamp} is more than ${MAX_NOTIFICATION_AGE_S} s from now` }
      if (!verifies(Formatter.response(timestamp, nonce, body), signature, config)) return { refused: 'the signature does not verify with WeChat Pay’s public key' }
      const envelope = notification.safeParse(parseJson(body))
      if (!envelope.success) return { refused: 'not an encrypted notification' }
      if (envelope.data.event_type !== NOTIFICATION_EVENT) return { refused: `event ${envelope.data.event_type} is not ${NOTIFICATION_EVENT}` }
      const { ciphertext, nonce: iv, associated_data } = envelope.data.resource
      let plain: string
      try {
        plain = Aes.AesGcm.decrypt(ciphertext, config.apiV3Key, iv, associated_data)
      } catch {
        return { refused: 'the resource does not decrypt with the APIv3 key' }
      }
      const resource = wireBill.safeParse(parseJson(plain))
      if (!resource.success || resource.data.mch_id !== config.mchId) return { refused: `the resource is not a transfer bill of merchant ${config.mchId}` }
      return billFrom(resource.data) ?? { refused: 'the resource has no amount' }
    },

    confirmParams(bill) {
      if (!bill.packageInfo) throw new Error(`bill ${bill.outBillNo} (${bill.state}) has no package_info: only transfer() answers it, for a bill waiting for the user`)
      return { mchId: config.mchId, appId: config.appId, package: bill.packageInfo }
    },
  }
}

function billFrom(raw: unknown, amountFen?: number): TransferBill | undefined {
  const parsed = wireBill.safeParse(raw)
  if (!parsed.success) return undefined
  const { out_bill_no, transfer_bill_no, state, transfer_amount, package_info, fail_reason, create_time, update_time } = parsed.data
  const amount = transfer_amount ?? amountFen
  if (amount === undefined) return undefined
  const at = new Date(update_time ?? create_time ?? Number.NaN)
  return {
    outBillNo: out_bill_no,
    transferBillNo: transfer_bill_no,
    state,
    amountFen: amount,
    ...(package_info ? { packageInfo: package_info } : {}),
    ...(fail_reason ? { failReason: fail_reason } : {}),
    ...(Number.isNaN(at.getTime()) ? {} : { updatedAt: at }),
  }
}

function verifies(message: string, signature: string, config: PayoutConfig): boolean {
  try {
    return Rsa.verify(message, signature, config.publicKey)
  } catch {
    return false
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
