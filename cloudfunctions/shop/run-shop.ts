import type { Category, Product } from '../../src/core/catalog'
import { Result, fail, ok } from '../../src/core/result'
import { Shop, ShopPicks, ShopProfileInput, openShop } from '../../src/core/shop'
import { _, db, inTransaction } from '../_shared/database'
import { ROSTER, RosterEntry, readEmployee } from '../_shared/roster'
import { changeShop, currentShopOpening, newShopId, shopOfOwner, writeShop } from '../_shared/shops'

/** The picks, if HQ has every category or product they name (an off-shelf product is HQ's and may be picked). */
async function checkPicks(picks: ShopPicks): Promise<Result<ShopPicks>> {
  if (picks.mode === 'all') return ok(picks)
  const ids = picks.mode === 'categories' ? picks.categoryIds : picks.productIds
  // The mode names the collection: 'categories' or 'products'.
  const { data } = await db
    .collection<Pick<Category | Product, '_id'>>(picks.mode)
    .where({ _id: _.in(ids) })
    .field({ _id: true })
    .limit(ids.length)
    .get()
  const known = new Set(data.map((row) => row._id))
  const unknown = ids.filter((id) => !known.has(id))
  return unknown.length ? fail('SHOP_PICKS_UNKNOWN', { mode: picks.mode, ids: unknown }) : ok(picks)
}

/**
 * Opens the employee's one shop: active at once, or pending HQ's review when HQ's setting asks for
 * it. The roster entry is the guard: the transaction that opens writes the shop's id onto it, so
 * opens sent at once run one after the other and the second finds the shop (the unique ownerOpenid
 * index backs it up). A closed shop is not replaced.
 */
export async function openEmployeeShop(
  employee: RosterEntry,
  openid: string,
  profile: ShopProfileInput,
  picks: ShopPicks,
  now: Date,
): Promise<Result<Shop>> {
  const [checked, opening, owned] = await Promise.all([checkPicks(picks), currentShopOpening(), shopOfOwner(openid)])
  if (!checked.ok) return checked
  if (owned) return fail('SHOP_ALREADY_OPEN', { shopId: owned._id })
  return inTransaction(async (tx) => {
    const entry = await readEmployee(tx, employee.employeeNo)
    if (!entry?.active || entry.verifiedOpenid !== openid) return fail('EMPLOYEE_REQUIRED')
    if (entry.shopId) return fail('SHOP_ALREADY_OPEN', { shopId: entry.shopId })
    const shop = openShop({ _id: newShopId(), ownerOpenid: openid, employeeNo: entry.employeeNo, profile, picks, opening, at: now })
    await writeShop(tx, shop)
    await tx.collection<RosterEntry>(ROSTER).doc(entry._id).update({ data: { shopId: shop._id, updatedAt: now } })
    return ok(shop)
  })
}

/** Changes the owner's shop, unless it is closed (closing is final). */
async function editOwnShop(openid: string, edit: (shop: Shop) => Shop): Promise<Result<Shop>> {
  const shop = await shopOfOwner(openid)
  if (!shop) return fail('SHOP_NOT_FOUND')
  return changeShop(shop._id, (current) => (current.status === 'closed' ? fail('SHOP_CLOSED', { shopId: current._id }) : ok(edit(current))))
}

export const updateShopProfile = (openid: string, profile: ShopProfileInput, now: Date) =>
  editOwnShop(openid, (shop) => ({ ...shop, ...profile, updatedAt: now }))

/** 选品: every id must be HQ's. */
export async function setShopPicks(openid: string, picks: ShopPicks, now: Date): Promise<Result<Shop>> {
  const checked = await checkPicks(picks)
  if (!checked.ok) return checked
  return editOwnShop(openid, (shop) => ({ ...shop, picks, updatedAt: now }))
}
