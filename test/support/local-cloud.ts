import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseEvent, LocalCloud, LocalCloudOptions, startLocalCloud } from '../../local-cloud/server'
import { auditDatabase } from './database-audit'
import { observeDatabaseRequest } from './database-requests'

process.env.TENCENTCLOUD = 'true'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloudSdk = require('wx-server-sdk')

export interface TestCloud {
  cloud: LocalCloud
  /** A wx-server-sdk instance pointed at this local cloud, as a script outside any function would have. */
  sdk: any
  db: any
  dataDir: string
  close(): Promise<void>
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `everyshop-${prefix}-`))
}

/** A local cloud on a free port with a fresh data directory, and the real SDK pointed at it. */
/**
 * wx-server-sdk's module-level `init` keeps its first configuration for the whole process, so each
 * connection gets its own `Cloud` instance instead.
 */
export async function connectSdk(url: string): Promise<any> {
  const sdk = new cloudSdk.Cloud({ resourceEnv: 'local', env: 'local', serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local' })
  await sdk.init()
  return sdk
}

/** The shop's functions' requests: audited against the declarations, and counted for the tests that measure them. */
const observeShopDatabase = (event: DatabaseEvent) => {
  auditDatabase(event)
  observeDatabaseRequest(event)
}

export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? tempDir('cloud')
  // The shop's own functions on the shop's own schema are held to the repository's declarations.
  const shop = !options.functionsRoot && !options.schemaFile
  const cloud = await startLocalCloud({ log: () => {}, buildFunctions: false, ...(shop ? { observeDatabase: observeShopDatabase } : {}), ...options, dataDir })
  const sdk = await connectSdk(cloud.url)
  return {
    cloud,
    sdk,
    db: sdk.database(),
    dataDir,
    async close() {
      await cloud.close()
    },
  }
}

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to reject')
}

let counter = 0
/** A new, empty collection for one test. */
export async function freshCollection(db: any, prefix = 'c'): Promise<any> {
  const name = `${prefix}_${process.pid}_${++counter}`
  await db.createCollection(name)
  return db.collection(name)
}

/** Calls a cloud function as the mini program would, as the user with this OPENID. */
export async function callAs(cloud: LocalCloud, openid: string | undefined, name: string, action: string, payload?: unknown) {
  const response = await fetch(`${cloud.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify({ action, payload }),
  })
  const body = (await response.json()) as { result?: any; errCode?: number; errMsg?: string }
  if (body.errCode !== undefined) throw new Error(`${name}.${action}: ${body.errMsg}`)
  return body.result
}
