import fs from 'node:fs'
import path from 'node:path'
import type { CloudManager, FunctionDetail } from '../../deploy/manager'

type Db = CloudManager['database']
type Fns = CloudManager['functions']
type Perm = CloudManager['permission']
type Access = CloudManager['access']

export interface Call {
  method: string
  args: unknown[]
  /** False for a call that only looked: a describe, a get, or an ensure that found the thing there. */
  changed: boolean
}

interface StoredIndex {
  Name: string
  Keys: Array<{ Name: string; Direction: string }>
  Unique: boolean
}

interface StoredFunction {
  runtime: string
  timeout: number
  description: string
  variables: Record<string, string>
  triggers: Array<{ name: string; cron: string }>
  /** The files of the folder the SDK would zip and upload. */
  files: string[]
}

/** An error as @cloudbase/manager-node throws it (CloudBaseError carries the cloud API's code). */
class CloudBaseError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/**
 * An in-memory CloudBase environment behind the manager-node methods deploy uses, with the SDK's
 * names, argument shapes and answers (typed by the SDK's declarations through CloudManager). It
 * records every call and refuses what the service refuses: describing a missing collection or
 * function, creating an index or trigger whose name is taken, deleting a trigger that is not there.
 */
export class FakeCloudBase implements CloudManager {
  readonly calls: Call[] = []
  readonly collections = new Map<string, StoredIndex[]>()
  readonly permissions = new Map<string, { Permission: string; SecurityRule?: string }>()
  readonly functionsByName = new Map<string, StoredFunction>()
  /** HTTP access routes: path → the function it invokes, and whether a CloudBase login is required. */
  readonly routes = new Map<string, { name: string; auth: boolean }>()

  private record(method: string, ...args: unknown[]): Call {
    const call = { method, args, changed: !/^(describe|get)/.test(method.split('.')[1]) }
    this.calls.push(call)
    return call
  }

  /** The calls that changed something. */
  writes(): Call[] {
    return this.calls.filter((c) => c.changed)
  }

  database: Db = {
    createCollectionIfNotExists: async (name) => {
      const call = this.record('database.createCollectionIfNotExists', name)
      const exists = this.collections.has(name)
      call.changed = !exists
      if (!exists) this.collections.set(name, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }])
      return { RequestId: 'r', IsCreated: !exists, ExistsResult: { RequestId: 'r', Exists: exists } }
    },
    describeCollection: async (name) => {
      this.record('database.describeCollection', name)
      const indexes = this.collections.get(name)
      if (!indexes) throw new CloudBaseError(`collection ${name} does not exist`, 'ResourceNotFound')
      return {
        RequestId: 'r',
        IndexNum: indexes.length,
        Indexes: indexes.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '' } })),
      }
    },
    updateCollection: async (name, changes) => {
      this.record('database.updateCollection', name, changes)
      const indexes = this.collections.get(name)
      if (!indexes) throw new CloudBaseError(`collection ${name} does not exist`, 'ResourceNotFound')
      for (const { IndexName } of changes.DropIndexes ?? []) {
        const at = indexes.findIndex((i) => i.Name === IndexName)
        if (at < 0) throw new CloudBaseError(`index ${IndexName} does not exist`, 'InvalidParameter')
        indexes.splice(at, 1)
      }
      for (const { IndexName, MgoKeySchema } of changes.CreateIndexes ?? []) {
        if (indexes.some((i) => i.Name === IndexName)) throw new CloudBaseError(`index ${IndexName} exists`, 'InvalidParameter')
        indexes.push({ Name: IndexName, Keys: MgoKeySchema.MgoIndexKeys.map((k) => ({ ...k })), Unique: MgoKeySchema.MgoIsUnique })
      }
      return { RequestId: 'r' }
    },
  }

  permission: Perm = {
    describeResourcePermission: async (options) => {
      this.record('permission.describeResourcePermission', options)
      if ((options.resources?.length ?? 0) > 100) throw new Error('resources length must be <= 100')
      const PermissionList = (options.resources ?? []).flatMap((name) => {
        const entry = this.permissions.get(name)
        return entry ? [{ ResourceType: 'collection' as const, Resource: name, ...entry }] : []
      })
      return { RequestId: 'r', Data: { TotalCount: PermissionList.length, PermissionList } }
    },
    modifyResourcePermission: async (options) => {
      this.record('permission.modifyResourcePermission', options)
      if (options.resourceType !== 'collection' || !options.resource) throw new Error('Invalid resource')
      if (options.permission === 'CUSTOM' && !options.securityRule) throw new Error('securityRule is required when permission is CUSTOM')
      this.permissions.set(options.resource, { Permission: options.permission, SecurityRule: options.securityRule })
      return { RequestId: 'r', Data: { Success: true } }
    },
  }

  access: Access = {
    getAccessList: async (options = {}) => {
      this.record('access.getAccessList', options)
      const APISet = [...this.routes]
        .filter(([path, route]) => (!options.name || route.name === options.name) && (!options.path || path === options.path))
        .map(([Path, route]) => ({ ServiceId: 'env', APIId: `api-${Path}`, Path, Type: 1, Name: route.name, CreateTime: 0, EnvId: 'env', EnableAuth: route.auth }))
      return { RequestId: 'r', APISet, Total: APISet.length, Limit: 20, Offset: 0, EnableService: true }
    },
    createAccess: async (options) => {
      this.record('access.createAccess', options)
      if (this.routes.has(options.path)) throw new CloudBaseError(`path ${options.path} is taken`, 'InvalidParameter.APICreated')
      this.existing(options.name)
      this.routes.set(options.path, { name: options.name, auth: options.auth === true })
      return { RequestId: 'r', APIId: `api-${options.path}` }
    },
  }

  functions: Fns = {
    getFunctionDetail: async (name) => {
      this.record('functions.getFunctionDetail', name)
      const fn = this.functionsByName.get(name)
      if (!fn) throw new CloudBaseError(`function ${name} not found`, 'ResourceNotFound.Function')
      return {
        FunctionName: name,
        Runtime: fn.runtime,
        Timeout: fn.timeout,
        Description: fn.description,
        Environment: { Variables: Object.entries(fn.variables).map(([Key, Value]) => ({ Key, Value })) },
        // SCF describes a timer trigger's schedule as JSON.
        Triggers: fn.triggers.map((t) => ({ Name: t.name, TriggerName: t.name, Type: 'timer', Config: '', TriggerDesc: JSON.stringify({ cron: t.cron }) })),
      } as Partial<FunctionDetail> as FunctionDetail
    },
    createFunction: async (param) => {
      this.record('functions.createFunction', param)
      const { func } = param
      if (this.functionsByName.has(func.name) && !param.force) throw new CloudBaseError(`function ${func.name} exists`, 'ResourceInUse.Function')
      this.functionsByName.set(func.name, {
        runtime: func.runtime ?? 'Nodejs20.19',
        timeout: func.timeout ?? 3,
        description: func.description ?? '',
        variables: stringValues(func.envVariables),
        triggers: (func.triggers ?? []).map((t) => ({ name: t.name, cron: t.config })),
        files: filesOf(param.functionRootPath, func.name),
      })
      return { RequestId: 'r' }
    },
    updateFunctionCode: async (param) => {
      this.record('functions.updateFunctionCode', param)
      const fn = this.existing(param.func.name)
      fn.files = filesOf(param.functionRootPath, param.func.name)
      return { RequestId: 'r' }
    },
    updateFunctionConfig: async (func) => {
      this.record('functions.updateFunctionConfig', func)
      const fn = this.existing(func.name)
      if (func.timeout !== undefined) fn.timeout = func.timeout
      if (func.description !== undefined) fn.description = func.description
      // The SDK sends variables only when there are some, and then they replace all of them.
      if (func.envVariables && Object.keys(func.envVariables).length > 0) fn.variables = stringValues(func.envVariables)
      if (func.triggers?.length) await this.functions.createFunctionTriggers(func.name, func.triggers)
      return { RequestId: 'r' }
    },
    createFunctionTriggers: async (name, triggers = []) => {
      this.record('functions.createFunctionTriggers', name, triggers)
      const fn = this.existing(name)
      for (const trigger of triggers) {
        if (trigger.type !== 'timer') throw new CloudBaseError(`trigger type ${trigger.type} is not supported`, 'InvalidParameter')
        if (fn.triggers.some((t) => t.name === trigger.name)) throw new CloudBaseError(`trigger ${trigger.name} exists`, 'ResourceInUse.Trigger')
        fn.triggers.push({ name: trigger.name, cron: trigger.config })
      }
      return { RequestId: 'r' }
    },
    deleteFunctionTrigger: async (name, triggerName) => {
      this.record('functions.deleteFunctionTrigger', name, triggerName)
      const fn = this.existing(name)
      if (!fn.triggers.some((t) => t.name === triggerName)) throw new CloudBaseError(`trigger ${triggerName} not found`, 'ResourceNotFound.Trigger')
      fn.triggers = fn.triggers.filter((t) => t.name !== triggerName)
      return { RequestId: 'r' }
    },
  }

  private existing(name: string): StoredFunction {
    const fn = this.functionsByName.get(name)
    if (!fn) throw new CloudBaseError(`function ${name} not found`, 'ResourceNotFound.Function')
    return fn
  }
}

const stringValues = (values: Record<string, string | number | boolean> = {}) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]))

function filesOf(root: string | undefined, name: string): string[] {
  if (!root) throw new Error('the fake reads code from functionRootPath only')
  return fs.readdirSync(path.join(root, name)).sort()
}
