import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const REPO = path.resolve(__dirname, '..')

describe('types', () => {
  it('the whole project type-checks (tsc --noEmit, strict)', () => {
    let output = ''
    try {
      execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], {
        cwd: REPO,
        encoding: 'utf8',
      })
    } catch (error: any) {
      output = `${error.stdout}${error.stderr}`
    }
    expect(output).toBe('')
  })
})
