import type { Shop } from '../../src/core/shop'
import { db } from './database'

const shops = db.collection<Shop>('shops')

export async function shopById(shopId: string): Promise<Shop | null> {
  return (await shops.doc(shopId).get()).data
}

/** The employee's own shop, whatever its status (served by the unique ownerOpenid index). */
export async function shopOfOwner(ownerOpenid: string): Promise<Shop | null> {
  return (await shops.where({ ownerOpenid }).limit(1).get()).data[0] ?? null
}

/** The owner's name as HQ's roster has it (店主). */
export async function ownerNameOf(shop: Pick<Shop, 'employeeNo'>): Promise<string> {
  const { data } = await db.collection<{ name: string }>('roster').where({ employeeNo: shop.employeeNo }).limit(1).get()
  return data[0]?.name ?? ''
}
