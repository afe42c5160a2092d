import { AttributionRules, ShareRef, attributeOrder } from '../../../src/core/attribution'
import type { OrderAttributionRecord } from '../../../src/core/order'
import type { Share } from '../../../src/core/share-code'
import type { Shop } from '../../../src/core/shop'
import { findBinding } from '../bindings'
import { db } from '../database'
import { ownerNameOf, shopById, shopOfOwner } from '../shops'
import { employeeOf } from '../roster'

export interface PageShop {
  shopId: string
  shareCode?: string
}

/**
 * Decides whose an order is at the moment it is placed: the shop whose page it came from, else the
 * shop the buyer is bound to, else HQ (attributeOrder has the rules). The decision and the shop's
 * names are kept on the order and never recomputed. A share code that is not the page shop's is
 * ignored: the link is the buyer's claim, the share record is ours. `rules`: HQ's attribution rules in force.
 */
export async function decideAttribution(buyerOpenid: string, fromShop: PageShop | undefined, rules: AttributionRules, now: Date): Promise<OrderAttributionRecord> {
  const [employee, binding, share] = await Promise.all([
    employeeOf(buyerOpenid),
    findBinding(buyerOpenid),
    fromShop?.shareCode ? db.collection<Share>('shares').doc(fromShop.shareCode).get().then(({ data }) => data) : null,
  ])
  const isEmployee = employee !== null
  const [pageShop, boundShop, ownShop] = await Promise.all([
    fromShop ? shopById(fromShop.shopId) : null,
    binding ? shopById(binding.shopId) : null,
    isEmployee ? shopOfOwner(buyerOpenid) : null,
  ])
  const shareRef: ShareRef | null =
    pageShop && share && share.shopId === pageShop._id ? { sharerOpenid: share.sharerOpenid, shareCode: share._id, channel: share.channel } : null
  const attribution = attributeOrder({
    buyer: { openid: buyerOpenid, isEmployee },
    pageShop: pageShop ? { shop: pageShop, share: shareRef } : null,
    bound: binding && boundShop ? { binding, shop: boundShop } : null,
    ownShop,
    rules,
    at: now,
  })
  const shop = [pageShop, boundShop, ownShop].find((s): s is Shop => Boolean(s) && s!._id === attribution.shopId)
  return { ...attribution, shopName: shop?.name ?? null, ownerName: shop ? await ownerNameOf(shop) : null }
}
