import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { declaredDependencies, listFunctions } from '../../local-cloud/functions/build'
import { DEFAULT_FUNCTIONS } from '../../local-cloud/server'

/** What CloudBase runs per function: a small deployable file, and only what its package.json has the cloud install. */
const BUDGET_BYTES = 150 * 1024
const ROOT_PACKAGE = JSON.parse(fs.readFileSync(path.join(DEFAULT_FUNCTIONS, '..', 'package.json'), 'utf8'))
const rootVersions: Record<string, string> = { ...ROOT_PACKAGE.dependencies, ...ROOT_PACKAGE.devDependencies }

describe('deployable function bundles (built by the global setup)', () => {
  const names = listFunctions(DEFAULT_FUNCTIONS)
  const sizes = names.map((name) => [name, fs.statSync(path.join(DEFAULT_FUNCTIONS, name, 'index.js')).size] as const)

  it(`each index.js is within ${BUDGET_BYTES / 1024} KB, its source map beside it, not inside`, () => {
    console.log(`function bundles: ${sizes.map(([n, s]) => `${n} ${(s / 1024).toFixed(1)} KB`).join(', ')}`)
    for (const [name, size] of sizes) {
      expect(size, name).toBeLessThanOrEqual(BUDGET_BYTES)
      const code = fs.readFileSync(path.join(DEFAULT_FUNCTIONS, name, 'index.js'), 'utf8')
      expect(code, name).not.toContain('sourceMappingURL=data:')
      expect(fs.existsSync(path.join(DEFAULT_FUNCTIONS, name, 'index.js.map')), name).toBe(true)
    }
  })

  it('a bundle requires only node’s own modules and the packages its package.json has the cloud install, at the versions the repository tests', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
    for (const name of names) {
      const declared = declaredDependencies(path.join(DEFAULT_FUNCTIONS, name))
      const pkg = JSON.parse(fs.readFileSync(path.join(DEFAULT_FUNCTIONS, name, 'package.json'), 'utf8'))
      expect(declared, name).toContain('wx-server-sdk')
      // The same range the repository installs and tests (wx-server-sdk is pinned there, ~ in the cloud).
      for (const dep of declared.filter((d) => d !== 'wx-server-sdk')) expect(pkg.dependencies[dep], `${name}: ${dep}`).toBe(rootVersions[dep])
      const code = fs.readFileSync(path.join(DEFAULT_FUNCTIONS, name, 'index.js'), 'utf8')
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
      for (const module of required) {
        const pkgName = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0]
        expect(builtins.has(module) || declared.includes(pkgName), `${name} requires ${module}`).toBe(true)
      }
    }
  })
})
