import { z } from 'zod'
import type { BindingHistoryEntry, OrderAttribution } from '../core/attribution'
import type { FunnelTally } from '../core/funnel'
import type { OrderStatus } from '../core/order'
import { SHARE_CHANNELS, type ShareChannel, type VisitChannel } from '../core/share-code'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'
import { shareCodeInput } from './share-code'
import type { ShopCard } from './shop'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** What a share gives the page: the path for a chat card, the query for Moments, the code itself. */
export interface ShareLink {
  shareCode: string
  path: string
  timelineQuery: string
}

/** A bound customer as the shop owner sees them: names and phones masked. */
export interface ShopCustomer {
  maskedName: string
  maskedPhone: string | null
  boundAt: Date
  expiresAt: Date
  channel: VisitChannel
  orders: number
}

/** "Why this order is mine": share → visit → bind → order, with times and the rule. */
export interface AttributionChain {
  share: { shareCode: string; channel: ShareChannel; sharedAt: Date; productTitle: string | null } | null
  visit: { channel: VisitChannel; at: Date } | null
  binding: Pick<BindingHistoryEntry, 'kind' | 'reason' | 'at' | 'expiresAt'> | null
  attribution: OrderAttribution
}

export interface ShopOrder {
  orderNo: string
  status: OrderStatus
  goodsFen: number
  payableFen: number
  /** The buyer, masked. */
  buyer: string
  title: string
  createdAt: Date
  chain: AttributionChain
}

export interface ShopStats {
  month: string
  funnel: FunnelTally
  salesFen: number
  customers: number
}

export interface LeaderboardRow {
  rank: number
  shop: Pick<ShopCard, '_id' | 'name' | 'avatar' | 'ownerName'>
  salesFen: number
  orders: number
}

/** Shares, visits, bindings and attribution (归属): who brought whom, and whose each order is. */
export const referralContract = defineContract('referral', {
  /** The link for sharing the caller's shop home or one product in it; asking again gives the same code. */
  createShare: action({
    input: z.object({ productId: z.string().min(1).max(64).optional(), channel: z.enum(SHARE_CHANNELS) }).strict(),
    output: returns<ShareLink>(),
    errors: ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND', 'SHOP_NOT_ACTIVE', 'CATALOG_PRODUCT_NOT_FOUND'],
  }),
  /**
   * The caller shared a link (the share sheet was used, or the link copied): one share in the code's
   * shop's funnel. Nothing is ever given for it (WeChat bans 诱导分享); it is only counted.
   */
  recordShare: action({ input: z.object({ shareCode: shareCodeInput }).strict(), output: returns<Record<string, never>>(), errors: ['SHARE_CODE_INVALID'] }),
  /** The 小程序码 for a share code (a PNG in cloud storage, made once per code). */
  getPosterCode: action({
    input: z.object({ shareCode: shareCodeInput }).strict(),
    output: returns<{ fileID: string; url: string }>(),
    errors: ['SHARE_CODE_INVALID'],
  }),
  /**
   * A visit through a share code (or straight to a shop): counted for the shop's funnel and, under
   * HQ's rules, binding the visitor to the shop. Safe to repeat.
   */
  recordVisit: action({
    input: z
      .object({ shareCode: shareCodeInput.optional(), shopId: z.string().min(1).max(64).optional(), channel: z.enum(['chat', 'moments', 'poster', 'direct']) })
      .strict()
      .refine((v) => v.shareCode || v.shopId, 'shareCode or shopId'),
    output: returns<{ shop: ShopCard | null; productId: string | null; bound: boolean }>(),
    errors: ['SHARE_CODE_INVALID', 'SHOP_NOT_FOUND'],
  }),
  /** The shop that serves the caller now (由 XX 的小店推荐), if any. */
  getMyBinding: action({ input: z.object({}).strict(), output: returns<{ shop: ShopCard; expiresAt: Date } | null>() }),
  /** The owner's figures for a month (Shanghai business days). */
  getShopStats: action({ input: z.object({ month: month.optional() }).strict(), output: returns<ShopStats>(), errors: ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND'] }),
  listShopCustomers: action({ input: z.object(paging(20)).strict(), output: returns<Page<ShopCustomer>>(), errors: ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND'] }),
  /** The shop's orders, newest first, each with why it is the shop's. */
  listShopOrders: action({ input: z.object(paging(20)).strict(), output: returns<Page<ShopOrder>>(), errors: ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND'] }),
  /** Shops by paid sales in a month. */
  getLeaderboard: action({ input: z.object({ month: month.optional(), limit: z.number().int().min(1).max(50).default(20) }).strict(), output: returns<LeaderboardRow[]>() }),
})
