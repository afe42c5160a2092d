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

  // Platform code is picked one way: by file name (x.weapp.tsx / x.h5.tsx, declared by x.d.ts), which
  // Taro resolves at build time; the *-code-stays-in-the-*-build rules keep each platform's files out of
  // the other build.
  const grepSrc = (pattern: string, ...exclude: string[]) => {
    try {
      return execFileSync('git', ['grep', '--untracked', '-nE', pattern, '--', 'src', ...exclude.map((e) => `:!${e}`)], { cwd: REPO, encoding: 'utf8' })
    } catch (error: any) {
      if (error.status === 1) return '' // git grep's answer for "no match"
      throw error
    }
  }

  it('picks platform code by file name, never by process.env.TARO_ENV', () => {
    expect(grepSrc('TARO_ENV')).toBe('')
  })

  it('calls WeChat-only APIs from .weapp files only, so the H5 build has none', () => {
    expect(grepSrc('Taro\\.(cloud|requestPayment|chooseAddress|requestMerchantTransfer|requestSubscribeMessage)\\b|\\bwx\\.\\w+\\(', '*.weapp.ts', '*.weapp.tsx')).toBe('')
  })

  it('reads the caller from cloud.getWXContext() in one place only', () => {
    const hits = execFileSync('git', ['grep', '-l', 'getWXContext', '--', 'cloudfunctions', 'src'], { cwd: REPO, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    expect(hits).toEqual(['cloudfunctions/_shared/wx-context.ts'])
  })
})
