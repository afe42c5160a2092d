import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The weapp build is the product. `npm test` builds it first (scripts/test.ts); these checks read
 * the output as WeChat DevTools would upload it.
 */
const DIST = path.resolve(__dirname, '../../dist')
const LIMIT_BYTES = 2 * 1024 * 1024
/** Our own budget for the main package, which every visitor downloads before the first screen. */
const MAIN_BUDGET_BYTES = 600 * 1024

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
  lazyCodeLoading?: string
  preloadRule?: Record<string, { network?: string; packages: string[] }>
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

describe('weapp build', () => {
  const appJsonFile = path.join(DIST, 'app.json')

  it('exists (npm run build:weapp)', () => {
    expect(fs.existsSync(appJsonFile), 'dist/app.json is missing: run npm run build:weapp').toBe(true)
  })

  const app = fs.existsSync(appJsonFile) ? (JSON.parse(fs.readFileSync(appJsonFile, 'utf8')) as AppJson) : { pages: [] }
  const subpackages = app.subPackages ?? app.subpackages ?? []

  it('has every page of app.json, main package and subpackages alike', () => {
    const pages = [...app.pages, ...subpackages.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      for (const ext of ['.js', '.json', '.wxml']) {
        expect(fs.existsSync(path.join(DIST, page + ext)), `${page}${ext}`).toBe(true)
      }
    }
  })

  it('injects only the components a page uses, and preloads checkout from the product and cart pages', () => {
    expect(app.lazyCodeLoading).toBe('requiredComponents')
    for (const page of ['pages/product/index', 'pages/cart/index']) expect(app.preloadRule?.[page]?.packages, page).toContain('package-orders')
    const roots = new Set(subpackages.map((s) => s.root.replace(/\/$/, '')))
    for (const rule of Object.values(app.preloadRule ?? {})) for (const root of rule.packages) expect(roots.has(root), root).toBe(true)
  })

  it('keeps the main package within its 600 KB budget, and every package under WeChat’s 2 MB limit', () => {
    const all = filesUnder(DIST).filter((f) => !f.endsWith('.map'))
    const roots = subpackages.map((s) => path.join(DIST, s.root.replace(/\/$/, '')) + path.sep)
    const main = all.filter((f) => !roots.some((r) => f.startsWith(r)))
    const sizes = [['main package', sizeOf(main)] as const, ...roots.map((r, i) => [subpackages[i].root, sizeOf(all.filter((f) => f.startsWith(r)))] as const)]
    console.log(`weapp package sizes: ${sizes.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`)
    for (const [name, bytes] of sizes) expect(bytes, `${name} is ${kb(bytes)}`).toBeLessThan(LIMIT_BYTES)
    expect(sizes[0][1], `main package is ${kb(sizes[0][1])}`).toBeLessThanOrEqual(MAIN_BUDGET_BYTES)
  })

  it('contains no H5-only code: no persona sign-in, no fetch-based cloud client, no stand-in cashier or confirm sheet', () => {
    const code = filesUnder(DIST)
      .filter((f) => f.endsWith('.js') || f.endsWith('.wxml'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    // The minifier writes non-ASCII text as \uXXXX escapes, so Chinese is looked for in both forms.
    const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    for (const needle of ['X-Everyshop-Persona', '/dev/personas', '/functions/', '开发者登录', escaped('开发者登录'), '/dev/cashier', '/dev/subscribe', '收银台', escaped('收银台'), '/dev/transfer', '模拟微信支付商家转账', escaped('模拟微信支付商家转账')]) {
      expect(code.toLowerCase().includes(needle.toLowerCase()), needle).toBe(false)
    }
  })
})
