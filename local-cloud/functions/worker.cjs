'use strict'
// One warm instance of a cloud function, as the real runtime keeps one: it loads the function's
// index.js once and serves one invocation at a time. The caller's identity reaches
// `cloud.getWXContext()` through the environment, exactly as in the cloud.
const IDENTITY_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'TCB_SOURCE']
let entry

process.on('message', async (message) => {
  if (message.type === 'load') {
    try {
      entry = require(message.file)
      process.send({ type: 'loaded' })
    } catch (error) {
      process.send({ type: 'loaded', error: error && error.stack ? String(error.stack) : String(error) })
    }
    return
  }
  if (message.type !== 'invoke') return
  const { id, file, event, identity, context } = message
  for (const key of IDENTITY_KEYS) {
    if (identity[key] === undefined) delete process.env[key]
    else process.env[key] = String(identity[key])
  }
  try {
    if (!entry) entry = require(file)
    if (typeof entry.main !== 'function') throw new Error(`${file} does not export main`)
    const result = await entry.main(event, context)
    process.send({ type: 'result', id, result: result === undefined ? null : result })
  } catch (error) {
    const text = error && error.stack ? String(error.stack) : String(error)
    process.send({ type: 'error', id, message: text })
  }
})

// Errors the function lets escape its promise chain crash the instance in the cloud as well.
process.on('unhandledRejection', (error) => {
  console.error('unhandled rejection in cloud function:', error)
  process.exit(1)
})
