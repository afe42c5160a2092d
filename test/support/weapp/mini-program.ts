import fs from 'node:fs'
import path from 'node:path'
import { View, type ViewHost } from './page-view'
import { loadComponent, viewLayer, type RenderedComponent } from './view-layer'
import { answerPaySheet, answerTransferSheet, createWx, WxRefusal, type EnterOptions, type Records, type Router, type SystemSheet } from './wx'

/**
 * The weapp build (`dist/`, as `npm run build:weapp` writes it) running as a mini program on a
 * headless phone: app.js and each page's code load unmodified, WeChat's compiler and component
 * framework render the pages (view-layer.ts), and the test plays WeChat (wx.ts) and the person
 * holding the phone: opening pages, tapping, typing, answering the sheets WeChat draws.
 *
 * The page stack behaves as WeChat's: navigateTo hides the page below (at most 10 deep), navigateBack
 * unloads, redirectTo replaces, switchTab keeps tab pages alive and unloads the rest, reLaunch
 * unloads everything; each page gets onLoad(query) → onShow → onReady, and query values arrive still
 * URL-encoded, as WeChat hands them over.
 */

export const DIST = path.resolve(__dirname, '../../../dist')

/** WeChat's scenes (场景值) a test launches with. */
export const SCENES = {
  /** The mini program's entry in WeChat's 发现 list: no share, no code. */
  discover: 1001,
  /** A chat card shared with onShareAppMessage. */
  chatCard: 1007,
  /** A 小程序码 scanned (wxacode.getUnlimited). */
  qrCode: 1047,
  /** A page shared to Moments, opened in single-page mode. */
  momentsSinglePage: 1154,
  /** The full mini program, entered from a Moments single page (前往小程序). */
  momentsEntered: 1155,
} as const

export interface LaunchOptions {
  /** The local cloud that plays WeChat's cloud: its URL and the mini program's appId there. */
  cloud: { url: string; appId: string }
  /** Whose phone: the OPENID WeChat gives every cloud call. */
  openid: string
  /** The page WeChat opens, with its query (a share card's path, say); app.json's first page by default. */
  path?: string
  scene?: number
  /** The phone's storage from an earlier launch (it survives the mini program closing). */
  storage?: Map<string, unknown>
  dist?: string
}

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string; text: string }> }
  window?: Record<string, unknown>
  requiredPrivateInfos?: string[]
}

export interface ShareCard {
  title?: string
  path?: string
  imageUrl?: string
}

/** What a Moments post carries: the sharing page with this query. */
export interface TimelineCard {
  title?: string
  query: string
  imageUrl?: string
}

interface LivePage {
  route: string
  query: Record<string, string>
  component: RenderedComponent
  container: Element
  view: PageView
  title: string
  refreshing: boolean
}

/** Every page of an app.json, subpackages included, as routes (`package-orders/pages/detail/index`). */
export function pagesOf(app: AppJson): string[] {
  const packages = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...packages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]
}

export function readAppJson(dist = DIST): AppJson {
  const file = path.join(dist, 'app.json')
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build:weapp (npm test builds it)`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson
}

/** `/pages/x/index?a=1&b=%E8%8C%B6` → route and query, values left encoded as WeChat leaves them. */
export function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [pathPart, search = ''] = url.split('?')
  const route = pathPart.startsWith('/') || !from ? pathPart.replace(/^\//, '') : path.posix.join(path.posix.dirname(from), pathPart)
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    if (at < 0) query[pair] = ''
    else query[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return { route, query }
}

let active: MiniProgram | undefined

/** Starts the mini program as WeChat does: app.js, App.onLaunch and onShow, then the first page. */
export async function launchMiniProgram(options: LaunchOptions): Promise<MiniProgram> {
  if (active) throw new Error('one mini program at a time: close() the last one first (wx, App and Page are globals)')
  const program = new MiniProgram(options)
  active = program
  try {
    await program.start()
  } catch (error) {
    await program.close()
    throw error
  }
  return program
}

export class MiniProgram {
  readonly records: Records = {
    cloudCalls: [],
    toasts: [],
    modals: [],
    payments: [],
    transfers: [],
    navigations: [],
    clipboard: [],
    tabBadges: new Map(),
  }
  readonly shares: Array<{ from: string; route: string } & ShareCard> = []
  readonly timelineShares: Array<{ route: string } & TimelineCard> = []
  /** Everything that went wrong without WeChat reporting it to the app: a test expects none. */
  readonly errors: string[] = []
  readonly storage: Map<string, unknown>
  readonly openid: string

  private readonly dist: string
  private readonly app: AppJson
  private readonly routes: Set<string>
  private readonly tabRoutes: string[]
  private readonly enter: EnterOptions
  /**
   * A page opened from a Moments post runs alone (单页模式): no login, no navigation, no tab bar, no
   * open-type buttons, and a storage of its own — the test gives it one apart from the phone's.
   */
  private readonly singlePage: boolean
  private readonly cloud: LaunchOptions['cloud']
  private readonly stack: LivePage[] = []
  /** Tab pages stay alive once opened, as WeChat keeps them, whether or not they are on the stack. */
  private readonly tabPages = new Map<string, LivePage>()
  private readonly pageIds = new Map<string, string>()
  private readonly pending = new Set<Promise<unknown>>()
  private readonly sheets: SystemSheet[] = []
  private restoreConsole: (() => void) | undefined
  private appInstance: Record<string, any> | undefined
  private loadingPage = false
  private compId: string | undefined
  private closed = false

  constructor(options: LaunchOptions) {
    this.dist = options.dist ?? DIST
    this.app = readAppJson(this.dist)
    this.routes = new Set(pagesOf(this.app))
    this.tabRoutes = (this.app.tabBar?.list ?? []).map((tab) => tab.pagePath)
    this.cloud = options.cloud
    this.openid = options.openid
    this.storage = options.storage ?? new Map()
    const { route, query } = parseUrl(options.path ?? `/${this.app.pages[0]}`)
    this.enter = { path: route, query, scene: options.scene ?? SCENES.discover, referrerInfo: {}, forwardMaterials: [] }
    this.singlePage = this.enter.scene === SCENES.momentsSinglePage
  }

  /** @internal launchMiniProgram's second half. */
  async start(): Promise<void> {
    const layer = viewLayer()
    layer.onError = (message) => this.error(message)
    this.installGlobals(layer.simulatedApi)
    this.captureConsole()
    // A fresh runtime: Taro, React and the app's stores start again, as in a newly started mini program.
    for (const file of Object.keys(require.cache)) if (file.startsWith(this.dist + path.sep)) delete require.cache[file]
    require(path.join(this.dist, 'app.js'))
    if (!this.appInstance) throw new Error('app.js did not call App()')
    // Taro's recursive template component, registered once for every page to use.
    if (fs.existsSync(path.join(this.dist, 'comp.json'))) this.compId = loadComponent(this.dist, 'comp', 'comp')
    this.lifecycle(this.appInstance, 'onLaunch', structuredClone(this.enter))
    this.lifecycle(this.appInstance, 'onShow', structuredClone(this.enter))
    if (!this.routes.has(this.enter.path)) throw new Error(`launch page ${this.enter.path} is not in app.json`)
    const first = this.loadPage(this.enter.path, this.enter.query)
    this.stack.push(first)
    await this.settle()
  }

  /** The page on top of the stack. */
  get page(): PageView {
    const top = this.stack.at(-1)
    if (!top) throw new Error('no page is open')
    return top.view
  }

  /** Opens any page with its query as wx.reLaunch would (every other page closes). */
  async open(url: string): Promise<PageView> {
    await this.router.reLaunch(url.startsWith('/') ? url : `/${url}`)
    await this.settle()
    return this.page
  }

  /** The person taps a tab of WeChat's tab bar, by its text. */
  async tapTab(text: string): Promise<PageView> {
    const tab = this.app.tabBar?.list.find((t) => t.text === text)
    if (!tab) throw new Error(`no tab ${text}`)
    await this.router.switchTab(`/${tab.pagePath}`)
    await this.settle()
    return this.page
  }

  /** The badge on a tab, by its text ('' when there is none). */
  tabBadge(text: string): string {
    const index = this.app.tabBar?.list.findIndex((t) => t.text === text) ?? -1
    return this.records.tabBadges.get(index) ?? ''
  }

  /** The person taps the navigation bar's back arrow. */
  async back(): Promise<PageView> {
    await this.router.navigateBack(1)
    await this.settle()
    return this.page
  }

  /** Waits for WeChat's modal and returns the person's buttons on it. */
  async modal(): Promise<{ title: string; content: string; confirm(): Promise<void>; cancel(): Promise<void> }> {
    const sheet = await this.sheet('modal')
    const answer = async (confirm: boolean) => {
      sheet.answer({ ok: true, result: { confirm, cancel: !confirm } })
      await this.settle()
    }
    return { title: sheet.details.title, content: sheet.details.content, confirm: () => answer(true), cancel: () => answer(false) }
  }

  /** Waits for WeChat's pay sheet; paying or closing it tells the local cloud's WeChat Pay. */
  async paySheet(): Promise<{ totalFee: number; pay(): Promise<void>; cancel(): Promise<void> }> {
    const sheet = await this.sheet('payment')
    const answer = async (action: 'pay' | 'cancel') => {
      await answerPaySheet(this.cloud.url, sheet, action)
      await this.settle()
    }
    return { totalFee: sheet.details.totalFee, pay: () => answer('pay'), cancel: () => answer('cancel') }
  }

  /** Waits for WeChat's 确认收款 page; confirming tells the local cloud's WeChat Pay, closing leaves the transfer waiting. */
  async transferSheet(): Promise<{ transferAmount: number; confirm(): Promise<void>; close(): Promise<void> }> {
    const sheet = await this.sheet('transfer')
    const answer = async (action: 'confirm' | 'close') => {
      await answerTransferSheet(this.cloud.url, sheet, action)
      await this.settle()
    }
    return { transferAmount: sheet.details.transferAmount, confirm: () => answer('confirm'), close: () => answer('close') }
  }

  /** Waits for WeChat's own address picker; the person picks an address WeChat keeps for them, or closes it. */
  async addressSheet(): Promise<{ choose(address: WechatAddress): Promise<void>; cancel(): Promise<void> }> {
    const sheet = await this.sheet('address')
    return {
      choose: async (address) => {
        sheet.answer({ ok: true, result: { postalCode: '', nationalCode: '', ...address } })
        await this.settle()
      },
      cancel: async () => {
        sheet.answer({ ok: false, reason: 'cancel' })
        await this.settle()
      },
    }
  }

  /**
   * Lets the app work until it is idle: every cloud call answered, every navigation done, React and
   * Taro's setData flushed — except operations waiting for the person to answer a sheet.
   */
  async settle(timeoutMs = 20_000): Promise<void> {
    const started = Date.now()
    let quiet = 0
    while (quiet < 3) {
      const busy = this.pending.size > this.sheets.length
      if (busy) {
        if (Date.now() - started > timeoutMs) throw new Error(`the mini program is still busy after ${timeoutMs} ms`)
        await Promise.race([...this.pending, delay(10)])
        quiet = 0
      } else {
        await new Promise((resolve) => setImmediate(resolve))
        await delay(0)
        quiet = this.pending.size > this.sheets.length ? 0 : quiet + 1
      }
    }
  }

  /** WeChat kills the mini program: every page unloads, the app hides, the phone's storage stays. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.settle().catch((error) => this.error(String(error)))
    for (const page of [...this.stack].reverse()) this.unload(page)
    for (const page of this.tabPages.values()) if (!this.stack.includes(page)) this.unload(page)
    this.stack.length = 0
    this.tabPages.clear()
    if (this.appInstance) this.lifecycle(this.appInstance, 'onHide')
    this.closed = true
    viewLayer().onError = () => undefined
    this.restoreConsole?.()
    if (active === this) active = undefined
  }

  /** @internal */
  error(message: string): void {
    this.errors.push(message)
  }

  /**
   * What the app, React, Taro or the template runtime prints as an error or a warning is a failure
   * here: the app itself logs nothing in normal use, so anything printed is news.
   */
  private captureConsole(): void {
    const { error, warn } = console
    console.error = (...args: unknown[]) => this.error(`console.error: ${args.map(String).join(' ')}`)
    console.warn = (...args: unknown[]) => this.error(`console.warn: ${args.map(String).join(' ')}`)
    this.restoreConsole = () => Object.assign(console, { error, warn })
  }

  private installGlobals(simulatedApi: Record<string, unknown>): void {
    const wx = createWx(
      {
        appId: this.cloud.appId,
        openid: this.singlePage ? undefined : this.openid,
        cloudUrl: this.cloud.url,
        privateInfos: this.app.requiredPrivateInfos ?? [],
        enter: this.enter,
        storage: this.storage,
        records: this.records,
        router: this.router,
        track: (work) => this.track(work),
        openSheet: (kind, details) => this.openSheet(kind, details),
        error: (message) => this.error(message),
      },
      simulatedApi,
    )
    const registerComponent = (globalThis as any).Component as (definition: object) => void
    Object.assign(globalThis, {
      wx,
      App: (config: Record<string, any>) => {
        this.appInstance = config
      },
      getApp: () => this.appInstance,
      getCurrentPages: () => this.stack.map((p) => p.component.instance),
      // A page is a component whose methods are the page's functions; the harness calls its lifecycle.
      Page: (config: Record<string, any>) => {
        if (!this.loadingPage) throw new Error('Page() called outside a page load')
        const methods = Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'))
        registerComponent({ data: config.data, methods })
      },
    })
  }

  /** What WeChat does with anything that would leave a single page: a toast, and nothing else. */
  private refuseInSinglePage(): void {
    if (!this.singlePage) return
    this.records.toasts.push({ title: SINGLE_PAGE_REFUSAL, icon: 'none' })
    throw new WxRefusal(SINGLE_PAGE_REFUSAL)
  }

  private readonly router: Router = {
    navigateTo: async (url) => {
      this.refuseInSinglePage()
      const { route, query } = this.resolve(url)
      if (this.tabRoutes.includes(route)) throw new WxRefusal('can not navigateTo a tabbar page')
      if (this.stack.length >= 10) throw new WxRefusal('webview count limit exceed')
      this.records.navigations.push({ api: 'navigateTo', url })
      const below = this.stack.at(-1)
      if (below) this.lifecycle(below.component.instance, 'onHide')
      this.stack.push(this.loadPage(route, query))
    },
    redirectTo: async (url) => {
      this.refuseInSinglePage()
      const { route, query } = this.resolve(url)
      if (this.tabRoutes.includes(route)) throw new WxRefusal('can not redirectTo a tabbar page')
      this.records.navigations.push({ api: 'redirectTo', url })
      const replaced = this.stack.pop()
      if (replaced) this.unload(replaced)
      this.stack.push(this.loadPage(route, query))
    },
    navigateBack: async (delta) => {
      this.refuseInSinglePage()
      if (this.stack.length <= 1) throw new WxRefusal('cannot navigate back at first page.')
      this.records.navigations.push({ api: 'navigateBack', url: String(delta) })
      for (let i = 0; i < Math.max(1, delta) && this.stack.length > 1; i++) this.unload(this.stack.pop()!)
      this.lifecycle(this.stack.at(-1)!.component.instance, 'onShow')
    },
    switchTab: async (url) => {
      this.refuseInSinglePage()
      const { route } = this.resolve(url)
      if (!this.tabRoutes.includes(route)) throw new WxRefusal('can not switch to no-tabBar page')
      this.records.navigations.push({ api: 'switchTab', url })
      const top = this.stack.at(-1)
      if (top?.route === route && this.stack.length === 1) return
      // Pages above the tabs close; the tab that was showing is only hidden.
      for (const page of [...this.stack].reverse()) {
        if (this.tabPages.get(page.route) === page) this.lifecycle(page.component.instance, 'onHide')
        else this.unload(page)
      }
      this.stack.length = 0
      const alive = this.tabPages.get(route)
      if (alive) {
        this.stack.push(alive)
        this.lifecycle(alive.component.instance, 'onShow')
      } else {
        // switchTab takes no query: WeChat drops it.
        this.stack.push(this.loadPage(route, {}))
      }
    },
    reLaunch: async (url) => {
      this.refuseInSinglePage()
      const { route, query } = this.resolve(url)
      this.records.navigations.push({ api: 'reLaunch', url })
      for (const page of [...this.stack].reverse()) this.unload(page)
      for (const page of this.tabPages.values()) this.unload(page)
      this.stack.length = 0
      this.tabPages.clear()
      this.stack.push(this.loadPage(route, query))
    },
    onTabPage: () => {
      if (this.singlePage) return false
      const top = this.stack.at(-1)
      return top !== undefined && this.tabPages.get(top.route) === top
    },
    setTitle: (title) => {
      const top = this.stack.at(-1)
      if (top) top.title = title
    },
    stopPullDownRefresh: () => {
      const top = this.stack.at(-1)
      if (top) top.refreshing = false
    },
  }

  private resolve(url: string): { route: string; query: Record<string, string> } {
    const resolved = parseUrl(url, this.stack.at(-1)?.route)
    if (!this.routes.has(resolved.route)) throw new WxRefusal(`page "${resolved.route}" is not found`)
    return resolved
  }

  private loadPage(route: string, query: Record<string, string>): LivePage {
    const { document } = viewLayer()
    let id = this.pageIds.get(route)
    if (!id) {
      this.loadingPage = true
      try {
        id = loadComponent(this.dist, route, 'page', this.compId ? { comp: this.compId } : {})
      } finally {
        this.loadingPage = false
      }
      this.pageIds.set(route, id)
    }
    const component = viewLayer().simulate.render(id)
    const instance = component.instance
    Object.assign(instance, { route, __route__: route, options: query })
    const container = document.createElement('div')
    document.body.appendChild(container)
    component.attach(container)
    const json = JSON.parse(fs.readFileSync(path.join(this.dist, `${route}.json`), 'utf8')) as Record<string, unknown>
    const title = String(json.navigationBarTitleText ?? this.app.window?.navigationBarTitleText ?? '')
    const live: LivePage = { route, query, component, container, title, refreshing: false, view: undefined! }
    live.view = new PageView(this.viewHost, live, json, () => this.shareFrom(live))
    if (this.tabRoutes.includes(route)) this.tabPages.set(route, live)
    this.lifecycle(instance, 'onLoad', { ...query })
    this.lifecycle(instance, 'onShow')
    this.lifecycle(instance, 'onReady')
    return live
  }

  private unload(page: LivePage): void {
    this.lifecycle(page.component.instance, 'onUnload')
    page.component.detach()
    page.container.remove()
    if (this.tabPages.get(page.route) === page) this.tabPages.delete(page.route)
  }

  private lifecycle(target: Record<string, any>, name: string, ...args: unknown[]): unknown {
    try {
      return typeof target[name] === 'function' ? target[name](...args) : undefined
    } catch (error) {
      this.error(`${name} threw: ${(error as Error)?.stack ?? error}`)
      return undefined
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    // What is kept is the work's end, not its outcome: a refusal is the app's to handle, not settle()'s.
    const ended: Promise<void> = work.then(
      () => void this.pending.delete(ended),
      () => void this.pending.delete(ended),
    )
    this.pending.add(ended)
    return work
  }

  private openSheet(kind: SystemSheet['kind'], details: Record<string, any>): Promise<object> {
    return new Promise((resolve, reject) => {
      const sheet: SystemSheet = {
        kind,
        details,
        answer: (outcome) => {
          this.sheets.splice(this.sheets.indexOf(sheet), 1)
          if (outcome.ok) resolve(outcome.result)
          else reject(new WxRefusal(outcome.reason))
        },
      }
      this.sheets.push(sheet)
    })
  }

  private async sheet(kind: SystemSheet['kind'], timeoutMs = 5_000): Promise<SystemSheet> {
    const started = Date.now()
    for (;;) {
      await this.settle()
      const open = this.sheets.find((s) => s.kind === kind)
      if (open) return open
      if (Date.now() - started > timeoutMs) throw new Error(`no ${kind} sheet opened within ${timeoutMs} ms`)
      await delay(20)
    }
  }

  /** The share handlers WeChat calls: from the ··· menu or a share button (onShareAppMessage), Moments (onShareTimeline). */
  private shareFrom(page: LivePage) {
    const instance = page.component.instance
    return {
      appMessage: async (from: 'menu' | 'button', target?: Element): Promise<ShareCard> => {
        if (typeof instance.onShareAppMessage !== 'function') throw new Error(`${page.route} cannot be shared: it has no onShareAppMessage (WeChat greys out 转发)`)
        const dataset = target ? { ...(target as Element & { __wxElement?: { dataset?: object } }).__wxElement?.dataset } : undefined
        const answer = this.lifecycle(instance, 'onShareAppMessage', { from, target: target ? { id: target.id, dataset } : undefined }) as
          | (ShareCard & { promise?: Promise<ShareCard> })
          | undefined
        await this.settle()
        // WeChat waits up to 3 s for `promise` and takes what it resolves to.
        const card = { ...answer, ...(answer?.promise ? await Promise.race([answer.promise, delay(3_000).then(() => ({}))]) : {}) }
        delete (card as { promise?: unknown }).promise
        const shared = { title: card.title, path: card.path ?? `/${page.route}`, imageUrl: card.imageUrl }
        if (!this.routes.has(parseUrl(shared.path).route)) this.error(`${page.route} shares ${shared.path}, which is not a page of app.json`)
        this.shares.push({ from, route: page.route, ...shared })
        return shared
      },
      timeline: async (): Promise<TimelineCard> => {
        if (typeof instance.onShareTimeline !== 'function') throw new Error(`${page.route} cannot be shared to Moments: it has no onShareTimeline`)
        // WeChat offers 分享到朋友圈 only on pages that can also be sent to a chat.
        if (typeof instance.onShareAppMessage !== 'function') this.error(`${page.route} has onShareTimeline without onShareAppMessage`)
        const answer = (this.lifecycle(instance, 'onShareTimeline') ?? {}) as Partial<TimelineCard>
        await this.settle()
        const shared = { title: answer.title, query: answer.query ?? '', imageUrl: answer.imageUrl }
        this.timelineShares.push({ route: page.route, ...shared })
        return shared
      },
    }
  }

  private readonly viewHost: ViewHost = {
    exparser: viewLayer().exparser,
    settle: () => this.settle(),
    openType: async (type, target) => {
      if (this.singlePage) this.records.toasts.push({ title: SINGLE_PAGE_REFUSAL, icon: 'none' })
      else if (type === 'share') await this.page.share('button', target)
    },
  }
}

/** An address as WeChat's chooseAddress answers it. */
export interface WechatAddress {
  userName: string
  telNumber: string
  provinceName: string
  cityName: string
  countyName: string
  detailInfo: string
  postalCode?: string
}

/** A page on the phone: what it shows (View) and what WeChat can do to it (share, refresh, scroll to the end). */
export class PageView extends View {
  constructor(
    host: ViewHost,
    private readonly live: LivePage,
    /** The page's own JSON (title, pull-down refresh…). */
    readonly json: Record<string, unknown>,
    private readonly sharing: () => { appMessage(from: 'menu' | 'button', target?: Element): Promise<ShareCard>; timeline(): Promise<TimelineCard> },
  ) {
    super(host, () => live.component.dom)
  }

  get route(): string {
    return this.live.route
  }

  get query(): Record<string, string> {
    return this.live.query
  }

  /** The navigation bar's title: the page JSON's, or what the page set. */
  get title(): string {
    return this.live.title
  }

  get refreshing(): boolean {
    return this.live.refreshing
  }

  /** 转发: WeChat asks the page for its chat card (from the ··· menu unless a share button was tapped). */
  share(from: 'menu' | 'button' = 'menu', target?: Element): Promise<ShareCard> {
    return this.sharing().appMessage(from, target)
  }

  /** 分享到朋友圈: WeChat asks the page for its Moments title and query. */
  shareTimeline(): Promise<TimelineCard> {
    return this.sharing().timeline()
  }

  /** The person pulls the page down; only pages whose JSON enables it can be pulled. */
  async pullDownRefresh(): Promise<void> {
    if (!this.json.enablePullDownRefresh) throw new Error(`${this.route} does not enable pull-down refresh`)
    this.live.refreshing = true
    this.live.component.instance.onPullDownRefresh?.()
    await this.host.settle()
  }

  /** The person scrolls to the end of the page. */
  async reachBottom(): Promise<void> {
    this.live.component.instance.onReachBottom?.()
    await this.host.settle()
  }
}

/** WeChat's toast for what a single page cannot do. */
const SINGLE_PAGE_REFUSAL = '请前往小程序使用完整服务'

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
