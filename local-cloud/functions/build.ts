import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles each `cloudfunctions/<name>/index.ts` (and the shared code it imports) into the deployable
 * `cloudfunctions/<name>/index.js`, minified, with its source map beside it (`index.js.map`, turned on
 * at start so logged stack traces name the TypeScript lines). What the function's package.json lists
 * (wx-server-sdk, and the payout's WeChat Pay client) stays external: the cloud installs those from it
 * when the function is deployed, and locally they resolve from the repository's node_modules.
 */
export function listFunctions(root: string): string[] {
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'index.ts')))
    .sort()
}

export async function buildFunctions(root: string, only?: string[]): Promise<string[]> {
  const names = listFunctions(root).filter((n) => !only || only.includes(n))
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [path.join(root, name, 'index.ts')],
        outfile: path.join(root, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: declaredDependencies(path.join(root, name)),
        minify: true,
        sourcemap: 'external',
        banner: { js: 'process.setSourceMapsEnabled&&process.setSourceMapsEnabled(true);' },
        logLevel: 'warning',
        legalComments: 'none',
        // Chinese text as UTF-8 (3 bytes a character) rather than \u escapes (6): Node reads sources as UTF-8.
        charset: 'utf8',
      }),
    ),
  )
  return names
}

/** The packages a function's package.json lists: installed by the cloud, so never bundled. */
export function declaredDependencies(dir: string): string[] {
  const file = path.join(dir, 'package.json')
  if (!fs.existsSync(file)) return ['wx-server-sdk']
  return Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {})
}
