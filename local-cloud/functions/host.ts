import { ChildProcess, fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Cron } from 'croner'

/** Who is calling, as WeChat tells the function through getWXContext(). */
export interface Identity {
  openid?: string
  appid?: string
  unionid?: string
  /** `wx_client`, `wx_paycallback`, `wx_trigger`, or a chain such as `wx_client,scf`. */
  source: string
}

export type Invocation =
  | { ok: true; result: unknown }
  | { ok: false; errCode: number; errMsg: string }

interface FunctionConfig {
  timeoutSeconds: number
  triggers: Array<{ name: string; type: string; config: string }>
  /** The open APIs (`cloud.openapi.*`) the function may call: its config.json `permissions.openapi`. */
  openapi: string[]
}

interface Pending {
  identity: Identity
  done: (outcome: Invocation) => void
  timer: NodeJS.Timeout
}

interface Instance {
  id: string
  name: string
  child: ChildProcess
  current?: Pending
  /** Killed or exited: never handed to another caller. */
  dead?: boolean
  /** Settles when the instance has loaded its code: null when ready, else why it could not. */
  loaded: Promise<string | null>
}

export interface FunctionHostOptions {
  root: string
  envId: string
  appId: string
  /** The admin URL an instance's SDK talks to; it names the instance so nested calls keep the caller. */
  adminUrl: (instanceId: string) => string
  /**
   * Environment variables every instance starts with, read when it starts: what the cloud console sets
   * on a function's configuration (环境变量), such as the merchant's payout credentials.
   */
  environment?: () => Record<string, string>
  maxInstancesPerFunction?: number
  log?: (line: string) => void
}

const WORKER = path.join(__dirname, 'worker.cjs')

/**
 * The worker runs built JavaScript only, so it starts with the host's node options but without a
 * TypeScript loader the host itself may run under (`node --import tsx`): the loader's hooks would
 * slow the instance's start and every module it loads, as nothing does in the cloud's runtime.
 */
const WORKER_EXEC_ARGV = withoutTypeScriptLoader(process.execArgv)

export function withoutTypeScriptLoader(execArgv: string[]): string[] {
  const loads = /^(--import|--require|-r|--loader|--experimental-loader)$/
  const isTsx = (value: string) => /(^|[\\/])tsx([\\/]|$)/.test(value)
  const kept: string[] = []
  for (let i = 0; i < execArgv.length; i++) {
    const [flag, inline] = execArgv[i].split(/=(.*)/s)
    if (loads.test(flag) && inline !== undefined && isTsx(inline)) continue
    if (loads.test(flag) && inline === undefined && i + 1 < execArgv.length && isTsx(execArgv[i + 1])) {
      i++
      continue
    }
    kept.push(execArgv[i])
  }
  return kept
}
const DEFAULT_TIMEOUT_S = 3
/**
 * How long a new instance may take to load its code. CloudBase times initialisation apart from the
 * invocation, so a cold start on a busy machine never eats into the function's own timeout.
 */
const INIT_TIMEOUT_S = 30
const MAX_TIMEOUT_S = 60

export const ERR_FUNCTION_NOT_FOUND = -501000
export const ERR_FUNCTION_EXECUTE_FAIL = -504002
export const ERR_FUNCTION_TIMEOUT = -504003

/**
 * Runs cloud functions the way the WeChat cloud runtime does: warm instances per function, each
 * serving one invocation at a time, more instances on demand up to a cap (callers queue beyond it),
 * the function's configured timeout enforced by killing the instance, and timer triggers.
 */
export class FunctionHost {
  private readonly instances = new Map<string, Instance[]>()
  private readonly queues = new Map<string, Array<(instance: Instance) => void>>()
  private readonly timers: Cron[] = []
  private readonly maxInstances: number
  private readonly log: (line: string) => void
  private closed = false

  constructor(private readonly options: FunctionHostOptions) {
    this.maxInstances = options.maxInstancesPerFunction ?? 8
    this.log = options.log ?? (() => {})
  }

  exists(name: string): boolean {
    return /^[A-Za-z][\w-]{0,59}$/.test(name) && fs.existsSync(this.entry(name))
  }

  config(name: string): FunctionConfig {
    const file = path.join(this.options.root, name, 'config.json')
    const raw = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
    const timeout = Number(raw.timeout ?? DEFAULT_TIMEOUT_S)
    return {
      timeoutSeconds: Math.min(Math.max(Number.isFinite(timeout) ? timeout : DEFAULT_TIMEOUT_S, 1), MAX_TIMEOUT_S),
      triggers: Array.isArray(raw.triggers) ? raw.triggers : [],
      openapi: Array.isArray(raw.permissions?.openapi) ? raw.permissions.openapi.map(String) : [],
    }
  }

  /** The function an instance runs. */
  functionOf(instanceId: string): string | undefined {
    for (const [name, list] of this.instances) if (list.some((i) => i.id === instanceId)) return name
    return undefined
  }

  /** The identity of the invocation an instance is serving now (for calls the function makes). */
  identityOf(instanceId: string): Identity | undefined {
    for (const list of this.instances.values()) {
      const instance = list.find((i) => i.id === instanceId)
      if (instance) return instance.current?.identity
    }
    return undefined
  }

  async invoke(name: string, event: unknown, identity: Identity): Promise<Invocation> {
    if (!this.exists(name)) {
      return { ok: false, errCode: ERR_FUNCTION_NOT_FOUND, errMsg: `FunctionName parameter could not be found: ${name}` }
    }
    const { timeoutSeconds } = this.config(name)
    const instance = await this.acquire(name)
    const loadError = await this.whenLoaded(instance)
    if (loadError !== null) {
      this.discard(instance)
      instance.child.kill('SIGKILL')
      return { ok: false, errCode: ERR_FUNCTION_EXECUTE_FAIL, errMsg: `errCode: ${ERR_FUNCTION_EXECUTE_FAIL} functions execute fail | errMsg: ${loadError}` }
    }
    return new Promise<Invocation>((resolve) => {
      const requestId = randomUUID()
      const timer = setTimeout(() => {
        this.log(`function ${name} timed out after ${timeoutSeconds} s; instance ${instance.id} killed`)
        this.discard(instance)
        instance.child.kill('SIGKILL')
        finish({
          ok: false,
          errCode: ERR_FUNCTION_TIMEOUT,
          errMsg: `errCode: ${ERR_FUNCTION_TIMEOUT} | errMsg: Invoking task timed out after ${timeoutSeconds} seconds`,
        })
      }, timeoutSeconds * 1000)
      const finish = (outcome: Invocation) => {
        if (instance.current?.timer !== timer) return
        clearTimeout(timer)
        instance.current = undefined
        resolve(outcome)
        this.release(instance)
      }
      instance.current = { identity, done: finish, timer }
      const message = {
        type: 'invoke',
        id: requestId,
        file: this.entry(name),
        event,
        identity: {
          WX_OPENID: identity.openid,
          WX_APPID: identity.appid,
          WX_UNIONID: identity.unionid,
          TCB_SOURCE: identity.source,
        },
        context: {
          request_id: requestId,
          function_name: name,
          namespace: this.options.envId,
          time_limit_in_ms: timeoutSeconds * 1000,
          memory_limit_in_mb: 256,
        },
      }
      try {
        instance.child.send(message)
      } catch (error) {
        // An event the channel cannot carry (JSON.stringify overflows on a deeply nested one) never
        // reached the instance: it is free at once, not held until the timeout.
        finish({ ok: false, errCode: ERR_FUNCTION_EXECUTE_FAIL, errMsg: `errCode: ${ERR_FUNCTION_EXECUTE_FAIL} functions execute fail | errMsg: the event could not be delivered: ${error}` })
      }
    })
  }

  /** The instance's load, bounded by the initialisation timeout. */
  private whenLoaded(instance: Instance): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`initialisation timed out after ${INIT_TIMEOUT_S} seconds`), INIT_TIMEOUT_S * 1000)
    })
    return Promise.race([instance.loaded, timeout]).finally(() => clearTimeout(timer))
  }

  /**
   * Starts an idle instance of each function that has none, with its code loaded, as the cloud's
   * provisioned concurrency does, so the first caller does not wait for a cold start. Resolves once
   * they are loaded; an instance whose code failed to load is dropped (its first caller sees why).
   */
  async warm(names: string[]): Promise<void> {
    const started = names.filter((name) => this.exists(name) && (this.instances.get(name) ?? []).length === 0).map((name) => {
      if (!this.instances.has(name)) this.instances.set(name, [])
      return this.spawn(name)
    })
    await Promise.all(
      started.map(async (instance) => {
        if ((await this.whenLoaded(instance)) !== null && !instance.current) {
          this.discard(instance)
          instance.child.kill('SIGKILL')
        }
      }),
    )
  }

  /** Starts the timer triggers declared in each function's config.json. */
  startTimers(names: string[]): void {
    for (const name of names) {
      for (const trigger of this.config(name).triggers) {
        if (trigger.type !== 'timer') continue
        const cron = new Cron(toCronerPattern(trigger.config), { protect: true }, () => {
          void this.fireTrigger(name, trigger.name).then((outcome) => {
            if (!outcome.ok) this.log(`timer ${name}/${trigger.name} failed: ${outcome.errMsg}`)
          })
        })
        this.timers.push(cron)
      }
    }
  }

  /** Runs a timer trigger now, with the event and SOURCE the cloud's timer gives. */
  fireTrigger(name: string, triggerName: string, at = new Date()): Promise<Invocation> {
    const trigger = this.config(name).triggers.find((t) => t.name === triggerName)
    if (!trigger) {
      return Promise.resolve({ ok: false, errCode: ERR_FUNCTION_NOT_FOUND, errMsg: `no trigger ${triggerName} on ${name}` })
    }
    const event = { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString(), Message: '' }
    return this.invoke(name, event, { source: 'wx_trigger', appid: this.options.appId })
  }

  /**
   * Kills every instance of a function at once, as a crash or the platform's timeout would: what they
   * were running stops where it was, without finishing. Returns how many were killed.
   */
  kill(name: string): number {
    const list = [...(this.instances.get(name) ?? [])]
    for (const instance of list) instance.child.kill('SIGKILL')
    return list.length
  }

  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers) timer.stop()
    for (const list of this.instances.values()) for (const instance of list) instance.child.kill('SIGKILL')
    this.instances.clear()
  }

  private entry(name: string): string {
    return path.join(this.options.root, name, 'index.js')
  }

  private acquire(name: string): Promise<Instance> {
    const list = this.instances.get(name) ?? []
    this.instances.set(name, list)
    const idle = list.find((i) => !i.current)
    if (idle) {
      idle.current = placeholder
      return Promise.resolve(idle)
    }
    if (list.length < this.maxInstances) {
      const instance = this.spawn(name)
      instance.current = placeholder
      return Promise.resolve(instance)
    }
    return new Promise((resolve) => {
      const queue = this.queues.get(name) ?? []
      this.queues.set(name, queue)
      queue.push(resolve)
    })
  }

  private release(instance: Instance): void {
    if (instance.dead) return
    const next = this.queues.get(instance.name)?.shift()
    if (next) {
      instance.current = placeholder
      next(instance)
    }
  }

  private discard(instance: Instance): void {
    instance.dead = true
    const list = this.instances.get(instance.name) ?? []
    const at = list.indexOf(instance)
    if (at >= 0) list.splice(at, 1)
    // A caller queued for this function gets a fresh instance in its place.
    const next = this.queues.get(instance.name)?.shift()
    if (next && !this.closed) {
      const fresh = this.spawn(instance.name)
      fresh.current = placeholder
      next(fresh)
    }
  }

  private spawn(name: string): Instance {
    const id = randomUUID()
    const child = fork(WORKER, [], {
      execArgv: WORKER_EXEC_ARGV,
      env: {
        ...process.env,
        ...this.options.environment?.(),
        TENCENTCLOUD: 'true',
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl(id) }),
        TENCENTCLOUD_SECRETID: 'local',
        TENCENTCLOUD_SECRETKEY: 'local',
        SCF_NAMESPACE: this.options.envId,
        SCF_FUNCTIONNAME: name,
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    let settleLoad: (error: string | null) => void = () => {}
    const loaded = new Promise<string | null>((resolve) => (settleLoad = resolve))
    const instance: Instance = { id, name, child, loaded }
    // The code loads as soon as the instance starts, as the cloud's runtime does before the first event.
    child.send({ type: 'load', file: this.entry(name) })
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.log(`[${name}] ${line}`)
    }
    child.stdout?.on('data', forward)
    child.stderr?.on('data', forward)
    child.on('message', (message: any) => {
      if (message.type === 'loaded') return settleLoad(message.error ?? null)
      const pending = instance.current
      if (!pending || pending === placeholder) return
      if (message.type === 'result') pending.done({ ok: true, result: message.result })
      else {
        this.log(`function ${name} threw: ${message.message}`)
        const firstLine = String(message.message).split('\n')[0]
        pending.done({
          ok: false,
          errCode: ERR_FUNCTION_EXECUTE_FAIL,
          errMsg: `errCode: ${ERR_FUNCTION_EXECUTE_FAIL} functions execute fail | errMsg: ${firstLine}`,
        })
      }
    })
    child.on('exit', (code, signal) => {
      settleLoad(`instance exited (${signal ?? code}) while loading`)
      const pending = instance.current
      const wasListed = (this.instances.get(name) ?? []).includes(instance)
      if (wasListed) this.discard(instance)
      if (pending && pending !== placeholder) {
        pending.done({
          ok: false,
          errCode: ERR_FUNCTION_EXECUTE_FAIL,
          errMsg: `errCode: ${ERR_FUNCTION_EXECUTE_FAIL} functions execute fail | errMsg: instance exited (${signal ?? code})`,
        })
      }
    })
    this.instances.get(name)!.push(instance)
    return instance
  }
}

/** Marks an instance as taken between acquiring it and sending it the invocation. */
const placeholder: Pending = { identity: { source: '' }, done: () => {}, timer: undefined as unknown as NodeJS.Timeout }

/**
 * WeChat timer triggers use seven fields (second minute hour day month week year); croner takes six,
 * so the year field, which the shop's triggers leave as `*`, is dropped.
 */
export function toCronerPattern(config: string): string {
  const fields = config.trim().split(/\s+/)
  if (fields.length === 7) {
    if (fields[6] !== '*') throw new Error(`timer trigger year field must be *: ${config}`)
    return fields.slice(0, 6).join(' ')
  }
  return fields.join(' ')
}
