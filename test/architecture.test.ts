import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const REPO = path.resolve(__dirname, '..')

describe('architecture', () => {
  it('follows the layering rules in .dependency-cruiser.cjs', () => {
    const cli = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
    let output = ''
    try {
      output = execFileSync(process.execPath, [cli, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'src', 'cloudfunctions', 'local-cloud'], {
        cwd: REPO,
        encoding: 'utf8',
      })
    } catch (error: any) {
      output = `${error.stdout}${error.stderr}`
      expect.fail(`dependency rules violated:\n${output}`)
    }
    expect(output).not.toMatch(/error/i)
  })

  it('reads the caller from cloud.getWXContext() in one place only', () => {
    const hits = execFileSync('git', ['grep', '-l', 'getWXContext', '--', 'cloudfunctions', 'src'], { cwd: REPO, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    expect(hits).toEqual(['cloudfunctions/_shared/wx-context.ts'])
  })
})
