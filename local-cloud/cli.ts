import path from 'node:path'
import { parseArgs } from 'node:util'
import { H5_DEV_SERVER_ORIGINS } from '../config/h5-dev-server'
import { startLocalCloud } from './server'

/** `npm run cloud -- --port 39100 --data .data/cloud`: the local cloud alone, until Ctrl-C. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '39100' },
      data: { type: 'string', default: '.data/cloud' },
      functions: { type: 'string' },
      schema: { type: 'string' },
      'no-timers': { type: 'boolean', default: false },
    },
  })
  const cloud = await startLocalCloud({
    port: Number(values.port),
    dataDir: path.resolve(values.data!),
    functionsRoot: values.functions ? path.resolve(values.functions) : undefined,
    schemaFile: values.schema ? path.resolve(values.schema) : undefined,
    timers: !values['no-timers'],
    trustedOrigins: H5_DEV_SERVER_ORIGINS,
  })
  console.log(`local cloud ready at ${cloud.url} (data in ${path.resolve(values.data!)})`)
  console.log(`wx-server-sdk: cloud.init({ env: 'local', serviceUrl: '${cloud.url}/admin', secretId: 'local', secretKey: 'local' })`)
  const stop = async () => {
    await cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
