import fs from 'node:fs'
import path from 'node:path'
import { Browser, Page, chromium } from 'playwright-core'
import type { DemoPersona } from '../../../demo/personas'
import { HEADLESS_ARGS, browserExecutable } from '../../../scripts/browser'
import { startDemoShop, type DemoShop } from '../../support/demo-shop'

const REPO = path.resolve(__dirname, '../../..')
const H5 = path.join(REPO, 'dist-h5')
export const ARTIFACTS = path.join(REPO, 'test-artifacts')

/**
 * 吴昊 of 市场部: on HQ's roster but never verified, and no demo persona (the demo keeps him for the
 * verify flow), so the e2e journeys of 全员开店 bring him to the sign-in.
 */
export const NEWCOMER: DemoPersona = {
  key: 'newcomer-wu',
  openid: 'o-e2e-newcomer-wu',
  name: '吴昊',
  role: 'consumer',
  description: '市场部新同事，在总部花名册上，还没有做员工认证',
}

/** Chooses `name` on 我的's development sign-in: the phone is that persona from then on. */
export async function signIn(page: Page, cloudUrl: string, name: string): Promise<void> {
  await page.goto(`${cloudUrl}/#/pages/me/index`)
  await currentPage(page).locator('.dev-sign-in__persona', { hasText: name }).click()
  await currentPage(page).locator('.dev-sign-in__persona--chosen', { hasText: name }).waitFor()
}

/** Opens a page by its path as WeChat would launch it: a fresh load, so the app's show reads the query. */
export async function launch(page: Page, cloudUrl: string, path: string): Promise<void> {
  await page.goto(`${cloudUrl}/#${path}`)
  await page.reload()
}

/** The demo shop serving the H5 build and the demo's images, as `npm start` does. */
export async function startShop(extraPersonas: DemoPersona[] = []): Promise<DemoShop> {
  if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist-h5 is missing: run npm run build:h5 (npm test builds it)')
  return startDemoShop({
    extraPersonas,
    staticRoots: [
      { prefix: '/assets/', dir: path.join(REPO, 'demo/assets') },
      { prefix: '/', dir: H5 },
    ],
  })
}

/**
 * Chromium (as scripts/browser.ts finds it), headless, phone-sized; `shot` saves a screenshot under test-artifacts/<suite>/.
 * Given a browser, a second phone in it: its own storage and persona, as another person's phone.
 */
export async function openPhone(suite: string, shared?: Browser): Promise<{ browser: Browser; page: Page; shot(name: string): Promise<string> }> {
  const browser = shared ?? await chromium.launch({ executablePath: browserExecutable(), args: HEADLESS_ARGS })
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  const dir = path.join(ARTIFACTS, suite)
  fs.mkdirSync(dir, { recursive: true })
  return {
    browser,
    page,
    async shot(name: string) {
      await settled(page)
      const file = path.join(dir, `${name}.png`)
      await page.screenshot({ path: file })
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('\n')}`)
      return file
    },
  }
}

/** Waits until Taro's page transition is over and every image in view has loaded. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().length === 0)
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.taro_page_stationed img')).every((img) => img.complete),
  )
}

/** The page Taro is showing now (several stay in the DOM during and after navigation). */
export const currentPage = (page: Page) => page.locator('.taro_page.taro_page_stationed').last()
