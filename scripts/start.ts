/**
 * `npm start`: the whole shop on this machine. Bundles the cloud functions, builds the H5 app (unless
 * dist-h5 was built from the same inputs), starts the local cloud with a persistent data directory
 * (.data/cloud, or `--data DIR`), loads the demo brand on the first run only, warms the storefront's
 * functions, serves the app from the same origin, and prints the URL. Ctrl-C stops everything.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { H5_DEV_SERVER_ORIGINS } from '../config/h5-dev-server'
import { demoPersonas } from '../demo/personas'
import { startLocalCloud } from '../local-cloud/server'
import { H5_OUTPUT, ensureH5Build } from './h5-build'
import { seedDemo } from './seed-demo'
import { seedDemoCommission } from './seed-demo-commission'

const REPO = path.resolve(__dirname, '..')
const PORT = Number(process.env.PORT ?? 39100)
/** What a shopper's first screens call: one loaded instance of each waits for the first visitor. */
const STOREFRONT_FUNCTIONS = ['catalog', 'shop', 'cart', 'user', 'order', 'address']

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string', default: path.join(REPO, '.data/cloud') }, 'no-build': { type: 'boolean' }, verbose: { type: 'boolean' } },
  })
  process.env.TENCENTCLOUD = 'true'
  const started = Date.now()
  if (!values['no-build']) {
    console.log('Checking the H5 build…')
    console.log(ensureH5Build() ? 'Built the H5 app.' : 'The H5 build is up to date.')
  }
  const cloud = await startLocalCloud({
    port: PORT,
    dataDir: path.resolve(values.data!),
    timers: true,
    personas: demoPersonas,
    trustedOrigins: H5_DEV_SERVER_ORIGINS,
    staticRoots: [
      { prefix: '/assets/', dir: path.join(REPO, 'demo/assets') },
      { prefix: '/', dir: H5_OUTPUT },
    ],
    log: values.verbose ? console.log : () => {},
  })
  const warming = cloud.functions.warm(STOREFRONT_FUNCTIONS)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: 'local', serviceUrl: `${cloud.url}/admin`, secretId: 'local', secretKey: 'local' })
  const seeded = await seedDemo(sdk.database())
  // 王芳's commission history goes through the functions themselves, so it comes once the cloud is up.
  if (seeded) await seedDemoCommission(cloud.url)
  console.log(seeded ? 'Loaded the demo brand 云岭茶舍 into a new shop.' : `Using the existing shop data in ${values.data}.`)
  await warming
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  console.log(`\n  Everyshop is running:  ${cloud.url}/\n\n  Choose a persona on 我的 (consumer, employee, HQ admin). Ctrl-C to stop.\n`)
  const stop = async () => {
    await cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
