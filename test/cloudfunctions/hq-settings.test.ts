import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hqSettingsContract } from '../../src/contracts/hq-settings'
import { HQ, addHqAdmin, addHqMember } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

const MINUTE = 60_000

describe('hq-settings function: HQ sets the shipping rule and the order rules, each change a version for what comes next', () => {
  let t: TestCloud
  const settings = (action: string, payload: unknown = {}, openid = HQ) => callAs(t.cloud, openid, 'hq-settings', action, payload)
  const ONE_100G = [{ skuId: 'tea-100g', quantity: 1 }] // ¥68
  const quote = async (openid: string) => (await buyer(t.cloud, openid).call('order', 'quoteOrder', { lines: ONE_100G })).data.quote
  const storefront = async () => (await callAs(t.cloud, 'o-browsing', 'catalog', 'getStorefront')).data

  beforeAll(async () => {
    t = await startTestCloud()
    await addHqAdmin(t.db)
    await addTestCatalog(t.db, { 'tea-100g': 1000 })
    await t.db.collection('settings').add({ data: { _id: 'storefront', name: '云岭茶舍', slogan: '一盏好茶', logo: '/logo.png' } })
  })
  afterAll(() => t.close())

  describe('the shipping rule', () => {
    it('is 满 ¥99 包邮, else ¥10, until HQ sets it: in quotes, orders and the storefront the app shows', async () => {
      expect(await quote('o-ship-before')).toMatchObject({ goodsFen: 6800, shippingFen: 1000, payableFen: 7800 })
      expect(await storefront()).toEqual({ name: '云岭茶舍', slogan: '一盏好茶', logo: '/logo.png', shipping: { freeOverFen: 9900, feeFen: 1000 } })
    })

    it('HQ changes it: the next quote and order use it, the storefront shows it, and orders placed before keep theirs', async () => {
      const early = buyer(t.cloud, 'o-ship-early')
      const { data: before } = await early.place(ONE_100G)
      expect(before).toMatchObject({ shippingFen: 1000, payableFen: 7800 })

      const changed = await settings('setShippingRules', { rules: { freeOverFen: 5000, feeFen: 1500 } })
      expect(changed).toEqual({ ok: true, data: { version: 2, freeOverFen: 5000, feeFen: 1500 } })
      // ¥68 now clears the threshold.
      expect(await quote('o-ship-after')).toMatchObject({ goodsFen: 6800, shippingFen: 0, payableFen: 6800 })
      const { data: after } = await buyer(t.cloud, 'o-ship-after').place(ONE_100G)
      expect(after).toMatchObject({ shippingFen: 0, payableFen: 6800 })
      expect((await storefront()).shipping).toEqual({ freeOverFen: 5000, feeFen: 1500 })

      await settings('setShippingRules', { rules: { freeOverFen: 19900, feeFen: 1500 } })
      expect(await quote('o-ship-later')).toMatchObject({ shippingFen: 1500, payableFen: 8300 })
      // The order placed first still asks for what it was priced at, and pays it.
      expect(await early.order(before._id)).toMatchObject({ shippingFen: 1000, payableFen: 7800 })
      expect((await t.db.collection('orders').doc(after._id).get()).data).toMatchObject({ shippingFen: 0, payableFen: 6800 })
    })

    it('every version is kept, by number, with who set it; the settings page reads the one in force', async () => {
      const { data: versions } = await t.db.collection('shipping_rules').orderBy('rules.version', 'asc').get()
      expect(versions.map((v: any) => [v._id, v.rules, v.setByOpenid])).toEqual([
        ['1', { version: 1, freeOverFen: 9900, feeFen: 1000 }, null],
        ['2', { version: 2, freeOverFen: 5000, feeFen: 1500 }, HQ],
        ['3', { version: 3, freeOverFen: 19900, feeFen: 1500 }, HQ],
      ])
      expect((await settings('getRules')).data.shipping).toEqual({ version: 3, freeOverFen: 19900, feeFen: 1500 })
    })

    it('refuses negative and absurd amounts, naming the setting, and changes nothing', async () => {
      const refused = await settings('setShippingRules', { rules: { freeOverFen: -100, feeFen: 5_000_000 } })
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(refused.error.details.issues).toEqual([
        { path: 'rules.freeOverFen', message: 'SHIPPING_FREE_OVER_INVALID' },
        { path: 'rules.feeFen', message: 'SHIPPING_FEE_INVALID' },
      ])
      expect((await settings('getRules')).data.shipping.version).toBe(3)
    })

    it('the change is audited with the settings document before and after', async () => {
      const { data } = await t.db.collection('audit_logs').where({ action: 'hq-settings.setShippingRules', ok: true }).orderBy('at', 'asc').get()
      expect(data).toHaveLength(2)
      expect(data[0]).toMatchObject({
        actorOpenid: HQ,
        actorRole: 'hq_admin',
        payload: { rules: { freeOverFen: 5000, feeFen: 1500 } },
        change: { collection: 'settings', id: 'shippingRules', before: null, after: { rules: { version: 2, freeOverFen: 5000, feeFen: 1500 } } },
      })
      expect(data[1].change).toMatchObject({ before: { rules: { version: 2 } }, after: { rules: { version: 3, freeOverFen: 19900 } } })
      const { data: refused } = await t.db.collection('audit_logs').where({ action: 'hq-settings.setShippingRules', ok: false }).get()
      expect(refused).toMatchObject([{ error: 'INVALID_INPUT', payload: { rules: { freeOverFen: -100 } } }])
    })
  })

  describe('the unpaid-order timeout', () => {
    const expiryMinutes = (order: any) => (new Date(order.expiresAt).getTime() - new Date(order.createdAt).getTime()) / MINUTE

    it('applies to orders placed after the change; an order placed before keeps its own expiry', async () => {
      const early = buyer(t.cloud, 'o-timeout-early')
      const { data: before } = await early.place(ONE_100G)
      expect(expiryMinutes(before)).toBe(30)

      expect(await settings('setOrderRules', { rules: { maxUnpaidOrders: 5, unpaidOrderMinutes: 10 } })).toEqual({
        ok: true,
        data: { version: 2, maxUnpaidOrders: 5, unpaidOrderMinutes: 10 },
      })
      const { data: after } = await buyer(t.cloud, 'o-timeout-after').place(ONE_100G)
      expect(expiryMinutes(after)).toBe(10)
      expect(expiryMinutes(await early.order(before._id))).toBe(30)
      // What the buyer's countdown and the expiry job go by is the order's own expiresAt.
      expect((await buyer(t.cloud, 'o-timeout-after').call('order', 'listOrders', {})).data.items[0]).toMatchObject({ expiresAt: after.expiresAt })
    })

    it('refuses a timeout WeChat Pay would not take or that holds stock for days', async () => {
      for (const unpaidOrderMinutes of [4, 1441, 0, 7.5]) {
        const refused = await settings('setOrderRules', { rules: { unpaidOrderMinutes } })
        expect(refused.error.details.issues).toEqual([{ path: 'rules.unpaidOrderMinutes', message: 'ORDER_UNPAID_MINUTES_INVALID' }])
      }
      expect((await settings('getRules')).data.orders).toEqual({ version: 2, maxUnpaidOrders: 5, unpaidOrderMinutes: 10 })
    })
  })

  describe('roles: the full admin sets the rules; every HQ role reads them; every call is audited', () => {
    const CALLERS = [
      { openid: 'o-set-ops', role: 'hq_ops' },
      { openid: 'o-set-finance', role: 'hq_finance' },
      { openid: 'o-set-stranger', role: null },
    ] as const
    const ACTIONS: Array<[action: string, payload: unknown, allowed: string[]]> = [
      ['getRules', {}, ['hq_ops', 'hq_finance']],
      ['setOrderRules', { rules: { maxUnpaidOrders: 3 } }, []],
      ['setShippingRules', { rules: { freeOverFen: 0, feeFen: 0 } }, []],
    ]

    beforeAll(async () => {
      for (const caller of CALLERS) if (caller.role) await addHqMember(t.db, caller.openid, caller.role)
    })

    it('the table covers every action of the contract', () => {
      expect(ACTIONS.map(([action]) => action).sort()).toEqual(Object.keys(hqSettingsContract.actions).sort())
    })

    for (const [action, payload, allowed] of ACTIONS) {
      it(`${action}: the full admin${allowed.length ? `, ${allowed.join(', ')}` : ' only'}`, async () => {
        for (const caller of CALLERS) {
          const answer = await settings(action, payload, caller.openid)
          if (caller.role && allowed.includes(caller.role)) expect(answer).toMatchObject({ ok: true })
          else expect(answer).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
          const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: caller.openid, action: `hq-settings.${action}` }).get()
          expect(audit).toMatchObject([{ actorRole: caller.role, payload, ok: answer.ok }])
        }
      })
    }

    it('a refused change changes nothing', async () => {
      expect((await settings('getRules')).data).toMatchObject({ orders: { version: 2 }, shipping: { version: 3 } })
    })
  })
})
