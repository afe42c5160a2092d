import type { BindingHistoryEntry } from '../../src/core/attribution'
import type { AttributionChain } from '../../src/contracts/referral'
import type { Product } from '../../src/core/catalog'
import type { Order } from '../../src/core/order'
import type { Share, VisitChannel } from '../../src/core/share-code'
import { _, db } from './database'

// The records each step of a referral leaves (the share, the visit, the binding), read back to explain
// why an order is a shop's — on the shop's order list and on every commission entry.

export type StoredShare = Share & { shareKey: string; posterFileID?: string }

export async function findShare(shareCode: string): Promise<StoredShare | null> {
  return (await db.collection<StoredShare>('shares').doc(shareCode).get()).data
}

export interface VisitRecord {
  visitorOpenid: string
  shopId: string
  shareCode: string | null
  channel: VisitChannel
  /** What the visit did to the binding, and why: the trail behind "why this order is mine". */
  outcome: 'bind' | 'rebind' | 'keep'
  reason: string
  at: Date
}

/**
 * Why the order is the shop's, from the records each step left: the share, the visit, the binding. An
 * order of HQ's own has no shop to have come through: its chain is the decision alone (why no shop
 * took it, under which rule version).
 */
export async function chainOf(order: Order): Promise<AttributionChain> {
  const attribution = order.attribution!
  const { ownerName: _o, shopName: _s, ...decision } = attribution
  if (!attribution.shopId) return { share: null, visit: null, binding: null, attribution: decision }
  const shareCode = attribution.shareCode ?? (await bindingEntryBefore(order))?.shareCode ?? null
  const [share, visit, binding] = await Promise.all([
    shareCode ? findShare(shareCode) : null,
    db
      .collection<VisitRecord>('visits')
      .where({ visitorOpenid: order.buyerOpenid, shopId: attribution.shopId!, at: _.lte(order.createdAt) })
      .orderBy('at', 'desc')
      .limit(1)
      .get()
      .then(({ data }) => data[0] ?? null),
    bindingEntryBefore(order),
  ])
  const product = share?.productId ? (await db.collection<Product>('products').doc(share.productId).get()).data : null
  return {
    share: share ? { shareCode: share._id, channel: share.channel, sharedAt: share.createdAt, productTitle: product?.title ?? null } : null,
    visit: visit ? { channel: visit.channel, at: visit.at } : null,
    binding: binding ? { kind: binding.kind, reason: binding.reason, at: binding.at, expiresAt: binding.expiresAt } : null,
    attribution: decision,
  }
}

/** The binding step that made the buyer the shop's customer before the order, if it came that way. */
async function bindingEntryBefore(order: Order): Promise<(BindingHistoryEntry & { shareCode: string | null }) | null> {
  const { data } = await db
    .collection<BindingHistoryEntry>('binding_history')
    .where({ customerOpenid: order.buyerOpenid, shopId: order.attribution!.shopId, kind: _.in(['bind', 'rebind', 'reassign']), at: _.lte(order.createdAt) })
    .orderBy('at', 'desc')
    .limit(1)
    .get()
  const entry = data[0]
  return entry ? { ...entry, shareCode: entry.source.kind === 'share' ? entry.source.shareCode : null } : null
}

