/**
 * `npm start`: the whole shop on this machine. Bundles the cloud functions, builds the H5 app,
 * starts the local cloud with a persistent data directory (.data/cloud), loads the demo brand on the
 * first run only, serves the app from the same origin, and prints the URL. Ctrl-C stops everything.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { H5_DEV_SERVER_ORIGINS } from '../config/h5-dev-server'
import { demoPersonas } from '../demo/personas'
import { startLocalCloud } from '../local-cloud/server'
import { seedDemo } from './seed-demo'
import { seedDemoCommission } from './seed-demo-commission'

const REPO = path.resolve(__dirname, '..')
const PORT = Number(process.env.PORT ?? 39100)

async function main(): Promise<void> {
  process.env.TENCENTCLOUD = 'true'
  if (!process.argv.includes('--no-build')) buildH5()
  const cloud = await startLocalCloud({
    port: PORT,
    dataDir: path.join(REPO, '.data/cloud'),
    timers: true,
    personas: demoPersonas,
    trustedOrigins: H5_DEV_SERVER_ORIGINS,
    staticRoots: [
      { prefix: '/assets/', dir: path.join(REPO, 'demo/assets') },
      { prefix: '/', dir: path.join(REPO, 'dist-h5') },
    ],
    log: process.argv.includes('--verbose') ? console.log : () => {},
  })
  const sdk = require('wx-server-sdk')
  sdk.init({ env: 'local', serviceUrl: `${cloud.url}/admin`, secretId: 'local', secretKey: 'local' })
  const seeded = await seedDemo(sdk.database())
  // 王芳's commission history goes through the functions themselves, so it comes once the cloud is up.
  if (seeded) await seedDemoCommission(cloud.url)
  console.log(seeded ? 'Loaded the demo brand 云岭茶舍 into a new shop.' : 'Using the existing shop data in .data/cloud.')
  console.log(`\n  Everyshop is running:  ${cloud.url}/\n\n  Choose a persona on 我的 (consumer, employee, HQ admin). Ctrl-C to stop.\n`)
  const stop = async () => {
    await cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function buildH5(): void {
  console.log('Building the H5 app…')
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--no-check'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`the H5 build failed:\n${result.stdout}${result.stderr}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
