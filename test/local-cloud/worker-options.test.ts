import { describe, expect, it } from 'vitest'
import { withoutTypeScriptLoader } from '../../local-cloud/functions/host'

/** A function instance runs built JavaScript, as in the cloud: it never inherits the host's TypeScript loader. */
describe("a function instance's node options", () => {
  it.each([
    [['--import', 'tsx'], []],
    [['--import=tsx', '--enable-source-maps'], ['--enable-source-maps']],
    [['--require', '/repo/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///repo/node_modules/tsx/dist/loader.mjs'], []],
    [['--cpu-prof', '--import', 'tsx', '--max-old-space-size=512'], ['--cpu-prof', '--max-old-space-size=512']],
    [['--import', './tsxlike-hooks.mjs', '-r', 'dotenv/config'], ['--import', './tsxlike-hooks.mjs', '-r', 'dotenv/config']],
  ])('%j keeps %j', (host, worker) => {
    expect(withoutTypeScriptLoader(host)).toEqual(worker)
  })
})
