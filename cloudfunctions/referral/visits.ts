import { decideBinding, type Visit } from '../../src/core/attribution'
import { funnelBumps } from '../../src/core/dashboard'
import { FunnelEvent, visitEvents } from '../../src/core/funnel'
import { writeRollups } from '../_shared/dashboard/rollups'
import type { VisitChannel } from '../../src/core/share-code'
import type { Shop } from '../../src/core/shop'
import { ok, type Result } from '../../src/core/result'
import { currentAttributionRules, readBinding, writeBinding } from '../_shared/bindings'
import { inTransaction } from '../_shared/database'
import type { VisitRecord } from '../_shared/attribution-chain'
import { employeeOf } from '../_shared/roster'
import { activeTemplates, issueInTransaction } from '../_shared/coupons/wallet'


/**
 * A visit to a shop: HQ's rules decide whether it binds the visitor (decideBinding), and the visit,
 * the binding, its history and the funnel events are written in one transaction on the visitor's
 * binding document — two shops' links opened at the same instant conflict there, and the retried one
 * finds the customer already bound.
 */
export async function recordVisit(visitorOpenid: string, shop: Shop, share: { sharerOpenid: string; shareCode: string } | null, channel: VisitChannel, now: Date): Promise<Result<{ bound: boolean }>> {
  const [rules, employee, welcome] = await Promise.all([currentAttributionRules(), employeeOf(visitorOpenid), activeTemplates('new_customer')])
  const visit: Visit = {
    visitorOpenid,
    visitorIsEmployee: employee !== null,
    shop,
    sharerOpenid: share?.sharerOpenid ?? null,
    shareCode: share?.shareCode ?? null,
    channel,
    at: now,
  }
  return inTransaction(async (tx) => {
    const current = await readBinding(tx, visitorOpenid)
    const decision = decideBinding(current, visit, rules)
    if (decision.binding && decision.binding !== current) await writeBinding(tx, decision.binding, decision.history, current !== null)
    const record: VisitRecord = { visitorOpenid, shopId: shop._id, shareCode: visit.shareCode, channel, outcome: decision.outcome, reason: decision.reason, at: now }
    await tx.collection<VisitRecord>('visits').add({ data: record })
    const events = visitEvents(visit, decision)
    for (const event of events) await tx.collection<FunnelEvent>('funnel_events').add({ data: event })
    await writeRollups(tx, funnelBumps(events, visitorOpenid), now)
    // A customer a shop's link binds for the first time is new to the brand: the new-customer coupons
    // (新人券) are theirs, for arriving — never for sharing. One of each, by id, however often they visit.
    if (!current && decision.binding) {
      for (const t of welcome) await issueInTransaction(tx, { templateId: t._id, ownerOpenid: visitorOpenid, origin: 'new_customer', couponId: `n-${t._id}-${visitorOpenid}`, claimed: false }, now)
    }
    return ok({ bound: decision.outcome !== 'keep' })
  })
}
