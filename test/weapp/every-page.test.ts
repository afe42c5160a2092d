import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { startDemoShop, type DemoShop } from '../support/demo-shop'
import { buyer } from '../support/orders'
import { launchMiniProgram, pagesOf, readAppJson, type MiniProgram } from '../support/weapp/mini-program'

/**
 * Every page of the built app.json — main package and subpackages — opens in the mini program with
 * nothing going wrong: no script error, no refused WeChat API, every cloud call answered ok, no
 * error or spinner left on screen, and something to read. 王芳 opens them: an employee with an open
 * shop, an address and an order, so each page has its real content to show — and 何静, the demo's HQ
 * admin, opens HQ's pages (package-hq), which refuse everyone else. A page that needs a
 * query gets one here; a new page without one opens bare, as a mistyped link would.
 */
const WANG = demoPersonas.find((p) => p.key === 'employee-wang')!
const HQ = demoPersonas.find((p) => p.role === 'hq_admin')!
const LONGJING = 'p-longjing-mingqian'

describe('every page of app.json opens on the weapp build', () => {
  let shop: DemoShop
  let mp: MiniProgram
  let openedBy = ''
  /** The mini program as whoever opens `route` (one runs at a time: switching closes the other). */
  const openerOf = async (route: string) => {
    const openid = route.startsWith('package-hq/') ? HQ.openid : WANG.openid
    if (openid !== openedBy) {
      await mp?.close()
      mp = await launchMiniProgram({ cloud: shop.cloud, openid })
      openedBy = openid
    }
    return mp
  }
  const queries: Record<string, string> = {}

  beforeAll(async () => {
    shop = await startDemoShop()
    const sku = (await shop.db.collection('skus').where({ productId: LONGJING, stock: shop.db.command.gt(0) }).limit(1).get()).data[0]
    const wang = buyer(shop.cloud, WANG.openid)
    const placed = await wang.place([{ skuId: sku._id, quantity: 1 }])
    if (!placed.ok) throw new Error(`placing 王芳's order: ${JSON.stringify(placed)}`)
    const [ownShop] = (await shop.db.collection('shops').where({ ownerOpenid: WANG.openid }).get()).data
    Object.assign(queries, {
      'pages/product/index': `id=${LONGJING}`,
      'pages/shop/index': `id=${ownShop._id}`,
      'pages/search/index': `keyword=${encodeURIComponent('龙井')}`,
      'package-orders/pages/checkout/index': `lines=${encodeURIComponent(`${sku._id}*1`)}`,
      'package-orders/pages/list/index': 'tab=all',
      'package-orders/pages/detail/index': `id=${placed.data._id}`,
      'package-address/pages/edit/index': `id=${await wang.addressId()}`,
      'package-shop/pages/share/index': `productId=${LONGJING}`,
      'package-hq/pages/order/index': `id=${placed.data._id}`,
      'package-hq/pages/product/index': `id=${LONGJING}`,
      'package-hq/pages/stock/index': `id=${LONGJING}`,
    })
    await openerOf('pages/index/index')
  })
  afterEach(() => {
    expect(mp.errors).toEqual([])
  })
  afterAll(async () => {
    await mp?.close()
    await shop?.close()
  })

  const routes = pagesOf(readAppJson())

  it('knows app.json’s main package and subpackages', () => {
    expect(routes).toContain('pages/index/index')
    expect(routes.filter((r) => r.startsWith('package-')).length).toBeGreaterThan(0)
  })

  it.each(routes)('opens %s', async (route) => {
    const opener = await openerOf(route)
    const called = opener.records.cloudCalls.length
    const query = queries[route]
    const page = await opener.open(`/${route}${query ? `?${query}` : ''}`)

    expect(page.route).toBe(route)
    expect(page.title).not.toBe('')
    const refused = opener.records.cloudCalls.slice(called).filter((call) => (call.result as { ok?: boolean } | undefined)?.ok !== true)
    expect(refused).toEqual([])
    expect(page.texts('.status-view__text')).not.toContain('加载中…')
    expect(page.has('.status-view__button', { hasText: '重试' })).toBe(false)
    expect(page.shown).not.toBe('')
  })
})
