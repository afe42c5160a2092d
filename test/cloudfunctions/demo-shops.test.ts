import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas, demoRoster, demoShops } from '../../demo/personas'
import { seedDemo } from '../../scripts/seed-demo'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'

/** The demo brand as `npm start` loads it: the personas' stories hold through the real functions. */
describe('demo shops', () => {
  let t: TestCloud
  const openidOf = (key: string) => demoPersonas.find((p) => p.key === key)!.openid

  beforeAll(async () => {
    t = await startTestCloud()
    expect(await seedDemo(t.db)).toBe(true)
  })
  afterAll(() => t.close())

  it('the employee personas are verified employees; 王芳’s shop is open with her picks in her order', async () => {
    for (const persona of demoPersonas.filter((p) => p.role === 'employee')) {
      expect(await callAs(t.cloud, persona.openid, 'user', 'getProfile', {})).toMatchObject({ ok: true, data: { role: 'employee', employeeNo: persona.employeeNo } })
    }
    const { data: mine } = await callAs(t.cloud, openidOf('employee-wang'), 'shop', 'getMyShop', {})
    expect(mine.shop).toMatchObject({ _id: 'shop-wangfang', status: 'active', name: '芳姐的龙井小铺' })
    const { data: home } = await callAs(t.cloud, openidOf('consumer-lin'), 'shop', 'listShopProducts', { shopId: 'shop-wangfang' })
    const wang = demoShops.find((s) => s._id === 'shop-wangfang')!
    expect(home.items.map((p: any) => p._id)).toEqual(wang.picks.mode === 'products' ? wang.picks.productIds : [])
    expect((await callAs(t.cloud, openidOf('employee-zhao'), 'shop', 'getMyShop', {})).data.shop).toBeNull()
  })

  it('周建国 is bound to 王芳’s shop through her share, and the history says so', async () => {
    const { data: binding } = await t.db.collection('bindings').doc(openidOf('consumer-zhou')).get()
    expect(binding).toMatchObject({ shopId: 'shop-wangfang', status: 'active', source: { kind: 'share', channel: 'chat' } })
    const { data: share } = await t.db.collection('shares').doc(binding.source.shareCode).get()
    expect(share).toMatchObject({ shopId: 'shop-wangfang', productId: 'p-longjing-mingqian', sharerOpenid: openidOf('employee-wang') })
    const { data: history } = await t.db.collection('binding_history').where({ customerOpenid: openidOf('consumer-zhou') }).get()
    expect(history).toMatchObject([{ kind: 'bind', reason: 'first_share', shopId: 'shop-wangfang' }])
  })

  it('a colleague on the roster who has not signed up verifies with the phone tail HQ has on file', async () => {
    const unverified = demoRoster.find((e) => !demoPersonas.some((p) => p.employeeNo === e.employeeNo))!
    const answer = await callAs(t.cloud, openidOf('consumer-lin'), 'shop', 'verifyEmployee', { employeeNo: unverified.employeeNo, code: unverified.phoneTail })
    expect(answer).toEqual({ ok: true, data: { nickname: '林小雨', role: 'employee', employeeNo: unverified.employeeNo } })
  })
})
