/**
 * `npm start` as a developer and a first visitor meet it: the time a start takes when nothing changed
 * (the H5 build reused), the time the first visitor waits for the home's first product card right
 * after, and the bytes the H5 home costs cold and warm (chromium, compressed as sent). Asserts nothing.
 *
 *   npx tsx test/perf/start-bench.ts
 */
import { ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { tempDir } from '../support/local-cloud'
import { report } from './figures'

const REPO = path.resolve(__dirname, '../..')
const BENCH = 'start'

/** Runs `npm start` on a free port with its own data; resolves with the URL once it says it is running. */
function start(dataDir: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts/start.ts'), '--data', dataDir], {
    cwd: REPO,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.stdout!.on('data', (chunk) => {
      output += chunk
      const url = output.match(/Everyshop is running:\s+(http:\/\/127\.0\.0\.1:\d+)/)?.[1]
      if (!url) return
      child.stdout!.removeAllListeners('data')
      child.stdout!.resume()
      resolve({ url, child, stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))) })
    })
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)))
  })
}

async function main(): Promise<void> {
  const dataDir = tempDir('bench-start')
  // The first start builds if it has to and loads the demo shop; the measured one finds both done.
  await (await start(dataDir)).stop()
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const started = performance.now()
    const shop = await start(dataDir)
    report(BENCH, 'npm start, nothing changed', (performance.now() - started) / 1000, 's')
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, locale: 'zh-CN' })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      // The app's own files (page, scripts, styles), as sent: not the function calls, not the products' photos.
      const urls = new Map<string, string>()
      let bytes = 0
      cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, new URL(event.response.url).pathname))
      cdp.on('Network.loadingFinished', (event) => {
        const pathname = urls.get(event.requestId) ?? ''
        if (!pathname.startsWith('/functions/') && !pathname.startsWith('/assets/')) bytes += event.encodedDataLength
      })
      const visited = performance.now()
      await page.goto(`${shop.url}/`)
      await page.locator('.product-card').first().waitFor({ timeout: 60_000 })
      report(BENCH, 'first visitor after npm start: first product card', (performance.now() - visited) / 1000, 's')
      await page.waitForLoadState('networkidle')
      report(BENCH, 'H5 home, app bytes per load, cold', bytes / 1024, 'KB')
      bytes = 0
      await page.goto(`${shop.url}/?again`)
      await page.locator('.product-card').first().waitFor({ timeout: 60_000 })
      await page.waitForLoadState('networkidle')
      report(BENCH, 'H5 home, app bytes per load, warm', bytes / 1024, 'KB')
      const html = fs.readFileSync(path.join(REPO, 'dist-h5/index.html'), 'utf8')
      const initial = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].reduce((sum, [, file]) => sum + fs.statSync(path.join(REPO, 'dist-h5', file)).size, 0)
      report(BENCH, 'H5 first scripts (every page), uncompressed', initial / 1024, 'KB')
    } finally {
      await shop.stop()
    }
  } finally {
    await browser.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
