import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles each `cloudfunctions/<name>/index.ts` (and the shared code it imports) into the deployable
 * `cloudfunctions/<name>/index.js`, leaving `wx-server-sdk` external as the cloud runtime installs it
 * from the function's package.json. The output is what WeChat DevTools uploads.
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
        external: ['wx-server-sdk'],
        sourcemap: 'inline',
        logLevel: 'warning',
        legalComments: 'none',
      }),
    ),
  )
  return names
}
