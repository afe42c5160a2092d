import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const REPO = path.resolve(__dirname, '..')
export const H5_OUTPUT = path.join(REPO, 'dist-h5')
/** Written into the output after a build that succeeded: the hash of what it was built from. */
const STAMP = '.build-inputs'

/** Everything the H5 build reads from the repository: the app's source, the build's configuration, the locked dependencies. */
const INPUTS = ['src', 'config', 'babel.config.js', 'tsconfig.json', 'package.json', 'package-lock.json']

/**
 * A hash of the H5 build's inputs: every input file's path and bytes, the `.env` files Taro reads,
 * and the `TARO_APP_*` variables it puts into the app. Content, not modification times, so a checkout
 * that restores an old file is still seen as a change.
 */
export function h5InputsHash(root = REPO): string {
  const hash = createHash('sha256')
  const files = [...INPUTS, ...fs.readdirSync(root).filter((f) => f.startsWith('.env'))].flatMap((input) => filesUnder(root, input)).sort()
  for (const file of files) {
    hash.update(`${file}\0`)
    hash.update(fs.readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  for (const [name, value] of Object.entries(process.env).filter(([name]) => name.startsWith('TARO_APP_')).sort()) hash.update(`${name}=${value}\0`)
  return hash.digest('hex')
}

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [relative]
  return (fs.readdirSync(full, { recursive: true }) as string[])
    .map((entry) => path.join(relative, entry))
    .filter((entry) => fs.statSync(path.join(root, entry)).isFile())
}

/** Whether `dist-h5` was built from exactly the current inputs. */
export function h5BuildIsCurrent(output = H5_OUTPUT, root = REPO): boolean {
  const stamp = path.join(output, STAMP)
  return fs.existsSync(path.join(output, 'index.html')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === h5InputsHash(root)
}

/** Builds the H5 app unless `dist-h5` is current; says whether it built. */
export function ensureH5Build(): boolean {
  if (h5BuildIsCurrent()) return false
  const inputs = h5InputsHash()
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--no-check'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`the H5 build failed:\n${result.stdout}${result.stderr}`)
  // The hash taken before the build: a source edited while it ran makes the next start build again.
  fs.writeFileSync(path.join(H5_OUTPUT, STAMP), inputs)
  return true
}
