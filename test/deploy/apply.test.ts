import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { applyPlan, descriptionOf } from '../../deploy/apply'
import { DeployPlan, planFromRepository, repositoryPaths } from '../../deploy/plan'
import { tempDir } from '../support/local-cloud'
import { FakeCloudBase } from './fake-manager'

const REPO = path.resolve(__dirname, '../..')
const plan = planFromRepository(repositoryPaths(REPO))
/** A value for every variable the plan names but the optional ones. */
const variables = Object.fromEntries(plan.functions.flatMap((fn) => fn.environment).filter((v) => !v.optional).map((v) => [v.name, v.name === 'PAY_SUB_MCH_ID' ? '1600000001' : `value of ${v.name}`]))
const deploy = (cloud: FakeCloudBase, thePlan: DeployPlan = plan, values = variables) =>
  applyPlan(thePlan, cloud, { variables: values, stagingDir: tempDir('deploy-stage') })

describe('deploying to an empty environment', () => {
  let cloud: FakeCloudBase
  beforeEach(() => {
    cloud = new FakeCloudBase()
  })

  it('creates every collection, index and admin-only rule', async () => {
    const report = await deploy(cloud)
    for (const collection of plan.collections) {
      expect(report.changes).toContain(`collection ${collection.name}: created`)
      expect(cloud.collections.get(collection.name)!.map((i) => i.Name).sort()).toEqual(['_id_', ...collection.indexes.map((i) => i.name)].sort())
      expect(cloud.permissions.get(collection.name)).toEqual({ Permission: 'ADMINONLY', SecurityRule: undefined })
    }
    const orders = cloud.collections.get('orders')!
    expect(orders.find((i) => i.Name === 'buyer_hidden_createdAt')).toEqual({
      Name: 'buyer_hidden_createdAt',
      Keys: [{ Name: 'buyerOpenid', Direction: '1' }, { Name: 'hiddenByBuyerAt', Direction: '1' }, { Name: 'createdAt', Direction: '-1' }],
      Unique: false,
    })
    expect(orders.find((i) => i.Name === 'orderNo_unique')?.Unique).toBe(true)
  })

  it('creates every function from its three files, with its timeout, variables and timer triggers', async () => {
    const report = await deploy(cloud)
    for (const fn of plan.functions) {
      const created = cloud.functionsByName.get(fn.name)!
      expect(created.files).toEqual(['config.json', 'index.js', 'package.json'])
      expect(created.timeout).toBe(fn.timeoutSeconds)
      expect(created.runtime).toBe('Nodejs20.19')
      expect(Object.keys(created.variables)).toEqual(fn.environment.filter((v) => !v.optional).map((v) => v.name))
      expect(created.triggers).toEqual(fn.triggers.map((t) => ({ name: t.name, cron: t.config })))
      expect(report.changes.some((c) => c.startsWith(`function ${fn.name}: created`))).toBe(true)
    }
    expect(cloud.functionsByName.get('order')!.variables).toEqual({ PAY_SUB_MCH_ID: '1600000001' })
  })

  it('publishes the payout notification function on the HTTP access service, open to WeChat Pay', async () => {
    const report = await deploy(cloud)
    expect(report.changes).toContain('function payout-notify: HTTP access at /payout-notify')
    expect(cloud.routes.get('/payout-notify')).toEqual({ name: 'payout-notify', auth: false })
    expect([...cloud.routes.keys()]).toEqual(plan.functions.filter((fn) => fn.httpAccessPath).map((fn) => `/${fn.name}`))
  })

  it('says which functions need their open APIs granted from WeChat DevTools', async () => {
    const report = await deploy(cloud)
    const callers = plan.functions.filter((fn) => fn.openapi.length > 0)
    expect(callers.map((fn) => fn.name)).toContain('referral')
    expect(report.notes).toEqual(callers.map((fn) => expect.stringContaining(`function ${fn.name} calls open APIs (${fn.openapi.join(', ')})`)))
    expect((await deploy(cloud)).notes).toEqual([])
  })

  it('changes nothing the second time, and says so', async () => {
    await deploy(cloud)
    const before = cloud.writes().length
    const report = await deploy(cloud)
    expect(report.changes).toEqual([])
    expect(cloud.writes().length).toBe(before)
  })
})

describe('deploying over an environment that drifted', () => {
  let cloud: FakeCloudBase
  beforeEach(async () => {
    cloud = new FakeCloudBase()
    await deploy(cloud)
    cloud.calls.length = 0
  })

  it('rebuilds an index whose keys changed and drops one nobody declared', async () => {
    const orders = cloud.collections.get('orders')!
    orders.find((i) => i.Name === 'status_expiresAt')!.Keys = [{ Name: 'status', Direction: '1' }]
    orders.push({ Name: 'by_hand', Keys: [{ Name: 'remark', Direction: '1' }], Unique: false })
    const report = await deploy(cloud)
    expect(report.changes).toEqual([
      'collection orders: index by_hand dropped (not declared)',
      'collection orders: index status_expiresAt rebuilt (status asc, expiresAt asc)',
    ])
    expect(cloud.writes().map((c) => [c.method, ...c.args])).toEqual([
      ['database.updateCollection', 'orders', { DropIndexes: [{ IndexName: 'status_expiresAt' }, { IndexName: 'by_hand' }] }],
      ['database.updateCollection', 'orders', {
        CreateIndexes: [{ IndexName: 'status_expiresAt', MgoKeySchema: { MgoIndexKeys: [{ Name: 'status', Direction: '1' }, { Name: 'expiresAt', Direction: '1' }], MgoIsUnique: false } }],
      }],
    ])
  })

  it('puts back a rule someone opened in the console', async () => {
    cloud.permissions.set('users', { Permission: 'PRIVATE' })
    const report = await deploy(cloud)
    expect(report.changes).toEqual(['collection users: security rule admin only (the mini program neither reads nor writes) (was PRIVATE)'])
    expect(cloud.permissions.get('users')?.Permission).toBe('ADMINONLY')
  })

  it('uploads changed code and configuration, and moves a trigger whose schedule changed', async () => {
    const timers = plan.functions.find((f) => f.name === 'timers')!
    const changed: DeployPlan = {
      ...plan,
      functions: plan.functions.map((fn) =>
        fn.name !== 'timers'
          ? fn
          : {
              ...fn,
              codeSha256: 'f'.repeat(64),
              timeoutSeconds: 50,
              triggers: [{ ...timers.triggers[0], config: '0 */2 * * * * *' }, ...timers.triggers.slice(1)],
            },
      ),
    }
    const report = await deploy(cloud, changed)
    expect(report.changes).toEqual([
      'function timers: code updated',
      'function timers: timeout 60 → 50 s',
      'function timers: trigger expireUnpaidOrders "0 * * * * * *" → "0 */2 * * * * *"',
    ])
    expect(cloud.writes().map((c) => c.method)).toEqual([
      'functions.updateFunctionCode',
      'functions.updateFunctionConfig',
      'functions.deleteFunctionTrigger',
      'functions.createFunctionTriggers',
    ])
    expect(cloud.functionsByName.get('timers')!.description).toBe(descriptionOf(changed.functions.find((f) => f.name === 'timers')!))
  })

  it('deletes a trigger the repository no longer declares', async () => {
    cloud.functionsByName.get('timers')!.triggers.push({ name: 'nightly', cron: '0 0 3 * * * *' })
    const report = await deploy(cloud)
    expect(report.changes).toEqual(['function timers: trigger nightly deleted (not declared)'])
    expect(cloud.functionsByName.get('timers')!.triggers.map((t) => t.name)).toEqual(timers().triggers.map((t) => t.name))
  })

  it('names a changed variable and never shows its value', async () => {
    const report = await deploy(cloud, plan, { ...variables, PAY_SUB_MCH_ID: '1600000002' })
    const payers = plan.functions.filter((f) => f.environment.some((v) => v.name === 'PAY_SUB_MCH_ID')).map((f) => f.name)
    expect(report.changes).toEqual(payers.map((name) => `function ${name}: environment variable PAY_SUB_MCH_ID changed`))
    expect(JSON.stringify(report)).not.toContain('1600000002')
    expect(cloud.functionsByName.get('order')!.variables.PAY_SUB_MCH_ID).toBe('1600000002')
  })

  it('removes a variable set by hand beside declared ones, and only reports one it cannot remove', async () => {
    cloud.functionsByName.get('order')!.variables.DEBUG = '1'
    cloud.functionsByName.get('catalog')!.variables.DEBUG = '1'
    const report = await deploy(cloud)
    expect(report.changes).toEqual(['function order: environment variable DEBUG removed (not declared)'])
    expect(report.notes).toEqual(['function catalog: variables DEBUG are set in the cloud but not declared in its config.json; remove them in the console'])
    expect(cloud.functionsByName.get('order')!.variables).toEqual({ PAY_SUB_MCH_ID: '1600000001' })
    expect((await deploy(cloud)).changes).toEqual([])
  })

  it('sends an optional variable when it has a value, and clears it when it no longer has one', async () => {
    const withBase = { ...variables, WECHATPAY_BASE_URL: 'https://api.mch.weixin.qq.com' }
    const payers = plan.functions.filter((fn) => fn.environment.some((v) => v.name === 'WECHATPAY_BASE_URL')).map((fn) => fn.name)
    expect((await deploy(cloud, plan, withBase)).changes).toEqual(payers.map((name) => `function ${name}: environment variable WECHATPAY_BASE_URL set`))
    expect((await deploy(cloud)).changes).toEqual(payers.map((name) => `function ${name}: environment variable WECHATPAY_BASE_URL cleared (no value given)`))
  })

  it('stages exactly the planned bytes', async () => {
    const stagingDir = tempDir('deploy-stage')
    await applyPlan(plan, cloud, { variables, stagingDir })
    for (const fn of plan.functions) {
      expect(fs.readFileSync(path.join(stagingDir, fn.name, 'index.js')).equals(fs.readFileSync(path.join(fn.dir, 'index.js'))), fn.name).toBe(true)
    }
    const tampered = { ...plan, functions: [{ ...plan.functions[0], files: plan.functions[0].files.map((f) => ({ ...f, sha256: '0'.repeat(64) })) }] }
    await expect(applyPlan(tampered, cloud, { variables, stagingDir })).rejects.toThrow('changed since the plan was made')
  })
})

const timers = () => plan.functions.find((f) => f.name === 'timers')!
