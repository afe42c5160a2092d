import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openShop } from '../../src/core/shop'
import { readShareCode } from '../../src/core/share-code'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

/**
 * Shares, visits, bindings and whose each order is, through the referral and order functions. Shops
 * and employees are written straight into the database here; opening them is the shop function's
 * test.
 */
describe('referral function', () => {
  let t: TestCloud
  const at = new Date('2026-11-01T00:00:00Z')

  async function employeeWithShop(employeeNo: string, name: string, shopId: string) {
    const openid = `o-emp-${employeeNo}`
    await t.db.collection('roster').add({
      data: { _id: employeeNo, employeeNo, name, department: '西湖店', phoneTail: '8000', inviteCode: null, active: true, verifiedOpenid: openid, verifiedAt: at, shopId, importedAt: at, updatedAt: at, deactivatedAt: null },
    })
    await t.db.collection('users').add({ data: { _id: openid, openid, nickname: name, role: 'employee', employeeNo, createdAt: at } })
    const { _id, ...shop } = openShop({
      _id: shopId,
      ownerOpenid: openid,
      employeeNo,
      profile: { name: `${name}的小店`, avatar: '', intro: '' },
      picks: { mode: 'all' },
      opening: { reviewRequired: false },
      at,
    })
    await t.db.collection('shops').add({ data: { _id, ...shop } })
    return { openid, shopId, call: (action: string, payload: unknown = {}) => callAs(t.cloud, openid, 'referral', action, payload) }
  }

  let wang: Awaited<ReturnType<typeof employeeWithShop>>
  let li: Awaited<ReturnType<typeof employeeWithShop>>

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, pay: { retryDelaysMs: [300], refundDelayMs: 200 } })
    await addTestCatalog(t.db)
    wang = await employeeWithShop('E001', '王芳', 'shop-wang')
    li = await employeeWithShop('E002', '李明', 'shop-li')
  })
  afterAll(() => t.close())

  const visit = (openid: string, shareCode: string, channel = 'chat') => callAs(t.cloud, openid, 'referral', 'recordVisit', { shareCode, channel })

  it('a share is made once per shop, product, sharer and channel, and only an employee with a shop makes one', async () => {
    const first = await wang.call('createShare', { productId: 'p-tea', channel: 'chat' })
    expect(first).toMatchObject({ ok: true, data: { path: expect.stringMatching(/^\/pages\/product\/index\?id=p-tea&sc=/) } })
    const again = await Promise.all([0, 1, 2].map(() => wang.call('createShare', { productId: 'p-tea', channel: 'chat' })))
    expect(new Set(again.map((a) => a.data.shareCode))).toEqual(new Set([first.data.shareCode]))
    expect((await wang.call('createShare', { productId: 'p-tea', channel: 'moments' })).data.shareCode).not.toBe(first.data.shareCode)
    expect(await wang.call('createShare', { productId: 'p-old', channel: 'chat' })).toMatchObject({ ok: false, error: { code: 'CATALOG_PRODUCT_NOT_FOUND' } })
    expect(await callAs(t.cloud, 'o-just-a-customer', 'referral', 'createShare', { channel: 'chat' })).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_REQUIRED' } })
  })

  it('a customer arriving through two shops’ links at the same instant ends bound to exactly one', async () => {
    const [a, b] = await Promise.all([wang.call('createShare', { channel: 'chat' }), li.call('createShare', { channel: 'chat' })])
    const outcomes = await Promise.all([visit('o-both', a.data.shareCode), visit('o-both', b.data.shareCode)])
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(outcomes.filter((o) => o.data.bound)).toHaveLength(1)
    const { data: history } = await t.db.collection('binding_history').where({ customerOpenid: 'o-both' }).get()
    expect(history.map((h: any) => h.kind)).toEqual(['bind'])
    const mine = await callAs(t.cloud, 'o-both', 'referral', 'getMyBinding', {})
    expect([wang.shopId, li.shopId]).toContain(mine.data.shop._id)
    expect(mine.data.shop).not.toHaveProperty('ownerOpenid')
  })

  it('an order from the shop page is the shop’s, keeps its snapshot after the customer is rebound, and a paid order extends the binding', async () => {
    const share = await wang.call('createShare', { productId: 'p-tea', channel: 'moments' })
    const zhou = buyer(t.cloud, 'o-zhou')
    expect((await visit('o-zhou', share.data.shareCode, 'moments')).data).toMatchObject({ bound: true, productId: 'p-tea', shop: { _id: 'shop-wang', ownerName: '王芳' } })
    const placed = await zhou.place([{ skuId: 'tea-100g', quantity: 1 }], { fromShop: { shopId: 'shop-wang', shareCode: share.data.shareCode } })
    expect(placed.data.attribution).toEqual({ shopId: 'shop-wang', shopName: '王芳的小店', ownerName: '王芳' })
    // WeChat reports the payment time to the second: a payment in the visit's own second would not
    // lengthen the window, so the visit is made a minute old.
    const { data: bound } = await t.db.collection('bindings').doc('o-zhou').get()
    const aMinuteEarlier = (d: Date) => new Date(new Date(d).getTime() - 60_000)
    await t.db.collection('bindings').doc('o-zhou').update({ data: { boundAt: aMinuteEarlier(bound.boundAt), expiresAt: aMinuteEarlier(bound.expiresAt) } })
    await zhou.pay(placed.data._id)
    await eventually(() => zhou.order(placed.data._id), (o) => o.status === 'paid')
    const { data: history } = await t.db.collection('binding_history').where({ customerOpenid: 'o-zhou' }).get()
    expect(history.map((h: any) => [h.kind, h.reason])).toEqual([['bind', 'first_share'], ['extend', 'paid_order']])

    // The window runs out; 李明's share then rebinds 周建国. The order stays 王芳's.
    await t.db.collection('bindings').doc('o-zhou').update({ data: { expiresAt: new Date(Date.now() - 1000) } })
    const liShare = await li.call('createShare', { channel: 'poster' })
    expect((await visit('o-zhou', liShare.data.shareCode, 'poster')).data.bound).toBe(true)
    const { data: order } = await t.db.collection('orders').doc(placed.data._id).get()
    expect(order.attribution).toMatchObject({ shopId: 'shop-wang', reason: 'shop_page', shareCode: share.data.shareCode, channel: 'moments', ruleVersion: 1 })

    // 王芳 sees the order with why it is hers: share → visit → bind → order.
    const { data: orders } = await wang.call('listShopOrders', { page: 0, pageSize: 10 })
    const mine = orders.items.find((o: any) => o.orderNo === placed.data.orderNo)
    expect(mine.chain).toMatchObject({
      share: { shareCode: share.data.shareCode, channel: 'moments', productTitle: '西湖龙井' },
      visit: { channel: 'moments' },
      binding: { kind: 'bind', reason: 'first_share' },
      attribution: { reason: 'shop_page', shopId: 'shop-wang' },
    })
    expect(mine.buyer).toBe('林**')
  })

  it('the owner sees the month’s funnel, sales and customers (masked); the leaderboard ranks shops by paid sales', async () => {
    const share = await li.call('createShare', { productId: 'p-tea', channel: 'chat' })
    const chen = buyer(t.cloud, 'o-chen')
    await visit('o-chen', share.data.shareCode)
    const placed = await chen.place([{ skuId: 'tea-250g', quantity: 2 }])
    expect(placed.data.attribution).toMatchObject({ shopId: 'shop-li' })
    await chen.pay(placed.data._id)
    await eventually(() => chen.order(placed.data._id), (o) => o.status === 'paid')

    // A link asked for is not a share; using it is.
    expect((await li.call('getShopStats', {})).data.funnel.shares).toBe(0)
    await callAs(t.cloud, 'o-passer-on', 'referral', 'recordShare', { shareCode: share.data.shareCode })
    const stats = (await li.call('getShopStats', {})).data
    expect(stats.funnel.shares).toBe(1)
    expect(stats.funnel.binds).toBeGreaterThanOrEqual(1)
    expect(stats.funnel.visits.chat).toBeGreaterThanOrEqual(1)
    expect(stats.funnel.orders).toBe(1)
    expect(stats.salesFen).toBe(31600)
    const customers = (await li.call('listShopCustomers', { page: 0, pageSize: 20 })).data.items
    expect(customers.find((c: any) => c.orders === 1)).toMatchObject({ maskedName: '林**', maskedPhone: '138****8000', channel: 'chat' })

    const board = (await callAs(t.cloud, 'o-anyone', 'referral', 'getLeaderboard', {})).data
    expect(board[0]).toMatchObject({ rank: 1, shop: { _id: 'shop-li', name: '李明的小店', ownerName: '李明' }, salesFen: 31600, orders: 1 })
    expect(board[0].shop).not.toHaveProperty('ownerOpenid')
  })

  it('a poster’s 小程序码 is made once, kept in cloud storage, and decodes to the share code', async () => {
    const share = await wang.call('createShare', { productId: 'p-tea', channel: 'poster' })
    const first = await wang.call('getPosterCode', { shareCode: share.data.shareCode })
    expect(first.data.fileID).toMatch(/^cloud:\/\/.+\/posters\/.+\.png$/)
    const again = await wang.call('getPosterCode', { shareCode: share.data.shareCode })
    expect(again.data.fileID).toBe(first.data.fileID)
    expect(t.cloud.openapi.calls().filter((c: any) => c.params?.scene === share.data.shareCode || c.scene === share.data.shareCode)).toHaveLength(1)
    const png = PNG.sync.read(Buffer.from(await (await fetch(new URL(first.data.url, t.cloud.url))).arrayBuffer()))
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data
    const scene = new URL(decoded).searchParams.get('scene')
    expect(readShareCode(scene)).toBe(share.data.shareCode)
    expect(await wang.call('getPosterCode', { shareCode: 'zzzzzzzzzz' })).toMatchObject({ ok: false })
  })
})
