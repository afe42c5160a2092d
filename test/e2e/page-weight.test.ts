import fs from 'node:fs'
import path from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { H5_OUTPUT } from '../../scripts/h5-build'
import { currentPage, openPhone, startShop } from './support/shop'

/**
 * What opening the home costs in bytes, as chromium receives them (compressed, headers included):
 * the app itself (its page, scripts and styles) at most 250 KB on a first visit, and next to nothing
 * on the next one, images included (the content-hashed files come from the browser's cache,
 * index.html and the images are revalidated). The products' photos are the shop's content, not the app.
 */
describe('the weight of the H5 home', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let cdp: CDPSession
  const received = new Map<string, { url: string; bytes: number }>()

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page } = await openPhone('page-weight'))
    cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    cdp.on('Network.responseReceived', (event) => received.set(event.requestId, { url: event.response.url, bytes: 0 }))
    cdp.on('Network.loadingFinished', (event) => {
      const response = received.get(event.requestId)
      if (response) response.bytes = event.encodedDataLength
    })
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  /** Loads the home until its products show and the network is quiet; the KB it received of the app's files and of images (function calls aside). */
  async function kbOfALoad(): Promise<{ app: number; images: number }> {
    received.clear()
    await page.goto(`${shop.cloud.url}/?load=${Date.now()}`)
    await currentPage(page).locator('.product-card').first().waitFor()
    await page.waitForLoadState('networkidle')
    const kb = (keep: (pathname: string) => boolean) =>
      [...received.values()].filter((r) => keep(new URL(r.url).pathname)).reduce((sum, r) => sum + r.bytes, 0) / 1024
    return { app: kb((p) => !p.startsWith('/functions/') && !p.startsWith('/assets/')), images: kb((p) => p.startsWith('/assets/')) }
  }

  it("costs at most 250 KB of the app's files cold, and under 10 KB of files warm", async () => {
    const cold = await kbOfALoad()
    const warm = await kbOfALoad()
    console.log(`H5 home: app ${cold.app.toFixed(0)} KB and images ${cold.images.toFixed(0)} KB cold; ${(warm.app + warm.images).toFixed(1)} KB warm`)
    expect(cold.app).toBeLessThanOrEqual(250)
    expect(warm.app + warm.images).toBeLessThan(10)
  })

  it("leaves the product gallery's swiper library out of the scripts every page loads first", () => {
    const html = fs.readFileSync(path.join(H5_OUTPUT, 'index.html'), 'utf8')
    const first = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map(([, file]) => fs.readFileSync(path.join(H5_OUTPUT, file), 'utf8'))
    expect(first.length).toBeGreaterThan(0)
    // A parameter name only the swiper library has.
    expect(first.filter((script) => script.includes('slidesPerGroupSkip'))).toEqual([])
  })
})
