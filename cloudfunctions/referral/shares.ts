import { generateShareCode, qrCodeRequest, ShareChannel, shareKeyOf, sharePath, shareTargetOf, shareTimelineQuery } from '../../src/core/share-code'
import { isPicked, isShopOpen, Shop } from '../../src/core/shop'
import { funnelBumps } from '../../src/core/dashboard'
import { FunnelEvent, shareEvent } from '../../src/core/funnel'
import type { Product } from '../../src/core/catalog'
import type { ShareLink } from '../../src/contracts/referral'
import { Result, fail, ok } from '../../src/core/result'
import { StoredShare, findShare } from '../_shared/attribution-chain'
import { db, inTransaction } from '../_shared/database'
import { writeRollups } from '../_shared/dashboard/rollups'
import { miniProgramCode, storeFile, temporaryUrl } from '../_shared/wechat-files'

const shares = db.collection<StoredShare>('shares')

/**
 * The owner's link for sharing their shop home or one of its products to a channel. One code per
 * shop, product, sharer and channel (a unique index on the key): asking again reuses it, and two asks
 * at once make one code — the loser of the insert finds the winner's. Pages ask for the link before
 * anyone shares (Moments' handler cannot wait for a call), so a link is not a share: `countShare` is.
 */
export async function createShare(shop: Shop, productId: string | undefined, channel: ShareChannel, now: Date): Promise<Result<ShareLink>> {
  if (!isShopOpen(shop)) return fail('SHOP_NOT_ACTIVE')
  if (productId) {
    const { data: product } = await db.collection<Product>('products').doc(productId).get()
    if (!product || !product.onShelf || !isPicked(shop.picks, product)) return fail('CATALOG_PRODUCT_NOT_FOUND', { productId })
  }
  const wanted = { shopId: shop._id, productId: productId ?? null, sharerOpenid: shop.ownerOpenid, channel }
  const shareKey = shareKeyOf(wanted)
  let share = (await shares.where({ shareKey }).limit(1).get()).data[0]
  for (let attempt = 0; !share; attempt++) {
    const candidate: StoredShare = { _id: generateShareCode(Math.random), ...wanted, shareKey, createdAt: now }
    try {
      await shares.add({ data: candidate })
      share = candidate
    } catch (error) {
      // The same share made at the same instant, or (rarely) a code already taken: look again, then retry.
      share = (await shares.where({ shareKey }).limit(1).get()).data[0]
      if (!share && attempt >= 3) throw error
    }
  }
  const target = shareTargetOf(share)
  return ok({ shareCode: share._id, path: sharePath(target, share._id), timelineQuery: shareTimelineQuery(target, share._id) })
}

/**
 * The 小程序码 of a share, made once and kept in cloud storage (getUnlimited allows 5,000 calls a
 * minute; a poster is drawn again and again).
 */
export async function posterCode(shareCode: string): Promise<Result<{ fileID: string; url: string }>> {
  const { data: share } = await shares.doc(shareCode).get()
  if (!share) return fail('SHARE_CODE_INVALID')
  let fileID = share.posterFileID
  if (!fileID) {
    const { page, scene } = qrCodeRequest(shareTargetOf(share), share._id)
    fileID = await storeFile(`posters/${share._id}.png`, await miniProgramCode(page, scene))
    await shares.doc(share._id).update({ data: { posterFileID: fileID } })
  }
  return ok({ fileID, url: await temporaryUrl(fileID) })
}

/** Someone shared a link: one share in its shop's funnel, on the channel the code was made for. */
export async function countShare(shareCode: string, now: Date): Promise<Result<Record<string, never>>> {
  const share = await findShare(shareCode)
  if (!share) return fail('SHARE_CODE_INVALID')
  // The event and its shop's day are written together, so HQ's figures count every share once.
  const event = shareEvent(share, now)
  return inTransaction(async (tx) => {
    await tx.collection<FunnelEvent>('funnel_events').add({ data: event })
    await writeRollups(tx, funnelBumps([event], share._id), now)
    return ok({})
  })
}

