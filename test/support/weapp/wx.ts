import { sign } from '../../../local-cloud/pay/format'

/**
 * The `wx` a mini program sees, played by the test: cloud functions answered by the local cloud as
 * the caller's OPENID, the page stack, and every effect a person would see (toasts, modals, the pay
 * sheet, the tab badge, the clipboard) recorded. It is never kinder than WeChat: an API the app
 * uses that is not emulated here does not exist (Taro then has no such method, and the call throws),
 * and the refusals WeChat makes (no cloud.init, navigateTo a tab page, a badge on a non-tab page,
 * a pay sheet with a wrong signature) are made here too, worded as WeChat words them.
 */

type Options = Record<string, any> & {
  success?: (result: object) => void
  fail?: (error: object) => void
  complete?: (result: object) => void
}

/** An API call WeChat refuses: its errMsg is `<api>:fail <reason>`. */
export class WxRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly fields: Record<string, unknown> = {},
  ) {
    super(reason)
  }
}

/** How WeChat opened the mini program (getLaunchOptionsSync / getEnterOptionsSync, App.onLaunch and onShow). */
export interface EnterOptions {
  path: string
  query: Record<string, string>
  scene: number
  referrerInfo: Record<string, never>
  forwardMaterials: never[]
}

/** A sheet WeChat draws over the page, waiting for the person to answer it. */
export interface SystemSheet {
  kind: 'modal' | 'payment' | 'address' | 'transfer'
  details: Record<string, any>
  answer(outcome: { ok: true; result: object } | { ok: false; reason: string }): void
}

export interface CloudCall {
  name: string
  action: unknown
  payload: unknown
  result?: unknown
  errMsg?: string
}

/** What the person saw and did, in order. */
export interface Records {
  cloudCalls: CloudCall[]
  toasts: Array<{ title: string; icon: string }>
  modals: Array<{ title: string; content: string; confirm: boolean }>
  /** Each pay sheet shown: `open` while it is, then `paid`, or why it closed unpaid (`cancel`…). */
  payments: Array<{ package: string; totalFee: number; outcome: string }>
  /** Each 确认收款 page shown: `open` while it is, then `confirmed`, or why it closed (`cancel`…). */
  transfers: Array<{ package: string; transferAmount: number; outcome: string }>
  navigations: Array<{ api: string; url: string }>
  clipboard: string[]
  /** The 购物车 tab's badge and its friends, by tab index. */
  tabBadges: Map<number, string>
}

export interface Router {
  navigateTo(url: string): Promise<void>
  redirectTo(url: string): Promise<void>
  navigateBack(delta: number): Promise<void>
  switchTab(url: string): Promise<void>
  reLaunch(url: string): Promise<void>
  /** Whether the page on top is a tab page (the tab bar APIs work only there). */
  onTabPage(): boolean
  setTitle(title: string): void
  stopPullDownRefresh(): void
}

export interface WxHost {
  appId: string
  /** Who is signed in to WeChat; none in Moments' single-page mode, which has no login. */
  openid: string | undefined
  cloudUrl: string
  /** app.json's requiredPrivateInfos: the privacy APIs the app declared, the only ones WeChat lets it call. */
  privateInfos: string[]
  enter: EnterOptions
  storage: Map<string, unknown>
  records: Records
  router: Router
  /** Keeps an operation in view until it ends, so `settle()` waits for it. */
  track<T>(work: Promise<T>): Promise<T>
  /** Opens a sheet and resolves with the person's answer. */
  openSheet(kind: SystemSheet['kind'], details: Record<string, any>): Promise<object>
  /** A failure inside the harness or the app that no WeChat API reports: the test fails on it. */
  error(message: string): void
}

/** The facts about the phone, taken from WeChat's own simulator: screen, system, menu button. */
const DEVICE_FACTS = [
  'env',
  'canIUse',
  'getWindowInfo',
  'getSystemSetting',
  'getSystemInfoSync',
  'getSystemInfoAsync',
  'getSystemInfo',
  'getDeviceInfo',
  'getAppBaseInfo',
  'getAppAuthorizeSetting',
  'getMenuButtonBoundingClientRect',
  'nextTick',
  'getPerformance',
  'getUpdateManager',
]

export function createWx(host: WxHost, simulatedApi: Record<string, unknown>): Record<string, unknown> {
  /**
   * WeChat's asynchronous API shape: with any callback given, the outcome goes to the callbacks;
   * without, a promise. The outcome never arrives synchronously.
   */
  const asyncApi =
    (name: string, run: (options: Options) => Promise<object | void>) =>
    (options: Options = {}) => {
      const outcome = host.track(
        Promise.resolve()
          .then(() => run(options))
          .then(
            (result) => ({ ...result, errMsg: `${name}:ok` }),
            (error) => {
              if (error instanceof WxRefusal) throw { ...error.fields, errMsg: `${name}:fail ${error.reason}` }
              host.error(`wx.${name} failed in the harness: ${error?.stack ?? error}`)
              throw { errMsg: `${name}:fail ${error}` }
            },
          ),
      )
      const { success, fail, complete } = options
      if (!success && !fail && !complete) return outcome
      outcome.then(
        (result) => {
          success?.(result)
          complete?.(result)
        },
        (error) => {
          fail?.(error)
          complete?.(error)
        },
      )
      return undefined
    }

  const device = Object.fromEntries(DEVICE_FACTS.filter((name) => name in simulatedApi).map((name) => [name, simulatedApi[name]]))

  return {
    ...device,
    getAccountInfoSync: () => ({ miniProgram: { appId: host.appId, envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => structuredClone(host.enter),
    getEnterOptionsSync: () => structuredClone(host.enter),
    // Taro subscribes to these for its own bookkeeping; the app's show and hide come through App().
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,

    cloud: cloudApi(host, asyncApi),

    navigateTo: asyncApi('navigateTo', ({ url }) => host.router.navigateTo(String(url))),
    redirectTo: asyncApi('redirectTo', ({ url }) => host.router.redirectTo(String(url))),
    navigateBack: asyncApi('navigateBack', ({ delta = 1 }) => host.router.navigateBack(Number(delta))),
    switchTab: asyncApi('switchTab', ({ url }) => host.router.switchTab(String(url))),
    reLaunch: asyncApi('reLaunch', ({ url }) => host.router.reLaunch(String(url))),

    showToast: asyncApi('showToast', async ({ title, icon = 'success' }) => {
      if (typeof title !== 'string') throw new WxRefusal('parameter error: parameter.title should be String')
      host.records.toasts.push({ title, icon })
    }),
    hideToast: asyncApi('hideToast', async () => undefined),
    showLoading: asyncApi('showLoading', async () => undefined),
    hideLoading: asyncApi('hideLoading', async () => undefined),
    showModal: asyncApi('showModal', async (options) => {
      const details = {
        title: String(options.title ?? ''),
        content: String(options.content ?? ''),
        confirmText: String(options.confirmText ?? '确定'),
        cancelText: String(options.cancelText ?? '取消'),
        showCancel: options.showCancel !== false,
      }
      const answer = (await host.openSheet('modal', details)) as { confirm: boolean }
      host.records.modals.push({ title: details.title, content: details.content, confirm: answer.confirm })
      return answer
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', async ({ title }) => host.router.setTitle(String(title))),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', async () => host.router.stopPullDownRefresh()),
    pageScrollTo: asyncApi('pageScrollTo', async () => undefined),
    setTabBarBadge: asyncApi('setTabBarBadge', async ({ index, text }) => {
      if (!host.router.onTabPage()) throw new WxRefusal('not TabBar page')
      host.records.tabBadges.set(Number(index), String(text))
    }),
    removeTabBarBadge: asyncApi('removeTabBarBadge', async ({ index }) => {
      if (!host.router.onTabPage()) throw new WxRefusal('not TabBar page')
      host.records.tabBadges.delete(Number(index))
    }),

    // Storage keeps a copy, as WeChat's does: changing an object after storing it changes nothing stored.
    setStorageSync: (key: string, data: unknown) => void host.storage.set(key, structuredClone(data)),
    getStorageSync: (key: string) => (host.storage.has(key) ? structuredClone(host.storage.get(key)) : ''),
    removeStorageSync: (key: string) => void host.storage.delete(key),
    clearStorageSync: () => host.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...host.storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: asyncApi('setStorage', async ({ key, data }) => void host.storage.set(key, structuredClone(data))),
    getStorage: asyncApi('getStorage', async ({ key }) => {
      if (!host.storage.has(key)) throw new WxRefusal('data not found')
      return { data: structuredClone(host.storage.get(key)) }
    }),
    removeStorage: asyncApi('removeStorage', async ({ key }) => void host.storage.delete(key)),

    setClipboardData: asyncApi('setClipboardData', async ({ data }) => {
      host.records.clipboard.push(String(data))
      // WeChat confirms a copy with its own toast.
      host.records.toasts.push({ title: '内容已复制', icon: 'success' })
    }),
    getClipboardData: asyncApi('getClipboardData', async () => ({ data: host.records.clipboard.at(-1) ?? '' })),

    requestPayment: asyncApi('requestPayment', (options) => requestPayment(host, options)),
    requestMerchantTransfer: (options: Options = {}) => {
      // Base library 3.3.0 has no Promise form of it: without callbacks the outcome is lost.
      if (!['success', 'fail', 'complete'].some((k) => typeof options[k] === 'function')) host.error('wx.requestMerchantTransfer has no Promise form: pass success/fail')
      return asyncApi('requestMerchantTransfer', (o) => requestMerchantTransfer(host, o))(options)
    },
    chooseAddress: asyncApi('chooseAddress', async () => {
      if (!host.privateInfos.includes('chooseAddress')) throw new WxRefusal('the api need to be declared in the requiredPrivateInfos field in app.json/ext.json')
      return host.openSheet('address', {})
    }),
  }
}

type AsyncApi = (name: string, run: (options: Options) => Promise<object | void>) => (options?: Options) => unknown

/**
 * `wx.cloud`: each call goes to the local cloud's function host as the phone's user, with the
 * event WeChat builds (the data, plus `userInfo`), and comes back as WeChat's callFunction answers:
 * `{ result }`, or a rejection `{ errCode, errMsg }` when the platform could not run the function.
 * In Moments' single-page mode there is no user: the call goes out with no OPENID, as it does when
 * the environment allows 未登录访问 (without it, the call would not run at all).
 */
function cloudApi(host: WxHost, asyncApi: AsyncApi) {
  let initialized = false
  return {
    init(options: { env?: string } = {}) {
      if (options.env !== undefined && typeof options.env !== 'string') host.error(`wx.cloud.init: env must be a string, got ${JSON.stringify(options.env)}`)
      initialized = true
    },
    callFunction: asyncApi('cloud.callFunction', async ({ name, data }) => {
      if (!initialized) throw new WxRefusal('请先调用 wx.cloud.init() 完成初始化后再调用其他云 API')
      if (typeof name !== 'string' || !name) throw new WxRefusal('parameter.name should be String')
      const call: CloudCall = { name, action: data?.action, payload: data?.payload }
      host.records.cloudCalls.push(call)
      const response = await fetch(`${host.cloudUrl}/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(host.openid ? { 'x-wx-openid': host.openid } : {}) },
        // WeChat serialises the data as JSON and adds who is calling.
        body: JSON.stringify({ ...data, userInfo: { appId: host.appId, ...(host.openid ? { openId: host.openid } : {}) } }),
      })
      const answer = (await response.json()) as { result?: unknown; errCode?: number; errMsg?: string }
      if (answer.errCode !== undefined) {
        call.errMsg = answer.errMsg
        throw new WxRefusal(`${answer.errCode} ${answer.errMsg}`, { errCode: answer.errCode })
      }
      call.result = answer.result
      return { result: answer.result, requestID: response.headers.get('x-request-id') ?? '' }
    }),
  }
}

const PAYMENT_FIELDS = ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const

/**
 * WeChat's pay sheet. WeChat checks the parameters and their signature (with the merchant's key,
 * over the mini program's appId) before it shows anything; then the person pays or closes it, and
 * WeChat Pay — the local cloud's pay service, through the same cashier the H5 build uses — records
 * the payment and notifies the callback function.
 */
async function requestPayment(host: WxHost, options: Options): Promise<object> {
  for (const field of PAYMENT_FIELDS) {
    if (typeof options[field] !== 'string' || !options[field]) {
      throw new WxRefusal(`parameter error: parameter.${field} should be String`)
    }
  }
  const signed = { appId: host.appId, timeStamp: options.timeStamp, nonceStr: options.nonceStr, package: options.package, signType: options.signType }
  if (options.signType !== 'MD5' || sign(signed) !== options.paySign) throw new WxRefusal('支付验证签名失败')

  const described = await fetch(`${host.cloudUrl}/dev/cashier/order?package=${encodeURIComponent(options.package)}`)
  const order = (await described.json()) as { totalFee?: number; body?: string; state?: string; errMsg?: string }
  if (!described.ok) throw new WxRefusal(order.errMsg ?? `pay order unknown (HTTP ${described.status})`)
  if (order.state !== 'NOTPAY') throw new WxRefusal(order.state === 'CLOSED' ? '订单已关闭' : '订单已支付')

  const record: Records['payments'][number] = { package: options.package, totalFee: order.totalFee!, outcome: 'open' }
  host.records.payments.push(record)
  try {
    const answer = await host.openSheet('payment', { totalFee: order.totalFee, body: order.body, package: options.package })
    record.outcome = 'paid'
    return answer
  } catch (error) {
    record.outcome = error instanceof WxRefusal ? error.reason : String(error)
    throw error
  }
}

/**
 * WeChat's 确认收款 page for a merchant transfer in user-confirm mode. WeChat opens it only for a bill
 * of this merchant and mini program that waits for the user (WAIT_USER_CONFIRM, or TRANSFERING to
 * retry); a package that is not that gets WeChat's own refusal. The person then confirms or closes it.
 */
async function requestMerchantTransfer(host: WxHost, options: Options): Promise<object> {
  for (const field of ['mchId', 'appId', 'package'] as const) {
    if (typeof options[field] !== 'string' || !options[field]) throw new WxRefusal(`parameter error: parameter.${field} should be String`)
  }
  const described = await fetch(`${host.cloudUrl}/dev/transfer/bill?package=${encodeURIComponent(options.package)}`)
  const bill = (await described.json()) as { transferAmount?: number; transferRemark?: string; state?: string; mchId?: string; appId?: string }
  if (!described.ok || bill.mchId !== options.mchId || bill.appId !== options.appId || bill.appId !== host.appId) throw new WxRefusal('package_info信息有误')
  if (bill.state !== 'WAIT_USER_CONFIRM' && bill.state !== 'TRANSFERING') throw new WxRefusal(`该笔转账当前状态为 ${bill.state}，无法确认收款`)

  const record: Records['transfers'][number] = { package: options.package, transferAmount: bill.transferAmount!, outcome: 'open' }
  host.records.transfers.push(record)
  try {
    const answer = await host.openSheet('transfer', { transferAmount: bill.transferAmount, transferRemark: bill.transferRemark, package: options.package })
    record.outcome = 'confirmed'
    return answer
  } catch (error) {
    record.outcome = error instanceof WxRefusal ? error.reason : String(error)
    throw error
  }
}

/** What the person does on the 确认收款 page: confirming tells the local cloud's WeChat Pay; closing leaves the bill waiting. */
export async function answerTransferSheet(cloudUrl: string, sheet: SystemSheet, action: 'confirm' | 'close'): Promise<void> {
  if (action === 'close') return sheet.answer({ ok: false, reason: 'cancel' })
  const response = await fetch(`${cloudUrl}/dev/transfer/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ package: sheet.details.package }),
  })
  const body = (await response.json()) as { errMsg?: string }
  if (response.ok) sheet.answer({ ok: true, result: {} })
  else sheet.answer({ ok: false, reason: body.errMsg ?? `HTTP ${response.status}` })
}

/** What the person does with the pay sheet: the local cloud plays WeChat Pay's part. */
export async function answerPaySheet(cloudUrl: string, sheet: SystemSheet, action: 'pay' | 'cancel'): Promise<void> {
  const response = await fetch(`${cloudUrl}/dev/cashier/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ package: sheet.details.package }),
  })
  const body = (await response.json()) as { errMsg?: string }
  if (action === 'cancel') sheet.answer({ ok: false, reason: 'cancel' })
  else if (response.ok) sheet.answer({ ok: true, result: {} })
  else sheet.answer({ ok: false, reason: body.errMsg ?? `HTTP ${response.status}` })
}
