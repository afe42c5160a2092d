import Taro from '@tarojs/taro'
import { makeAutoObservable, observable, runInAction } from 'mobx'
import { referralFunction } from '../contracts/functions'
import type { ShareLink } from '../contracts/referral'
import type { ShopCard } from '../contracts/shop'
import { shareCodeFromQuery, type ShareChannel } from '../core/share-code'
import type { ShopVisit } from '../routes'
import { toCloudError, type CloudClient } from '../services/cloud'
import { IDLE, refresh, track, type LoadState } from './load-state'

const STORAGE_KEY = 'everyshop.referral'

/** WeChat's scenes: a page opened from a Moments post (single-page mode), and the full mini program entered from it. */
const MOMENTS_SINGLE_PAGE = 1154
const MOMENTS_ENTERED = 1155

export type PageQuery = Record<string, string | undefined>

/** A share code the visitor arrived with, kept until the visit is recorded. */
interface Arrival {
  shareCode: string
  channel: ShareChannel
}

/** What a recorded share code stands for: the shop the visitor came through, and the shared product. */
export interface Landing {
  shop: ShopCard | null
  productId: string | null
}


/**
 * Referrals: the share code a visitor arrives with and what it stands for, the links a page shares,
 * and the shop that serves the caller now.
 *
 * A code is read from the launch query before anything else happens (`sc` from a chat card or a
 * Moments post, `scene` from a 小程序码), kept in storage, and sent with recordVisit, the first call
 * of the visit. Not in Moments' single-page mode, which has no login and no cloud calls: there the
 * code waits, and the full mini program (entered through 前往小程序 with the same query) records it.
 * A code that fails for the network stays kept and is sent again at the next show.
 */
export class ReferralStore {
  private pending: Arrival | null = readStoredArrival()
  private recording = false
  private readonly landings = observable.map<string, LoadState<Landing>>()
  private readonly directVisits = new Set<string>()
  // Keyed by what is shared and where: `${productId ?? 'shop'}:${channel}`.
  private readonly links = observable.map<string, LoadState<ShareLink>>()
  binding: LoadState<{ shop: ShopCard; expiresAt: Date } | null> = IDLE

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<ReferralStore, 'cloud' | 'pending' | 'recording' | 'directVisits'>(this, {
      cloud: false,
      pending: false,
      recording: false,
      directVisits: false,
    })
  }

  /**
   * Takes the share code of a launch, a show or a landing page's query, and records the visit unless
   * the mini program runs in Moments' single-page mode. Safe to call with the same query repeatedly.
   */
  arrive(query: PageQuery | undefined, scene: number): void {
    const shareCode = shareCodeFromQuery(query)
    if (!shareCode) return
    if (this.landing(shareCode).status !== 'ready' && this.pending?.shareCode !== shareCode) {
      this.pending = { shareCode, channel: channelOf(query ?? {}, scene) }
      Taro.setStorageSync(STORAGE_KEY, this.pending)
    }
    if (scene !== MOMENTS_SINGLE_PAGE) void this.recordPending()
  }

  /** What a code the visitor arrived with stands for, as recordVisit answered (a poster's page learns its product here). */
  landing(shareCode: string): LoadState<Landing> {
    return this.landings.get(shareCode) ?? IDLE
  }

  /** The code this visit arrived at `shopId` with, if any (an order placed there carries it). */
  shareCodeFor(shopId: string): string | undefined {
    for (const [code, landing] of this.landings) if (landing.status === 'ready' && landing.data.shop?._id === shopId) return code
    return undefined
  }

  /**
   * The shop a page was reached through: the shop home passes its id on to the products it opens,
   * a share link's code names its shop once recorded. An inactive shop is given no orders anyway.
   */
  fromShop(query: PageQuery): ShopVisit | null {
    const shopId = query.shop
    if (shopId) {
      const shareCode = this.shareCodeFor(shopId)
      return shareCode ? { shopId, shareCode } : { shopId }
    }
    const shareCode = shareCodeFromQuery(query)
    const landing = shareCode ? this.landing(shareCode) : IDLE
    const shop = landing.status === 'ready' ? landing.data.shop : null
    return shop && shareCode ? { shopId: shop._id, shareCode } : null
  }

  /**
   * A visit straight to a shop home, with no share: counted in the shop's funnel as direct, binding
   * no one. Once per shop while the app runs.
   */
  visitShop(shopId: string): void {
    if (this.directVisits.has(shopId)) return
    this.directVisits.add(shopId)
    void this.cloud.call(referralFunction, 'recordVisit', { shopId, channel: 'direct' }).catch(() => this.directVisits.delete(shopId))
  }

  /** The caller's share link for their shop home or one of its products (createShare reuses codes). */
  shareLink(productId: string | null, channel: ShareChannel): LoadState<ShareLink> {
    return this.links.get(linkKey(productId, channel)) ?? IDLE
  }

  loadShareLink(productId: string | null, channel: ShareChannel): Promise<void> {
    const key = linkKey(productId, channel)
    return track(
      () => this.cloud.call(referralFunction, 'createShare', { channel, ...(productId ? { productId } : {}) }),
      (state) => { this.links.set(key, state) },
    )
  }

  /** The 小程序码 image of a share code, for a poster. */
  /** One share in the funnel; a count lost to the network is not worth troubling the sharer with. */
  countShare(shareCode: string): void {
    void this.cloud.call(referralFunction, 'recordShare', { shareCode }).catch(() => undefined)
  }

  posterCode(shareCode: string): Promise<{ fileID: string; url: string }> {
    return this.cloud.call(referralFunction, 'getPosterCode', { shareCode })
  }

  loadBinding(): Promise<void> {
    return refresh(this.binding, () => this.cloud.call(referralFunction, 'getMyBinding', {}), (state) => { this.binding = state })
  }

  /** H5: another persona is the caller; their shares and binding are not the last one's. */
  forgetCaller(): void {
    this.links.clear()
    this.binding = IDLE
  }

  private async recordPending(): Promise<void> {
    const arrival = this.pending
    if (!arrival || this.recording) return
    this.recording = true
    this.landings.set(arrival.shareCode, { status: 'loading' })
    try {
      const answer = await this.cloud.call(referralFunction, 'recordVisit', arrival)
      runInAction(() => this.landings.set(arrival.shareCode, { status: 'ready', data: { shop: answer.shop, productId: answer.productId } }))
      this.forget(arrival)
    } catch (failure) {
      const error = toCloudError(failure)
      runInAction(() => this.landings.set(arrival.shareCode, { status: 'error', error }))
      // A code the server refuses will never record; anything else (the network) is tried again at the next show.
      if (error.code === 'SHARE_CODE_INVALID' || error.code === 'INVALID_INPUT') this.forget(arrival)
    } finally {
      this.recording = false
    }
    // Another code arrived while this one was on its way.
    if (this.pending && this.pending !== arrival) void this.recordPending()
  }

  private forget(arrival: Arrival): void {
    if (this.pending !== arrival) return
    this.pending = null
    Taro.removeStorageSync(STORAGE_KEY)
  }
}

/**
 * How the visitor came, as the client sees it: a bare `scene` is a 小程序码 on a poster; Moments
 * opens pages in its own scenes; anything else with a code is a chat card. The server trusts the
 * channel it issued the code for, so this is only what the visit claims.
 */
function channelOf(query: PageQuery, scene: number): ShareChannel {
  if (!query.sc && query.scene) return 'poster'
  if (scene === MOMENTS_SINGLE_PAGE || scene === MOMENTS_ENTERED) return 'moments'
  return 'chat'
}

const linkKey = (productId: string | null, channel: ShareChannel) => `${productId ?? 'shop'}:${channel}`

function readStoredArrival(): Arrival | null {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
  return typeof stored === 'object' && stored !== null && 'shareCode' in stored && 'channel' in stored ? (stored as Arrival) : null
}
