import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { startCloudProcess } from '../support/cloud-process'
import { tempDir } from '../support/local-cloud'

describe('npm run cloud', () => {
  it('starts alone, and a script using only wx-server-sdk can add, query, update, aggregate, transact and call a function', async () => {
    const cloud = await startCloudProcess(tempDir('cli'))
    try {
      expect((await fetch(`${cloud.url}/healthz`)).status).toBe(200)
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, '../fixtures/sdk-script.cjs'), cloud.url], {
        cwd: path.resolve(__dirname, '../..'),
      })
      expect(JSON.parse(stdout)).toEqual({
        queried: [
          ['s1', 3],
          ['s2', 5],
        ],
        aggregated: [{ _id: null, total: 8 }],
        inTransaction: 30,
        // A script is not the mini program: the function runs and refuses, as designed.
        functionAnswered: { ok: false, error: { code: 'FORBIDDEN_SOURCE' } },
      })
    } finally {
      await cloud.stop()
    }
  })
})
