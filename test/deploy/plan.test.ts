import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listFunctions } from '../../local-cloud/functions/build'
import { HQ_BOOTSTRAP_OPENID } from '../../cloudfunctions/_shared/hq-bootstrap'
import { HTTP_ACCESS_BASE_URL } from '../../cloudfunctions/_shared/http-access'
import { SUBSCRIBE_ENV } from '../../cloudfunctions/_shared/notifications/config'
import { PAYOUT_ENV } from '../../cloudfunctions/_shared/payout/config'
import { PlanError, isCloudBaseCron, planFromRepository, repositoryPaths } from '../../deploy/plan'
import { tempDir } from '../support/local-cloud'

const REPO = path.resolve(__dirname, '../..')
const paths = repositoryPaths(REPO)
const declared = JSON.parse(fs.readFileSync(paths.collectionsFile, 'utf8')).collections as Record<string, { indexes?: Array<{ name: string }> }>

describe('the deploy plan, from the repository alone', () => {
  const plan = planFromRepository(paths)

  it('holds every declared collection with its indexes and an admin-only rule', () => {
    expect(plan.collections.map((c) => c.name)).toEqual(Object.keys(declared))
    for (const collection of plan.collections) {
      expect(collection.indexes.map((i) => i.name)).toEqual((declared[collection.name].indexes ?? []).map((i) => i.name))
      expect(collection.rule).toEqual({ read: false, write: false })
    }
  })

  it('holds every function as CloudBase runs it: the bundle, a package.json naming wx-server-sdk, config.json', () => {
    expect(plan.functions.map((f) => f.name)).toEqual(listFunctions(paths.functionsRoot))
    for (const fn of plan.functions) {
      expect(fn.files.map((f) => f.name)).toEqual(['index.js', 'package.json', 'config.json'])
      const pkg = JSON.parse(fs.readFileSync(path.join(fn.dir, 'package.json'), 'utf8'))
      expect(Object.keys(pkg.dependencies)).toContain('wx-server-sdk')
      expect(fn.timeoutSeconds).toBeGreaterThanOrEqual(1)
      expect(fn.timeoutSeconds).toBeLessThanOrEqual(60)
    }
  })

  it("lets the functions that check HQ's roles name HQ's first admin (HQ_BOOTSTRAP_OPENID), optionally", () => {
    const declaring = plan.functions.filter((fn) => fn.environment.some((v) => v.name === HQ_BOOTSTRAP_OPENID && v.optional))
    expect(declaring.map((fn) => fn.name)).toEqual(['hq', 'hq-catalog', 'hq-files', 'hq-marketing', 'hq-orders', 'hq-reports', 'user'])
  })

  it('publishes on the HTTP access service the function WeChat Pay notifies, at its name', () => {
    expect(plan.functions.filter((fn) => fn.httpAccessPath).map((fn) => fn.httpAccessPath)).toEqual(['/payout-notify'])
  })

  it("carries the timers function's triggers in CloudBase's 7-field cron", () => {
    const timers = plan.functions.find((f) => f.name === 'timers')!
    const config = JSON.parse(fs.readFileSync(path.join(timers.dir, 'config.json'), 'utf8'))
    expect(timers.triggers).toEqual(config.triggers)
    for (const trigger of timers.triggers) expect(isCloudBaseCron(trigger.config)).toBe(true)
  })

  it('declares, by name and meaning, every environment variable a bundle reads', () => {
    // Read as process.env.NAME, or by a name the payout, subscription message and HTTP access configuration look up.
    const looked = [...Object.values(PAYOUT_ENV), ...Object.values(SUBSCRIBE_ENV).flatMap((names) => Object.values(names)), HTTP_ACCESS_BASE_URL]
    for (const fn of plan.functions) {
      const bundle = fs.readFileSync(path.join(fn.dir, 'index.js'), 'utf8')
      const read = new Set([...bundle.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))
      for (const name of looked) if (bundle.includes(`"${name}"`) || bundle.includes(`'${name}'`)) read.add(name)
      // Every function's edge knows the bootstrap setting, but only hq, hq-catalog and user are given it (above).
      if (fn.environment.some((v) => v.name === HQ_BOOTSTRAP_OPENID)) read.add(HQ_BOOTSTRAP_OPENID)
      expect(fn.environment.map((v) => v.name).sort(), fn.name).toEqual([...read].sort())
      for (const variable of fn.environment) expect(variable.meaning.length).toBeGreaterThan(10)
    }
  })
})

describe('a repository that does not deploy', () => {
  function repoWith(change: (root: string) => void): string {
    const root = tempDir('deploy-repo')
    fs.mkdirSync(path.join(root, 'database'))
    fs.writeFileSync(path.join(root, 'database/collections.json'), JSON.stringify({ collections: { orders: { indexes: [{ name: 'no', fields: { orderNo: 1 } }] } } }))
    fs.writeFileSync(path.join(root, 'database/security-rules.json'), JSON.stringify({ collections: { orders: { read: false, write: false } } }))
    const fn = path.join(root, 'cloudfunctions/order')
    fs.mkdirSync(fn, { recursive: true })
    fs.writeFileSync(path.join(fn, 'index.ts'), '')
    fs.writeFileSync(path.join(fn, 'index.js'), 'exports.main = async () => 1')
    fs.writeFileSync(path.join(fn, 'package.json'), JSON.stringify({ main: 'index.js', dependencies: { 'wx-server-sdk': '~4.0.2' } }))
    fs.writeFileSync(path.join(fn, 'config.json'), JSON.stringify({ timeout: 20 }))
    change(root)
    return root
  }
  const problemsOf = (root: string) => {
    try {
      planFromRepository(repositoryPaths(root))
    } catch (error) {
      if (error instanceof PlanError) return error.problems
      throw error
    }
    return []
  }
  const write = (root: string, file: string, value: unknown) => fs.writeFileSync(path.join(root, file), JSON.stringify(value))

  it('plans a well-formed one', () => {
    expect(problemsOf(repoWith(() => {}))).toEqual([])
  })

  it.each([
    ['a collection without a rule', (r: string) => write(r, 'database/security-rules.json', { collections: {} }), 'collection orders has no security rule'],
    ['a rule for no collection', (r: string) => write(r, 'database/security-rules.json', { collections: { orders: { read: false, write: false }, carts: { read: false, write: false } } }), 'carts has a rule but is not a declared collection'],
    ['an unbundled function', (r: string) => fs.rmSync(path.join(r, 'cloudfunctions/order/index.js')), 'index.js is missing: bundle the functions first'],
    ['a function without wx-server-sdk', (r: string) => write(r, 'cloudfunctions/order/package.json', { main: 'index.js', dependencies: { dayjs: '1' } }), 'must depend on wx-server-sdk'],
    ['a 5-field cron', (r: string) => write(r, 'cloudfunctions/order/config.json', { timeout: 20, triggers: [{ name: 'tick', type: 'timer', config: '*/5 * * * *' }] }), 'is not a 7-field cron'],
    ['a timeout past the 60 s cap', (r: string) => write(r, 'cloudfunctions/order/config.json', { timeout: 120 }), 'timeout 120 is not 1–60 seconds'],
  ])('refuses %s, saying so', (_case, change, problem) => {
    expect(problemsOf(repoWith(change)).join('\n')).toContain(problem)
  })
})

describe("CloudBase's cron", () => {
  it.each([
    ['0 * * * * * *', true],
    ['30 */5 * * * * *', true],
    ['0 0 2 1 * MON *', true],
    ['*/5 * * * *', false],
    ['0 * * * * *', false],
    ['0 * * * * * * *', false],
  ])('%s is %s', (cron, valid) => {
    expect(isCloudBaseCron(cron)).toBe(valid)
  })
})
