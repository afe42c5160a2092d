import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { IndexSpec } from '../local-cloud/database/indexes'
import type { CloudFunctionSpec, CloudManager, CollectionPermission, FunctionDetail } from './manager'
import type { CollectionPlan, DeployPlan, FunctionPlan, SecurityRule } from './plan'

/**
 * Makes an environment hold what the plan says, through the management SDK, and says what it changed.
 * Only what differs is touched, so a second run changes nothing. It never deletes a collection or a
 * function the repository does not declare (their data and logs are the operator's); it does drop an
 * index the repository does not declare, since every write pays for it.
 */
export interface ApplyOptions {
  /** Values of the variables the functions read, by name (only those the plan names are sent). */
  variables: Record<string, string>
  /** A folder to lay each function's uploaded files out in, one subfolder per function. */
  stagingDir: string
  log?: (line: string) => void
}

export interface ApplyReport {
  /** One line per change, e.g. `collection orders: index status_expiresAt created`. */
  changes: string[]
  /** What deploy saw but leaves to the operator. */
  notes: string[]
}

export async function applyPlan(plan: DeployPlan, manager: CloudManager, options: ApplyOptions): Promise<ApplyReport> {
  const report: ApplyReport = { changes: [], notes: [] }
  const log = options.log ?? (() => {})
  for (const collection of plan.collections) {
    await applyCollection(collection, manager, report)
    log(`collection ${collection.name} checked`)
  }
  await applyRules(plan.collections, manager, report)
  stageFunctions(plan.functions, options.stagingDir)
  for (const fn of plan.functions) {
    await applyFunction(fn, manager, options, report)
    log(`function ${fn.name} checked`)
  }
  return report
}

async function applyCollection(collection: CollectionPlan, manager: CloudManager, report: ApplyReport): Promise<void> {
  const { IsCreated } = await manager.database.createCollectionIfNotExists(collection.name)
  if (IsCreated) report.changes.push(`collection ${collection.name}: created`)
  const { Indexes = [] } = await manager.database.describeCollection(collection.name)
  const existing = new Map(Indexes.filter((i) => i.Name !== '_id_').map((i) => [i.Name, i]))
  const wanted = new Map(collection.indexes.map((i) => [i.name, i]))

  const create = collection.indexes.filter((index) => {
    const current = existing.get(index.name)
    return !current || !sameIndex(index, current.Keys, current.Unique)
  })
  const drop = [...existing.keys()].filter((name) => {
    const index = wanted.get(name)
    return !index || create.includes(index)
  })
  // An index whose keys changed keeps its name, so it is dropped before it is built again.
  if (drop.length > 0) await manager.database.updateCollection(collection.name, { DropIndexes: drop.map((IndexName) => ({ IndexName })) })
  if (create.length > 0) {
    await manager.database.updateCollection(collection.name, {
      CreateIndexes: create.map((index) => ({
        IndexName: index.name,
        MgoKeySchema: {
          MgoIndexKeys: Object.entries(index.fields).map(([Name, direction]) => ({ Name, Direction: String(direction) })),
          MgoIsUnique: index.unique === true,
        },
      })),
    })
  }
  for (const name of drop) {
    if (!wanted.has(name)) report.changes.push(`collection ${collection.name}: index ${name} dropped (not declared)`)
  }
  for (const index of create) {
    report.changes.push(`collection ${collection.name}: index ${index.name} ${existing.has(index.name) ? 'rebuilt' : 'created'} (${describeIndex(index)})`)
  }
}

function sameIndex(index: IndexSpec, keys: Array<{ Name?: string; Direction?: string }>, unique: boolean): boolean {
  const fields = Object.entries(index.fields)
  return (
    (index.unique === true) === unique &&
    keys.length === fields.length &&
    fields.every(([name, direction], i) => keys[i].Name === name && Number(keys[i].Direction) === direction)
  )
}

export function describeIndex(index: IndexSpec): string {
  const fields = Object.entries(index.fields).map(([name, direction]) => `${name} ${direction === 1 ? 'asc' : 'desc'}`)
  return `${fields.join(', ')}${index.unique ? ', unique' : ''}`
}

/** CloudBase names "nobody but the admin" ADMINONLY (仅管理端可读写); any other rule is CUSTOM. */
export function permissionOf(rule: SecurityRule): { permission: CollectionPermission; securityRule?: string } {
  if (rule.read === false && rule.write === false) return { permission: 'ADMINONLY' }
  return { permission: 'CUSTOM', securityRule: JSON.stringify(rule) }
}

/** The describe call takes at most 100 resources. */
const PERMISSIONS_PER_CALL = 100

async function applyRules(collections: CollectionPlan[], manager: CloudManager, report: ApplyReport): Promise<void> {
  const current = new Map<string, { Permission?: string; SecurityRule?: string }>()
  for (let i = 0; i < collections.length; i += PERMISSIONS_PER_CALL) {
    const resources = collections.slice(i, i + PERMISSIONS_PER_CALL).map((c) => c.name)
    const { Data } = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources })
    for (const entry of Data.PermissionList ?? []) if (entry.Resource) current.set(entry.Resource, entry)
  }
  for (const collection of collections) {
    const wanted = permissionOf(collection.rule)
    const now = current.get(collection.name)
    const same =
      now?.Permission === wanted.permission &&
      (wanted.permission !== 'CUSTOM' || sameRule(now.SecurityRule, collection.rule))
    if (same) continue
    await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: collection.name, ...wanted })
    report.changes.push(`collection ${collection.name}: security rule ${describeRule(collection.rule)} (was ${now?.Permission ?? 'unset'})`)
  }
}

function sameRule(current: string | undefined, rule: SecurityRule): boolean {
  try {
    const parsed = JSON.parse(current ?? 'null') as SecurityRule | null
    return parsed?.read === rule.read && parsed?.write === rule.write
  } catch {
    return false
  }
}

export function describeRule(rule: SecurityRule): string {
  if (rule.read === false && rule.write === false) return 'admin only (the mini program neither reads nor writes)'
  return `custom read: ${JSON.stringify(rule.read)}, write: ${JSON.stringify(rule.write)}`
}

/** Lays out each function's uploaded files as `<stagingDir>/<name>/`, checked against the plan's hashes. */
export function stageFunctions(functions: FunctionPlan[], stagingDir: string): void {
  fs.rmSync(stagingDir, { recursive: true, force: true })
  for (const fn of functions) {
    const target = path.join(stagingDir, fn.name)
    fs.mkdirSync(target, { recursive: true })
    for (const file of fn.files) {
      const bytes = fs.readFileSync(path.join(fn.dir, file.name))
      // The plan printed these hashes; a bundle rebuilt since then would upload code nobody saw planned.
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new Error(`${fn.name}/${file.name} changed since the plan was made`)
      fs.writeFileSync(path.join(target, file.name), bytes)
    }
  }
}

/** The description carries the code's hash: SCF keeps no hash of its own to compare against. */
export const descriptionOf = (fn: FunctionPlan) => `everyshop ${fn.name} · code ${fn.codeSha256.slice(0, 16)}`

async function applyFunction(fn: FunctionPlan, manager: CloudManager, options: ApplyOptions, report: ApplyReport): Promise<void> {
  // An optional variable left unset is not sent, so the function sees it unset.
  const envVariables = Object.fromEntries(fn.environment.flatMap(({ name }) => (options.variables[name] === undefined ? [] : [[name, options.variables[name]]])))
  const spec: CloudFunctionSpec = {
    name: fn.name,
    description: descriptionOf(fn),
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeoutSeconds,
    envVariables,
    installDependency: true,
  }
  const detail = await functionDetail(manager, fn.name)
  if (!detail) {
    await manager.functions.createFunction({ func: { ...spec, triggers: fn.triggers }, functionRootPath: options.stagingDir, force: false })
    const triggers = fn.triggers.map((t) => `${t.name} "${t.config}"`).join(', ')
    report.changes.push(`function ${fn.name}: created (timeout ${fn.timeoutSeconds} s${triggers ? `, triggers ${triggers}` : ''})`)
    noteOpenApis(fn, report)
    await applyHttpAccess(fn, manager, report)
    return
  }
  if (detail.Runtime !== fn.runtime) {
    report.notes.push(`function ${fn.name}: runs ${detail.Runtime}, the plan says ${fn.runtime}; a runtime is set only when a function is created`)
  }
  const codeChanged = detail.Description !== descriptionOf(fn)
  if (codeChanged) {
    await manager.functions.updateFunctionCode({ func: spec, functionRootPath: options.stagingDir })
    report.changes.push(`function ${fn.name}: code updated`)
    noteOpenApis(fn, report)
  }
  const configChanges = configDifferences(fn, detail, envVariables)
  const handSet = (detail.Environment?.Variables ?? []).map((v) => v.Key).filter((name) => !(name in envVariables))
  // The SDK replaces a function's variables only by sending some: with none to send, it cannot clear them.
  if (Object.keys(envVariables).length === 0 && handSet.length > 0) {
    report.notes.push(`function ${fn.name}: variables ${handSet.join(', ')} are set in the cloud but not declared in its config.json; remove them in the console`)
  }
  if (codeChanged || configChanges.length > 0) {
    // Triggers are left out: given triggers, updateFunctionConfig would try to create them again.
    await manager.functions.updateFunctionConfig(spec)
    for (const change of configChanges) report.changes.push(`function ${fn.name}: ${change}`)
  }
  await applyTriggers(fn, detail, manager, report)
  await applyHttpAccess(fn, manager, report)
}

/** Publishes the function on the HTTP access service at its path, unless it is there already. */
async function applyHttpAccess(fn: FunctionPlan, manager: CloudManager, report: ApplyReport): Promise<void> {
  if (!fn.httpAccessPath) return
  const { APISet = [] } = await manager.access.getAccessList({ name: fn.name })
  if (APISet.some((api) => api.Path === fn.httpAccessPath && api.Name === fn.name)) return
  // WeChat Pay calls without a CloudBase login: the function checks the caller's signature itself.
  await manager.access.createAccess({ name: fn.name, path: fn.httpAccessPath, auth: false })
  report.changes.push(`function ${fn.name}: HTTP access at ${fn.httpAccessPath}`)
}

/**
 * WeChat grants a function its open APIs (云调用) from `permissions.openapi` in config.json when WeChat
 * DevTools uploads it; neither CloudBase's management API nor miniprogram-ci carries that list.
 */
function noteOpenApis(fn: FunctionPlan, report: ApplyReport): void {
  if (fn.openapi.length === 0) return
  report.notes.push(
    `function ${fn.name} calls open APIs (${fn.openapi.join(', ')}): in WeChat DevTools, right-click cloudfunctions/${fn.name} → 上传并部署：云端安装依赖 once, so WeChat grants them from its config.json`,
  )
}

async function functionDetail(manager: CloudManager, name: string): Promise<FunctionDetail | undefined> {
  try {
    return await manager.functions.getFunctionDetail(name)
  } catch (error) {
    if (String((error as { code?: string }).code ?? '').startsWith('ResourceNotFound')) return undefined
    throw error
  }
}

/** What differs in the configuration; variables are named, never shown. */
function configDifferences(fn: FunctionPlan, detail: FunctionDetail, envVariables: Record<string, string>): string[] {
  const changes: string[] = []
  if (detail.Timeout !== fn.timeoutSeconds) changes.push(`timeout ${detail.Timeout} → ${fn.timeoutSeconds} s`)
  const current = new Map((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]))
  for (const [name, value] of Object.entries(envVariables)) {
    if (!current.has(name)) changes.push(`environment variable ${name} set`)
    else if (current.get(name) !== value) changes.push(`environment variable ${name} changed`)
  }
  if (Object.keys(envVariables).length > 0) {
    for (const name of current.keys()) {
      if (name in envVariables) continue
      changes.push(`environment variable ${name} ${fn.environment.some((v) => v.name === name) ? 'cleared (no value given)' : 'removed (not declared)'}`)
    }
  }
  return changes
}

async function applyTriggers(fn: FunctionPlan, detail: FunctionDetail, manager: CloudManager, report: ApplyReport): Promise<void> {
  const existing = new Map((detail.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => [t.TriggerName, cronOf(t.TriggerDesc)]))
  const wanted = new Map(fn.triggers.map((t) => [t.name, t]))
  const create = fn.triggers.filter((t) => existing.get(t.name) !== t.config)
  for (const [name, cron] of existing) {
    const trigger = wanted.get(name)
    if (trigger && trigger.config === cron) continue
    await manager.functions.deleteFunctionTrigger(fn.name, name)
    if (!trigger) report.changes.push(`function ${fn.name}: trigger ${name} deleted (not declared)`)
  }
  if (create.length === 0) return
  await manager.functions.createFunctionTriggers(fn.name, create)
  for (const trigger of create) {
    const before = existing.get(trigger.name)
    report.changes.push(`function ${fn.name}: trigger ${trigger.name} ${before ? `"${before}" → ` : 'created '}"${trigger.config}"`)
  }
}

/** SCF describes a timer trigger as `{"cron":"…"}`. */
function cronOf(description: string): string {
  try {
    const parsed = JSON.parse(description) as { cron?: string }
    return parsed.cron ?? description
  } catch {
    return description
  }
}
