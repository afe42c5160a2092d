import type { BindingDecision, OrderAttribution, Visit } from './attribution'
import type { Share, VisitChannel } from './share-code'
import { inShanghai } from './time'

/**
 * The referral funnel (转化漏斗) of a shop: shares → visits (by channel) → binds → orders. Each step
 * is one event stored with its shop and business day, so a shop's day is one query on an index of
 * (shopId, day) and a daily rollup adds those events up, never scanning orders or bindings.
 */

/** The business day of an instant, YYYY-MM-DD in Asia/Shanghai: a visit at 23:30 in Shanghai counts on that day, not on the UTC one. */
export const businessDay = (at: Date): string => inShanghai(at).format('YYYY-MM-DD')

export type FunnelEventKind = 'share' | 'visit' | 'bind' | 'order'

export interface FunnelEvent {
  kind: FunnelEventKind
  shopId: string
  day: string
  /** share: where it was sent; visit: how the visitor came; bind, order: the share that made them (direct: none). */
  channel: VisitChannel
  shareCode: string | null
  at: Date
}

const event = (kind: FunnelEventKind, shopId: string, channel: VisitChannel, shareCode: string | null, at: Date): FunnelEvent => ({
  kind,
  shopId,
  day: businessDay(at),
  channel,
  shareCode,
  at,
})

/** A share counts each time someone shares, even when the code is reused. */
export const shareEvent = (share: Pick<Share, '_id' | 'shopId' | 'channel'>, at: Date): FunnelEvent => event('share', share.shopId, share.channel, share._id, at)

/**
 * A visit's events: the visit, and a bind when it bound or rebound the visitor to the shop. An
 * owner looking at their own shop is not traffic the shop brought, so it is not counted.
 */
export function visitEvents(visit: Visit, decision: BindingDecision): FunnelEvent[] {
  if (decision.outcome === 'keep' && decision.reason === 'self_visit') return []
  const visited = event('visit', visit.shop._id, visit.channel, visit.shareCode, visit.at)
  return decision.outcome === 'keep' ? [visited] : [visited, event('bind', visit.shop._id, visit.channel, visit.shareCode, visit.at)]
}

/** An order counts for the shop it belongs to, when it is paid (`at`); HQ's orders are in no shop's funnel. */
export const orderEvent = (attribution: OrderAttribution, at: Date): FunnelEvent | null =>
  attribution.shopId === null ? null : event('order', attribution.shopId, attribution.channel, attribution.shareCode, at)

export interface FunnelTally {
  shares: number
  visits: Record<VisitChannel, number>
  binds: number
  orders: number
}

/** Adds up events, e.g. one shop's day. */
export function tallyFunnel(events: FunnelEvent[]): FunnelTally {
  const tally: FunnelTally = { shares: 0, visits: { chat: 0, moments: 0, poster: 0, direct: 0 }, binds: 0, orders: 0 }
  for (const e of events) {
    if (e.kind === 'share') tally.shares++
    else if (e.kind === 'visit') tally.visits[e.channel]++
    else if (e.kind === 'bind') tally.binds++
    else tally.orders++
  }
  return tally
}
