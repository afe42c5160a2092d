import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planFromRepository, repositoryPaths } from '../../deploy/plan'
import { missingForUpload } from '../../deploy/upload-weapp'
import { tempDir } from '../support/local-cloud'

const REPO = path.resolve(__dirname, '../..')
/** The environment without anything that would let a command reach the cloud. */
const bareEnv = () => {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (/^(TENCENTCLOUD_|PAY_SUB_MCH_ID|WECHATPAY_|HTTP_ACCESS_BASE_URL|WEAPP_UPLOAD_KEY_PATH)/.test(name)) delete env[name]
  return env
}
// The functions were bundled by the test setup; rebuilding here would rewrite bundles other tests are loading.
const run = (script: string, args: string[], env = bareEnv()) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, script), ...args], { cwd: REPO, env, encoding: 'utf8' })

describe('npm run deploy', () => {
  it('--dry-run prints, without credentials, every collection, index, rule, function and trigger', () => {
    const result = run('deploy/cli.ts', ['--env', 'test', '--dry-run', '--skip-build'])
    expect(result.status, result.stderr).toBe(0)
    const plan = planFromRepository(repositoryPaths(REPO))
    const lines = result.stdout.split('\n').map((line) => line.trim())
    for (const collection of plan.collections) {
      expect(lines).toContain(collection.name)
      for (const index of collection.indexes) expect(result.stdout).toContain(`index ${index.name}: `)
    }
    expect(result.stdout.match(/rule ADMINONLY: /g)).toHaveLength(plan.collections.length)
    for (const fn of plan.functions) {
      expect(result.stdout).toContain(`${fn.name}: Nodejs20.19, handler index.main, timeout ${fn.timeoutSeconds} s`)
      for (const trigger of fn.triggers) expect(result.stdout).toContain(`trigger ${trigger.name}: timer "${trigger.config}"`)
      for (const variable of fn.environment) expect(result.stdout).toContain(`environment ${variable.name}${variable.optional ? ' (optional)' : ''}: `)
      if (fn.httpAccessPath) expect(result.stdout).toContain(`HTTP access: ${fn.httpAccessPath}`)
    }
    expect(result.stdout).toContain('dry run: nothing was changed')
  })

  it('says in one line what is missing when credentials are absent', () => {
    const result = run('deploy/cli.ts', ['--env', 'test', '--skip-build'])
    expect(result.status).toBe(1)
    const required = [...new Set(planFromRepository(repositoryPaths(REPO)).functions.flatMap((fn) => fn.environment.filter((v) => !v.optional).map((v) => v.name)))]
    expect(required).toEqual(expect.arrayContaining(['PAY_SUB_MCH_ID', 'WECHATPAY_MCH_ID', 'HTTP_ACCESS_BASE_URL']))
    expect(result.stderr.trim().split('\n')).toEqual([
      `deploy: missing ${['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', ...required].join(', ')} in the environment (API keys and the functions' settings; see docs/production.md)`,
    ])
  })

  it('asks for the environment id', () => {
    const result = run('deploy/cli.ts', ['--dry-run'])
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toMatch(/^deploy: missing --env <envId>/)
  })
})

describe('npm run upload:weapp', () => {
  it('says in one line what is missing when the AppID and key are absent', () => {
    const result = run('deploy/upload-weapp.ts', [])
    expect(result.status).toBe(1)
    const [line, ...rest] = result.stderr.trim().split('\n')
    expect(rest).toEqual([])
    expect(line).toContain('upload:weapp: missing your AppID in project.config.json (appid is touristappid); WEAPP_UPLOAD_KEY_PATH (the path of the code upload key) in the environment')
  })

  it('checks that the AppID is real, the key file exists and the weapp is built', () => {
    const repo = tempDir('upload-repo')
    fs.writeFileSync(path.join(repo, 'project.config.json'), JSON.stringify({ appid: 'wx0123456789abcdef' }))
    expect(missingForUpload(repo, { WEAPP_UPLOAD_KEY_PATH: path.join(repo, 'private.key') })).toEqual([
      `the key file WEAPP_UPLOAD_KEY_PATH names (${path.join(repo, 'private.key')})`,
      'the weapp build in dist/ (npm run build:weapp)',
    ])
    fs.writeFileSync(path.join(repo, 'private.key'), 'key')
    fs.mkdirSync(path.join(repo, 'dist'))
    fs.writeFileSync(path.join(repo, 'dist/app.json'), '{}')
    expect(missingForUpload(repo, { WEAPP_UPLOAD_KEY_PATH: path.join(repo, 'private.key') })).toEqual([])
  })
})
