import fs from 'node:fs'
import Papa from 'papaparse'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { paidOrder } from '../support/orders'
import { currentPage, openPhone, signIn, startShop } from './support/shop'

/**
 * HQ's files end to end, as the demo's HQ persona 何静: a roster CSV with one bad row is refused with
 * that row's problem, the fixed file imports; then an orders export is downloaded and read back.
 */
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!

describe('HQ imports the roster from a CSV file and exports orders', () => {
  let shop: Awaited<ReturnType<typeof startShop>>
  let browser: Browser
  let page: Page
  let shot: (name: string) => Promise<string>
  const here = () => currentPage(page)

  /** Clicks the import button and answers the file picker with this CSV. */
  const importCsv = async (name: string, content: string) => {
    const chooser = page.waitForEvent('filechooser')
    await here().locator('.hq-roster__csv-button').click()
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') })
  }

  beforeAll(async () => {
    shop = await startShop()
    ;({ browser, page, shot } = await openPhone('hq-files'))
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  it('refuses a roster file with a bad row, naming the row, and imports it once fixed', async () => {
    await signIn(page, shop.cloud.url, HQ.name)
    await here().locator('.me__hq').click()
    await here().locator('.hq-home__roster').click()
    await here().locator('.hq-roster__csv-button').waitFor()
    await shot('01-roster-csv')

    await importCsv('花名册.csv', '\uFEFF工号,姓名,部门/门店,手机尾号,邀请码\r\nE3001,宋佳,财务部,1111,\r\nE3002,唐宁,西湖店,457,\r\n')
    await expect.poll(() => here().locator('.hq-roster__csv-problem').allInnerTexts()).toEqual(['第 3 行 手机尾号：须为 4 位数字（Excel 会去掉开头的 0，请把该列设为文本）'])
    expect(await here().locator('.hq-roster__csv-refused').innerText()).toBe('有 1 处问题，整个文件未导入，请改正后重新导入')
    expect((await shop.db.collection('roster').where({ employeeNo: 'E3001' }).get()).data).toEqual([])
    await shot('02-roster-csv-refused')

    await importCsv('花名册-改.csv', '\uFEFF工号,姓名,部门/门店,手机尾号,邀请码\r\nE3001,宋佳,财务部,1111,\r\nE3002,唐宁,西湖店,0457,\r\n')
    await expect.poll(() => here().locator('.hq-roster__csv-done').innerText()).toBe('已导入 2 行：新增 2 人，更新 0 人，未变 0 人')
    expect((await shop.db.collection('roster').where({ employeeNo: 'E3002' }).get()).data[0]).toMatchObject({ name: '唐宁', phoneTail: '0457' })
    await shot('03-roster-csv-imported')
  })

  it('exports the last 30 days of orders and the downloaded CSV reads back with its Chinese intact', async () => {
    const { order } = await paidOrder(shop.cloud, LIN.openid, 'p-longjing-mingqian-50g-gift')
    await page.goBack()
    await here().locator('.hq-home__exports').click()
    await here().locator('.hq-exports__submit').waitFor()
    await shot('04-exports')
    await here().locator('.hq-exports__submit').click()
    await here().locator('.hq-exports__download').waitFor()
    expect(await here().locator('.hq-exports__rows').innerText()).toMatch(/^共 \d+ 条，下载链接 24 小时内有效$/)
    await shot('05-export-ready')

    const download = page.waitForEvent('download')
    await here().locator('.hq-exports__download').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^订单_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/)
    const bytes = fs.readFileSync(await file.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data
    expect(records[0][0]).toBe('订单号')
    const row = records.find((r) => r[0] === order.orderNo)!
    expect(row).toBeDefined()
    const cells = Object.fromEntries(records[0].map((title, i) => [title, row[i]]))
    expect(cells).toMatchObject({ 状态: '待发货', '实付(元)': (order.payableFen / 100).toFixed(2) })
    expect(cells['商品']).toMatch(/×1$/)
  })
})
