import type { RosterEntry } from '../cloudfunctions/_shared/roster'
import { DEFAULT_ATTRIBUTION_RULES, decideBinding } from '../src/core/attribution'
import { DEFAULT_COMMISSION_RULES, commissionRulesInput, reviseCommissionRules } from '../src/core/commission'
import { toPinyin } from '../cloudfunctions/_shared/pinyin'
import { priceRangeOf } from '../src/core/catalog'
import { searchTermsOf } from '../src/core/search-terms'
import { Share, generateShareCode, shareKeyOf } from '../src/core/share-code'
import { DEFAULT_SHOP_OPENING, openShop } from '../src/core/shop'
import { addDays } from '../src/core/time'
import { demoBrand, demoCategories, demoProducts } from '../demo/catalog'
import { demoCommissionRules, demoPersonas, demoRoster, demoShops } from '../demo/personas'

const personaByKey = (key: string) => {
  const persona = demoPersonas.find((p) => p.key === key)
  if (!persona) throw new Error(`demo: no persona ${key}`)
  return persona
}

/**
 * Loads the demo brand into an empty shop through wx-server-sdk, as an operator's import would.
 * Returns false (and writes nothing) when the shop already has products: data is never overwritten.
 * The documents have the shapes the functions write: users by OPENID, the roster by employee number
 * with the employee personas verified, their shops opened by the core's rules, and customers bound
 * through shares as a share visit binds them.
 */
export async function seedDemo(db: any, now = new Date()): Promise<boolean> {
  if ((await db.collection('products').count()).total > 0) return false
  await db.collection('settings').add({ data: { _id: 'storefront', ...demoBrand } })
  await seedCommissionRules(db, now)
  for (const category of demoCategories) await db.collection('categories').add({ data: category })
  const categoryNames = new Map(demoCategories.map((c) => [c._id, c.name]))
  for (const { skus, ...product } of demoProducts) {
    const categoryName = categoryNames.get(product.categoryId) ?? ''
    await db.collection('products').add({
      data: { ...product, ...priceRangeOf(skus), searchTerms: searchTermsOf({ ...product, categoryName }, toPinyin), createdAt: now },
    })
    for (const sku of skus) await db.collection('skus').add({ data: { ...sku, productId: product._id } })
  }
  for (const persona of demoPersonas) {
    await db.collection('users').add({
      data: {
        _id: persona.openid,
        openid: persona.openid,
        nickname: persona.name,
        role: persona.role,
        ...(persona.employeeNo ? { employeeNo: persona.employeeNo } : {}),
        createdAt: now,
      },
    })
  }
  for (const employee of demoRoster) {
    const persona = demoPersonas.find((p) => p.employeeNo === employee.employeeNo)
    const shop = persona && demoShops.find((s) => s.ownerKey === persona.key)
    const entry: RosterEntry = {
      _id: employee.employeeNo,
      ...employee,
      inviteCode: null,
      active: true,
      verifiedOpenid: persona?.openid ?? null,
      verifiedAt: persona ? now : null,
      shopId: shop?._id ?? null,
      importedAt: now,
      updatedAt: now,
      deactivatedAt: null,
    }
    await db.collection('roster').add({ data: entry })
  }
  for (const demo of demoShops) {
    const owner = personaByKey(demo.ownerKey)
    const shop = openShop({
      _id: demo._id,
      ownerOpenid: owner.openid,
      employeeNo: owner.employeeNo!,
      profile: { name: demo.name, avatar: '', intro: demo.intro },
      picks: demo.picks,
      opening: DEFAULT_SHOP_OPENING,
      at: addDays(now, -demo.openedDaysAgo),
    })
    await db.collection('shops').add({ data: shop })
    for (const customer of demo.customers) {
      const at = addDays(now, -customer.boundDaysAgo)
      const shared = { shopId: shop._id, productId: customer.productId ?? null, sharerOpenid: owner.openid, channel: customer.channel }
      const share: Share & { shareKey: string } = { _id: generateShareCode(Math.random), ...shared, shareKey: shareKeyOf(shared), createdAt: at }
      await db.collection('shares').add({ data: share })
      const visitor = personaByKey(customer.personaKey)
      const visit = { visitorOpenid: visitor.openid, visitorIsEmployee: false, shop, sharerOpenid: owner.openid, shareCode: share._id, channel: share.channel, at }
      const { binding, history } = decideBinding(null, visit, DEFAULT_ATTRIBUTION_RULES)
      if (!binding) throw new Error(`demo: ${visitor.key} was not bound`)
      await db.collection('bindings').add({ data: binding })
      for (const entry of history) await db.collection('binding_history').add({ data: entry })
    }
  }
  return true
}

/**
 * HQ's commission rules as HQ's first change leaves them (setCommissionRules): the defaults kept as
 * version 1, the demo's rates as version 2 and in force.
 */
async function seedCommissionRules(db: any, now: Date): Promise<void> {
  const hq = demoPersonas.find((p) => p.role === 'hq_admin')!
  const rules = reviseCommissionRules(DEFAULT_COMMISSION_RULES, commissionRulesInput.parse(demoCommissionRules))
  await db.collection('commission_rules').add({ data: { _id: String(DEFAULT_COMMISSION_RULES.version), rules: DEFAULT_COMMISSION_RULES, setAt: now, setByOpenid: null } })
  await db.collection('commission_rules').add({ data: { _id: String(rules.version), rules, setAt: now, setByOpenid: hq.openid } })
  await db.collection('settings').add({ data: { _id: 'commissionRules', rules, updatedAt: now } })
}
