/**
 * `npm run upload:weapp [-- --version 1.2.0 --desc "…"]`: uploads the weapp build (dist/) as a
 * development version with WeChat's miniprogram-ci, ready to be set as the trial version or submitted
 * for review in the mini program admin. The AppID is project.config.json's; the upload key (小程序代码
 * 上传密钥, downloaded from the admin with this machine's IP on its allowlist) is named by
 * WEAPP_UPLOAD_KEY_PATH.
 *
 * miniprogram-ci runs through npx at a pinned version rather than from package.json: it brings its
 * own Babel and compilers, which would re-hoist the Taro build's Babel packages in the lockfile.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

export const MINIPROGRAM_CI = 'miniprogram-ci@2.1.42'
export const KEY_VARIABLE = 'WEAPP_UPLOAD_KEY_PATH'
const REPO = path.resolve(__dirname, '..')
/** The upload key names the CI robot (1–30) that uploads; each robot's uploads are listed apart. */
const ROBOT = '1'

/** What is missing for an upload, in words an operator acts on; empty when all is there. */
export function missingForUpload(repo: string, env: Record<string, string | undefined>): string[] {
  const missing: string[] = []
  const appid = (JSON.parse(fs.readFileSync(path.join(repo, 'project.config.json'), 'utf8')) as { appid?: string }).appid
  if (!appid || appid === 'touristappid') missing.push(`your AppID in project.config.json (appid is ${appid ?? 'unset'})`)
  const key = env[KEY_VARIABLE]
  if (!key) missing.push(`${KEY_VARIABLE} (the path of the code upload key) in the environment`)
  else if (!fs.existsSync(key)) missing.push(`the key file ${KEY_VARIABLE} names (${key})`)
  if (!fs.existsSync(path.join(repo, 'dist', 'app.json'))) missing.push('the weapp build in dist/ (npm run build:weapp)')
  return missing
}

function main(): number {
  const { values } = parseArgs({ options: { version: { type: 'string' }, desc: { type: 'string' } } })
  const missing = missingForUpload(REPO, process.env)
  if (missing.length > 0) {
    console.error(`upload:weapp: missing ${missing.join('; ')}`)
    return 1
  }
  const { appid } = JSON.parse(fs.readFileSync(path.join(REPO, 'project.config.json'), 'utf8')) as { appid: string }
  const version = values.version ?? (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version
  const head = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: REPO, encoding: 'utf8' }).stdout.trim()
  const desc = values.desc ?? (head || `everyshop ${version}`)
  const upload = spawnSync(
    'npx',
    ['--yes', MINIPROGRAM_CI, 'upload', '--pp', path.join(REPO, 'dist'), '--pkp', process.env[KEY_VARIABLE] as string, '--appid', appid, '--uv', version, '--ud', desc, '-r', ROBOT],
    { cwd: REPO, stdio: 'inherit' },
  )
  if (upload.status === 0) console.log(`uploaded version ${version} of ${appid} (robot ${ROBOT}): set it as the trial version or submit it for review in the mini program admin`)
  return upload.status ?? 1
}

if (require.main === module) process.exit(main())
