import { AttributionRules, AttributionRulesInput, DEFAULT_ATTRIBUTION_RULES, attributionRules, reviseAttributionRules } from '../../src/core/attribution'
import { Result, ok } from '../../src/core/result'
import { inTransaction } from '../_shared/database'

/** One version of the rules as HQ set it; the id is the version. */
interface RulesVersion {
  rules: AttributionRules
  setAt: Date
  /** null: the defaults, in force before HQ first set the rules. */
  setByOpenid: string | null
}

/**
 * HQ's new attribution rules: the next version, in force from now (`settings/attributionRules`), and
 * kept in `attribution_rules` beside every earlier one, so an order or a binding decided under an old
 * version can still be explained by it. The defaults become version 1 there the first time. Two
 * changes at once write the settings document, so they run one after the other and number in turn.
 */
export function setAttributionRules(admin: string, change: AttributionRulesInput, now: Date): Promise<Result<AttributionRules>> {
  return inTransaction(async (tx) => {
    const settings = tx.collection<{ rules: unknown; updatedAt: Date }>('settings').doc('attributionRules')
    const versions = tx.collection<RulesVersion>('attribution_rules')
    const { data: stored } = await settings.get()
    const current = stored ? attributionRules.parse(stored.rules) : DEFAULT_ATTRIBUTION_RULES
    if (!stored) await versions.doc(String(current.version)).set({ data: { rules: current, setAt: now, setByOpenid: null } })
    const next = reviseAttributionRules(current, change)
    await versions.doc(String(next.version)).set({ data: { rules: next, setAt: now, setByOpenid: admin } })
    await settings.set({ data: { rules: next, updatedAt: now } })
    return ok(next)
  })
}
