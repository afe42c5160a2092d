import { randomInt } from 'node:crypto'
import type { ShopCard } from '../../src/contracts/shop'
import { Result, fail } from '../../src/core/result'
import { SHARE_CODE_ALPHABET } from '../../src/core/share-code'
import { DEFAULT_SHOP_OPENING, Shop, ShopOpening } from '../../src/core/shop'
import { Transaction, db, inTransaction } from './database'
import { findEmployee } from './roster'

export const SHOPS = 'shops'
const shops = db.collection<Shop>(SHOPS)

export async function shopById(shopId: string): Promise<Shop | null> {
  return (await shops.doc(shopId).get()).data
}

/** The employee's own shop, whatever its status (served by the unique ownerOpenid index). */
export async function shopOfOwner(ownerOpenid: string): Promise<Shop | null> {
  return (await shops.where({ ownerOpenid }).limit(1).get()).data[0] ?? null
}

/** The owner's name as HQ's roster has it (店主). */
export async function ownerNameOf(shop: Pick<Shop, 'employeeNo'>): Promise<string> {
  return (await findEmployee(shop.employeeNo))?.name ?? ''
}

/** The shop as anyone may see it: never the owner's openid. */
export async function shopCardOf(shop: Shop): Promise<ShopCard> {
  const { _id, name, avatar, intro, status } = shop
  return { _id, name, avatar, intro, status, ownerName: await ownerNameOf(shop) }
}

/**
 * A new shop's id: random, so it says nothing about its owner (it travels in every share path), in
 * the share codes' alphabet (URL- and scene-safe, unambiguous when read out).
 */
export function newShopId(): string {
  let id = ''
  for (let i = 0; i < 12; i++) id += SHARE_CODE_ALPHABET[randomInt(SHARE_CODE_ALPHABET.length)]
  return id
}

export async function readShop(tx: Transaction, shopId: string): Promise<Shop | null> {
  return (await tx.collection<Shop>(SHOPS).doc(shopId).get()).data
}

export async function writeShop(tx: Transaction, shop: Shop): Promise<void> {
  const { _id, ...fields } = shop
  await tx.collection<Shop>(SHOPS).doc(_id).set({ data: fields })
}

/** Changes one shop in a transaction: two changes at once run one after the other; a refused change writes nothing. */
export function changeShop(shopId: string, change: (shop: Shop) => Result<Shop>): Promise<Result<Shop>> {
  return inTransaction(async (tx) => {
    const shop = await readShop(tx, shopId)
    if (!shop) return fail('SHOP_NOT_FOUND', { shopId })
    const next = change(shop)
    if (next.ok) await writeShop(tx, next.data)
    return next
  })
}

/** HQ's setting for new shops (`settings/shopOpening`); the default until HQ sets it. */
export async function currentShopOpening(): Promise<ShopOpening> {
  const { data } = await db.collection<Partial<ShopOpening>>('settings').doc('shopOpening').get()
  return typeof data?.reviewRequired === 'boolean' ? { reviewRequired: data.reviewRequired } : DEFAULT_SHOP_OPENING
}

export async function saveShopOpening(opening: ShopOpening, now: Date): Promise<ShopOpening> {
  await db.collection('settings').doc('shopOpening').set({ data: { reviewRequired: opening.reviewRequired, updatedAt: now } })
  return opening
}
