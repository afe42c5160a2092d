import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { listFunctions } from '../local-cloud/functions/build'
import type { IndexSpec } from '../local-cloud/database/indexes'

/**
 * What a CloudBase environment must hold for the shop, computed from the repository alone: every
 * declared collection with its indexes and security rule, and every cloud function as CloudBase
 * runs it (the bundled index.js, a package.json naming wx-server-sdk, config.json), with its timeout,
 * the names of the environment variables it reads, its timer triggers and its HTTP access path. The plan never holds a
 * secret: environment variables are named and explained here, their values come at deploy time.
 */
export interface DeployPlan {
  collections: CollectionPlan[]
  functions: FunctionPlan[]
}

export interface CollectionPlan {
  name: string
  indexes: IndexSpec[]
  rule: SecurityRule
}

/**
 * A CloudBase security rule: who, other than the functions (which act as admin and pass no rule),
 * may read or write the collection from the mini program. `false` is nobody; a string is a rule
 * expression such as `auth.openid == doc._openid`.
 */
export interface SecurityRule {
  read: boolean | string
  write: boolean | string
}

export interface FunctionPlan {
  name: string
  runtime: string
  handler: string
  timeoutSeconds: number
  /** Names and meanings, never values; an optional one may be left unset. */
  environment: Array<{ name: string; meaning: string; optional: boolean }>
  /** Published on the HTTP access service at this path (for callers that are not the mini program, such as WeChat Pay). */
  httpAccessPath?: string
  triggers: TimerTrigger[]
  /** The open APIs its config.json allows it (`permissions.openapi`). */
  openapi: string[]
  /** The folder whose files are uploaded, and those files. */
  dir: string
  files: Array<{ name: string; bytes: number; sha256: string }>
  /** One hash over the uploaded files: equal hashes, equal code. */
  codeSha256: string
}

export interface TimerTrigger {
  name: string
  type: 'timer'
  /** CloudBase's 7-field cron: second minute hour day month weekday year. */
  config: string
}

/** The runtime the functions are written for: the version the local cloud runs them on. */
export const FUNCTION_RUNTIME = 'Nodejs20.19'
/** CloudBase caps an event function's run at 60 s; the batch jobs are designed around it. */
export const MAX_TIMEOUT_SECONDS = 60
/** What CloudBase uploads and runs for a function: the bundle, what to install, and its configuration. */
export const UPLOADED_FILES = ['index.js', 'package.json', 'config.json'] as const

export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(`the repository does not make a deployable plan:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

export interface RepositoryPaths {
  /** `database/collections.json`: every collection and its indexes. */
  collectionsFile: string
  /** `database/security-rules.json`: every collection's rule. */
  rulesFile: string
  /** `cloudfunctions/`: one folder per function, bundled (index.js) beside its index.ts. */
  functionsRoot: string
}

export function repositoryPaths(repo: string): RepositoryPaths {
  return {
    collectionsFile: path.join(repo, 'database', 'collections.json'),
    rulesFile: path.join(repo, 'database', 'security-rules.json'),
    functionsRoot: path.join(repo, 'cloudfunctions'),
  }
}

/**
 * The plan for a repository whose functions are bundled (`buildFunctions` writes each index.js).
 * Throws PlanError listing every problem at once, so one run tells everything to fix.
 */
export function planFromRepository(paths: RepositoryPaths): DeployPlan {
  const problems: string[] = []
  const collections = planCollections(paths, problems)
  const functions = listFunctions(paths.functionsRoot).map((name) => planFunction(paths.functionsRoot, name, problems))
  if (problems.length > 0) throw new PlanError(problems)
  return { collections, functions }
}

function planCollections(paths: RepositoryPaths, problems: string[]): CollectionPlan[] {
  const declared = readJson<{ collections: Record<string, { indexes?: IndexSpec[] }> }>(paths.collectionsFile).collections
  const rules = readJson<{ collections: Record<string, SecurityRule> }>(paths.rulesFile).collections
  for (const name of Object.keys(rules)) {
    if (!(name in declared)) problems.push(`${path.basename(paths.rulesFile)}: ${name} has a rule but is not a declared collection`)
  }
  return Object.entries(declared).map(([name, { indexes = [] }]) => {
    const rule = rules[name]
    if (!rule) problems.push(`${path.basename(paths.rulesFile)}: collection ${name} has no security rule`)
    for (const index of indexes) {
      const directions = Object.values(index.fields)
      if (directions.length === 0 || directions.some((d) => d !== 1 && d !== -1)) {
        problems.push(`${name}: index ${index.name} must list fields with 1 or -1`)
      }
    }
    return { name, indexes, rule: rule ?? { read: false, write: false } }
  })
}

interface FunctionConfigFile {
  timeout?: number
  triggers?: Array<{ name: string; type: string; config: string }>
  permissions?: { openapi?: string[] }
  /** Environment variable name → what it means (or that, and whether it may be left unset). */
  environment?: Record<string, string | { meaning: string; optional?: boolean }>
  /** Serve HTTP at `/<function name>` (CloudBase's HTTP access service), as `_shared/http-access.ts` addresses it. */
  httpAccess?: boolean
}

function planFunction(root: string, name: string, problems: string[]): FunctionPlan {
  const dir = path.join(root, name)
  const where = `cloudfunctions/${name}`
  const missing = UPLOADED_FILES.filter((file) => !fs.existsSync(path.join(dir, file)))
  for (const file of missing) {
    problems.push(file === 'index.js' ? `${where}/index.js is missing: bundle the functions first` : `${where}/${file} is missing`)
  }
  const config: FunctionConfigFile = fs.existsSync(path.join(dir, 'config.json')) ? readJson(path.join(dir, 'config.json')) : {}
  if (fs.existsSync(path.join(dir, 'package.json'))) {
    const pkg = readJson<{ main?: string; dependencies?: Record<string, string> }>(path.join(dir, 'package.json'))
    // The cloud installs what package.json names (the bundle leaves exactly those out); the runtime needs wx-server-sdk.
    if (!pkg.dependencies?.['wx-server-sdk']) problems.push(`${where}/package.json must depend on wx-server-sdk`)
    if (pkg.main !== 'index.js') problems.push(`${where}/package.json must have "main": "index.js"`)
  }
  const timeoutSeconds = config.timeout ?? 3
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    problems.push(`${where}/config.json: timeout ${config.timeout} is not 1–${MAX_TIMEOUT_SECONDS} seconds`)
  }
  const triggers = (config.triggers ?? []).map((trigger): TimerTrigger => {
    if (trigger.type !== 'timer') problems.push(`${where}: trigger ${trigger.name} is not a timer (CloudBase deploys timer triggers only)`)
    if (!isCloudBaseCron(trigger.config)) problems.push(`${where}: trigger ${trigger.name} "${trigger.config}" is not a 7-field cron`)
    return { name: trigger.name, type: 'timer', config: trigger.config }
  })
  const files = missing.length > 0 ? [] : UPLOADED_FILES.map((file) => {
    const bytes = fs.readFileSync(path.join(dir, file))
    return { name: file, bytes: bytes.length, sha256: sha256(bytes) }
  })
  return {
    name,
    runtime: FUNCTION_RUNTIME,
    handler: 'index.main',
    timeoutSeconds,
    environment: Object.entries(config.environment ?? {}).map(([variable, about]) =>
      typeof about === 'string' ? { name: variable, meaning: about, optional: false } : { name: variable, meaning: about.meaning, optional: about.optional === true },
    ),
    httpAccessPath: config.httpAccess ? `/${name}` : undefined,
    triggers,
    openapi: config.permissions?.openapi ?? [],
    dir,
    files,
    codeSha256: sha256(files.map((f) => `${f.name}:${f.sha256}`).join('\n')),
  }
}

/**
 * CloudBase's timer cron has seven space-separated fields (second minute hour day month weekday year),
 * each of digits, names and `* , - /`.
 */
export function isCloudBaseCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/)
  return fields.length === 7 && fields.every((field) => /^[\w*,\-/]+$/.test(field))
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
