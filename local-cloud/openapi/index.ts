import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Identity } from '../functions/host'
import { readAppPages } from './app-pages'
import { PaymentLookup, ShippingInfoService } from './shipping-info'
import { LOCAL_SUBSCRIBE_TEMPLATES, SubscribeMessageService } from './subscribe-message'
import { MalformedRequest, decodeRequest, encodeResponse } from './wire'
import { WxAnswer, getUnlimited } from './wxacode'

export { encodeCloudError, formFileBytes } from './wire'

export interface OpenApiOptions {
  /**
   * The published pages `check_path` checks against, home page first. By default those that
   * `src/app.config.ts` declares, read at each call so a page added while the cloud runs counts.
   */
  pages?: string[]
  /** WeChat's quota for wxacode.getUnlimited, 5,000 calls a minute; lower it to test the shop's caching. */
  getUnlimitedPerMinute?: number
}

export type { PaymentLookup }

/** One `cloud.openapi.*` call, kept for inspection. */
export interface OpenApiCall {
  at: Date
  /** As the SDK names it: `wxacode.getUnlimited`. */
  apiName: string
  /** The request as WeChat receives it: snake_case keys, values parsed from the SDK's JSON. */
  params: Record<string, unknown>
  /** The invocation the calling function was serving; absent for a script outside any function. */
  caller?: Identity
  /** 0 when WeChat answered an image. */
  errcode: number
  errmsg?: string
  image?: { contentType: string; bytes: number; content: string }
}

/** The `wx.openApi` answer: bytes the SDK decodes, or a cloud-level refusal it throws as `-501007`-style. */
export type OpenApiAnswer = { ok: true; bytes: Buffer } | { ok: false; code: string; message: string }

type Api = (params: Record<string, unknown>) => Promise<WxAnswer>

const APP_CONFIG = path.resolve(__dirname, '../../src/app.config.ts')
const MINUTE_MS = 60_000
/** Enough for any test or development session; the oldest calls are forgotten past it. */
const KEPT_CALLS = 10_000

/**
 * WeChat's open APIs as cloud functions call them (`cloud.openapi.*`, no access token). Each call is
 * recorded, and each API's per-minute quota is enforced over any 60 s window (WeChat answers 45009).
 * A call refused for its arguments still counts against the quota; one refused by the quota does not.
 */
export class OpenApi {
  private readonly apis: Record<string, { run: Api; perMinute: number }>
  private readonly recent = new Map<string, number[]>()
  private readonly records: OpenApiCall[] = []
  private readonly faults = new Map<string, Array<{ errcode: number; errmsg: string }>>()
  /** Subscription messages: the templates, each user's accepted subscriptions (`requestSubscribeMessage`), and sending. */
  readonly subscriptions: SubscribeMessageService

  constructor(
    options: OpenApiOptions = {},
    payments: PaymentLookup = { byTransactionId: () => undefined, byOutTradeNo: () => undefined },
    private readonly now: () => number = Date.now,
  ) {
    const shipping = new ShippingInfoService(payments)
    const pages = options.pages ? () => options.pages! : () => readAppPages(APP_CONFIG)
    this.subscriptions = new SubscribeMessageService(Object.values(LOCAL_SUBSCRIBE_TEMPLATES), pages)
    this.apis = {
      'wxacode.getUnlimited': {
        run: (params) => getUnlimited(params, pages),
        perMinute: options.getUnlimitedPerMinute ?? 5_000,
      },
      // WeChat does not publish this API's quota; the local cloud takes it as high as getUnlimited's.
      'wxa.sec.order.uploadShippingInfo': { run: async (params) => shipping.upload(params), perMinute: 5_000 },
      // Nor this one's; what caps it is each user's accepted subscriptions.
      'subscribeMessage.send': { run: async (params) => this.subscriptions.send(params), perMinute: 5_000 },
    }
  }

  async handle(apiName: string, requestData: Buffer | undefined, caller?: Identity): Promise<OpenApiAnswer> {
    const api = this.apis[apiName]
    if (!api) return { ok: false, code: 'INVALID_PARAM', message: `openapi ${apiName} is not supported by the local cloud` }
    if (!requestData) return { ok: false, code: 'INVALID_PARAM', message: 'requestData is missing' }
    let params: Record<string, unknown>
    try {
      params = decodeRequest(requestData)
    } catch (error) {
      if (error instanceof MalformedRequest) return { ok: false, code: 'INVALID_PARAM', message: error.message }
      throw error
    }

    const fault = this.faults.get(apiName)?.shift()
    const answer = fault
      ? fault
      : this.withinQuota(apiName, api.perMinute)
        ? await api.run(params)
        : { errcode: 45009, errmsg: `reach max api minute quota limit (${api.perMinute} calls a minute)` }
    this.record({
      at: new Date(this.now()),
      apiName,
      params,
      caller,
      errcode: answer.errcode,
      ...('image' in answer
        ? { image: { contentType: answer.contentType, bytes: answer.image.length, content: answer.content } }
        : { errmsg: answer.errmsg }),
    })
    if ('image' in answer) return { ok: true, bytes: encodeResponse({ contentType: answer.contentType, body: answer.image }) }
    // WeChat answers as JSON, and appends a request id to a refusal's message, as here.
    const json = JSON.stringify({ errcode: answer.errcode, errmsg: answer.errcode === 0 ? answer.errmsg : `${answer.errmsg} rid: ${rid()}` })
    return { ok: true, bytes: encodeResponse({ contentType: 'application/json; encoding=utf-8', body: Buffer.from(json) }) }
  }

  /** Recorded calls, oldest first; only those of one API when it is named. */
  calls(apiName?: string): OpenApiCall[] {
    return this.records.filter((call) => !apiName || call.apiName === apiName)
  }

  /**
   * The next `count` calls of `apiName` are refused with `errcode`/`errmsg` (WeChat busy, say: -1),
   * whatever they ask; they are recorded like any refusal.
   */
  injectFault(apiName: string, answer: { errcode: number; errmsg: string }, count = 1): void {
    this.faults.set(apiName, [...(this.faults.get(apiName) ?? []), ...Array(count).fill(answer)])
  }

  /**
   * `GET /dev/openapi/calls[?apiName=…]`: the records, for tests that run the cloud in another process;
   * `POST /dev/openapi/faults` with `{ apiName, errcode, errmsg, count }`: injectFault.
   */
  async route(method: string, url: URL, readBody: () => Promise<unknown>): Promise<{ status: number; body: unknown } | undefined> {
    if (method === 'GET' && url.pathname === '/dev/openapi/calls') return { status: 200, body: { calls: this.calls(url.searchParams.get('apiName') ?? undefined) } }
    if (method !== 'POST' || url.pathname !== '/dev/openapi/faults') return undefined
    const body = (await readBody()) as Record<string, unknown> | null
    const { apiName, errcode, errmsg, count = 1 } = body ?? {}
    if (typeof apiName !== 'string' || !this.apis[apiName] || typeof errcode !== 'number' || errcode === 0 || typeof errmsg !== 'string' || !Number.isInteger(count) || (count as number) < 1) {
      return { status: 400, body: { ok: false, errMsg: 'expected { apiName, errcode (not 0), errmsg, count }' } }
    }
    this.injectFault(apiName, { errcode, errmsg }, count as number)
    return { status: 200, body: { ok: true } }
  }

  /** Counts this call in the API's last minute, unless the quota is already used up. */
  private withinQuota(apiName: string, perMinute: number): boolean {
    const now = this.now()
    const recent = (this.recent.get(apiName) ?? []).filter((at) => at > now - MINUTE_MS)
    const allowed = recent.length < perMinute
    if (allowed) recent.push(now)
    this.recent.set(apiName, recent)
    return allowed
  }

  private record(call: OpenApiCall): void {
    this.records.push(call)
    if (this.records.length > KEPT_CALLS) this.records.splice(0, this.records.length - KEPT_CALLS)
  }
}

/** Shaped like WeChat's request ids (`62764ad3-09f60c12-58046222`). */
function rid(): string {
  return randomBytes(12).toString('hex').match(/.{8}/g)!.join('-')
}
