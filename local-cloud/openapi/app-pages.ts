import { buildSync } from 'esbuild'

interface AppConfig {
  pages?: string[]
  subPackages?: Array<{ root: string; pages?: string[] }>
  subpackages?: Array<{ root: string; pages?: string[] }>
}

/**
 * The pages of the mini program as its `app.config.ts` declares them, main package first (so the
 * first one is the home page) and subpackage pages as `<root>/<page>`: the pages WeChat knows once
 * the app is published. The file is bundled and evaluated rather than pattern-matched, so any valid
 * config reads right, imports included; Taro's `defineAppConfig` only returns its argument.
 */
export function readAppPages(configFile: string): string[] {
  const { outputFiles } = buildSync({ entryPoints: [configFile], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' })
  const code = outputFiles[0].text
  const module = { exports: {} as { default?: AppConfig } }
  new Function('module', 'exports', 'defineAppConfig', code)(module, module.exports, (config: AppConfig) => config)
  const config = module.exports.default ?? {}
  const packages = config.subPackages ?? config.subpackages ?? []
  return [
    ...(config.pages ?? []),
    ...packages.flatMap(({ root, pages = [] }) => pages.map((page) => `${root.replace(/\/+$/, '')}/${page}`)),
  ]
}
