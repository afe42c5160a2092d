/**
 * `npm test`: builds the weapp and H5 apps (the weapp checks and the browser tests read them), then
 * every suite (unit, integration against the local cloud, end-to-end in chromium, weapp checks)
 * through vitest, then one plain closing line, `N passed, N failed`, for CI to read.
 * Extra arguments go to vitest (e.g. `npm test -- test/local-cloud`); EVERYSHOP_SKIP_BUILD=1 reuses
 * the last builds. The browser tests' Chromium is looked up first (scripts/browser.ts): on Debian as
 * root a missing one is installed with a Chinese font; elsewhere one line says what to install.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BROWSER_VARIABLE, browserPlan, findBrowser, systemHost } from './browser'

const REPO = path.resolve(__dirname, '..')

/** The browser the e2e tests will launch, installed first where this machine allows. */
function ensureBrowser(): string | undefined {
  const host = systemHost()
  const plan = browserPlan(host)
  if (plan.kind === 'missing') {
    console.log(plan.advice)
    return undefined
  }
  const { packages } = plan
  if (plan.kind === 'found' && plan.warning) console.log(plan.warning)
  if (packages.length > 0) {
    console.log(`Installing ${packages.join(' ')} with apt-get for the browser tests…`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...packages, 'fontconfig']]) {
      const apt = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env })
      if (apt.status !== 0) console.log(`apt-get ${args[0]} failed; install ${packages.join(' ')} yourself.`)
    }
  }
  return plan.kind === 'found' ? plan.path : findBrowser(host)
}

const browser = ensureBrowser()

if (!process.env.EVERYSHOP_SKIP_BUILD) {
  for (const type of ['weapp', 'h5']) {
    const started = Date.now()
    const build = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', type, '--no-check'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (build.status !== 0) {
      console.log(`the ${type} build failed:\n${build.stdout}${build.stderr}`)
      console.log('0 passed, 1 failed')
      process.exit(1)
    }
    console.log(`built ${type} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'everyshop-test-')), 'vitest.json')
const vitest = spawnSync(
  process.execPath,
  [
    path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TENCENTCLOUD: 'true', ...(browser ? { [BROWSER_VARIABLE]: browser } : {}) } },
)

if (!fs.existsSync(report)) {
  console.log('0 passed, 1 failed')
  process.exit(vitest.status || 1)
}
const results = JSON.parse(fs.readFileSync(report, 'utf8'))
// A file that failed without a failing test (it did not load, or a hook threw) counts once too.
const brokenFiles = results.testResults.filter(
  (file: { status: string; assertionResults: Array<{ status: string }> }) =>
    file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'),
).length
const failed = results.numFailedTests + brokenFiles
const skipped = results.numPendingTests + results.numTodoTests
console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0)
