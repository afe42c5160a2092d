/**
 * `npm test`: every suite (unit, integration against the local cloud, end-to-end in chromium, weapp
 * build checks) through vitest, then one plain closing line, `N passed, N failed`, for CI to read.
 * Extra arguments go to vitest (e.g. `npm test -- test/local-cloud`).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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
  { stdio: 'inherit', env: { ...process.env, TENCENTCLOUD: 'true' } },
)

if (!fs.existsSync(report)) {
  console.log('0 passed, 1 failed')
  process.exit(vitest.status || 1)
}
const results = JSON.parse(fs.readFileSync(report, 'utf8'))
const failed = results.numFailedTests + (results.numFailedTestSuites ?? 0)
const skipped = results.numPendingTests + results.numTodoTests
console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0)
