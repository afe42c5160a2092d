import { DEFAULT_ATTRIBUTION_RULES, decideBinding } from '../../src/core/attribution'
import { totalsAfter, type LineEntry } from '../../src/core/commission'
import type { HqRole } from '../../src/core/hq'
import { addDays } from '../../src/core/time'
import type { LocalCloud } from '../../local-cloud/server'
import { callAs } from './local-cloud'
import { addTestProduct } from './shop-fixtures'

/** HQ's admin in the tests of the shop and HQ functions. */
export const HQ = 'o-hq'

/** Puts someone on HQ's staff as setAdmin would (the full-admin count kept with it); the full admin `HQ` unless told. */
export async function addHqMember(db: any, openid = HQ, role: HqRole = 'hq_admin'): Promise<void> {
  const now = new Date()
  await db.collection('hq_admins').add({ data: { _id: openid, openid, role, name: '何静', employeeNo: null, addedByOpenid: null, addedAt: now, updatedAt: now } })
  if (role !== 'hq_admin') return
  const { data: counter } = await db.collection('settings').where({ _id: 'hqAdmins' }).get()
  await db.collection('settings').doc('hqAdmins').set({ data: { fullAdmins: (counter[0]?.fullAdmins ?? 0) + 1, updatedAt: now } })
}

export const addHqAdmin = (db: any) => addHqMember(db)

export const hq = (cloud: LocalCloud, action: string, payload?: unknown) => callAs(cloud, HQ, 'hq', action, payload)
export const hqOrders = (cloud: LocalCloud, action: string, payload?: unknown) => callAs(cloud, HQ, 'hq-orders', action, payload)

/** Puts an employee on HQ's roster (phone tail 1234 unless told), verifies them as `openid` and opens their shop. */
export async function employeeWithShop(cloud: LocalCloud, employeeNo: string, openid: string, name: string, picks?: unknown) {
  await hq(cloud, 'importRoster', { rows: [{ employeeNo, name, department: '西湖旗舰店', phoneTail: '1234' }] })
  const verified = await callAs(cloud, openid, 'shop', 'verifyEmployee', { employeeNo, code: '1234' })
  if (!verified.ok) throw new Error(`verifying ${employeeNo}: ${JSON.stringify(verified)}`)
  const opened = await callAs(cloud, openid, 'shop', 'openShop', { profile: { name: `${name}的小店` }, ...(picks ? { picks } : {}) })
  if (!opened.ok) throw new Error(`opening ${employeeNo}'s shop: ${JSON.stringify(opened)}`)
  return opened.data as { _id: string; ownerOpenid: string }
}

/**
 * Binds a customer to a shop as a share visit would (the referral function's job, done here by the
 * core's rule so these tests stand alone). `boundDaysAgo` 20 makes a binding whose window has run out
 * but that no one has recorded as expired yet.
 */
export async function bindCustomer(db: any, customerOpenid: string, shop: { _id: string; ownerOpenid: string }, boundDaysAgo = 1) {
  const decision = decideBinding(
    null,
    {
      visitorOpenid: customerOpenid,
      visitorIsEmployee: false,
      shop: { ...shop, status: 'active' },
      sharerOpenid: shop.ownerOpenid,
      shareCode: 'abcdefghij',
      channel: 'chat',
      at: addDays(new Date(), -boundDaysAgo),
    },
    DEFAULT_ATTRIBUTION_RULES,
  )
  await db.collection('bindings').add({ data: decision.binding })
  for (const entry of decision.history) await db.collection('binding_history').add({ data: entry })
}

/** Products for shop homes: two categories, HQ's order by sortOrder, one product off the shelf. */
export const SHOP_PRODUCTS = [
  { _id: 'p-longjing', title: '明前龙井', categoryId: 'cat-green', sortOrder: 10, onShelf: true },
  { _id: 'p-maofeng', title: '黄山毛峰', categoryId: 'cat-green', sortOrder: 20, onShelf: true },
  { _id: 'p-biluo', title: '碧螺春', categoryId: 'cat-green', sortOrder: 30, onShelf: false },
  { _id: 'p-keemun', title: '祁门红茶', categoryId: 'cat-black', sortOrder: 5, onShelf: true },
  { _id: 'p-dianhong', title: '滇红金芽', categoryId: 'cat-black', sortOrder: 15, onShelf: true },
  { _id: 'p-jinjunmei', title: '金骏眉红茶', categoryId: 'cat-black', sortOrder: 25, onShelf: true },
]

export async function addShopCatalog(db: any): Promise<void> {
  for (const category of [
    { _id: 'cat-green', name: '绿茶', icon: '', sortOrder: 10 },
    { _id: 'cat-black', name: '红茶', icon: '', sortOrder: 20 },
  ]) {
    await db.collection('categories').add({ data: category })
  }
  for (const p of SHOP_PRODUCTS) await addTestProduct(db, { ...p, specDimensions: [], minPriceFen: 6800, maxPriceFen: 6800 })
}

/** `availableFen` of released commission on a shop's account, from one order, booked as the settlement job would have. */
export async function bookAvailableCommission(db: any, shopId: string, orderId: string, availableFen: number): Promise<void> {
  const at = new Date(Date.now() - 10 * 86_400_000)
  const line = { shopId, orderId, lineIndex: 0, ruleVersion: 2, at }
  const entries: LineEntry[] = [
    { ...line, key: `${orderId}:0:accrue`, kind: 'accrue', amountFen: availableFen, baseFen: availableFen * 10, rateBps: 1000 },
    { ...line, key: `${orderId}:0:freeze`, kind: 'freeze', amountFen: availableFen, releasableAt: at },
    { ...line, key: `${orderId}:0:release`, kind: 'release', amountFen: availableFen },
  ]
  await db.collection('commission_orders').add({ data: { _id: orderId, shopId, status: 'released', releasableAt: null, entries, updatedAt: at } })
  for (const e of entries) await db.collection('commission_entries').add({ data: { _id: e.key, ...e, day: '2026-11-19' } })
  await db.collection('commission_accounts').add({ data: { _id: shopId, totals: totalsAfter(entries), entryCount: 3, withdrawals: { day: '2026-11-19', requestedFen: 0 }, updatedAt: at } })
}

/**
 * Ships one order through `hq-orders` as `openid` (HQ by default); answers that order's outcome as a
 * function's `{ ok, data }` / `{ ok: false, error }`, or the call's refusal.
 */
export async function shipOrder(cloud: LocalCloud, orderId: string, trackingNo: string, carrierId = 'SF', openid = HQ) {
  const answer = await callAs(cloud, openid, 'hq-orders', 'shipOrders', { orders: [{ orderId, carrierId, trackingNo }] })
  if (!answer.ok) return answer
  const [one] = answer.data.outcomes
  return one.ok ? { ok: true, data: one.order } : { ok: false, error: one.error }
}
