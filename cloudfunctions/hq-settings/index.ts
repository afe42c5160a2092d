import { hqSettingsContract } from '../../src/contracts/hq-settings'
import { ok } from '../../src/core/result'
import { ATTRIBUTION_RULES } from '../_shared/bindings'
import { COMMISSION_RULES } from '../_shared/commission/ledger'
import { defineFunction } from '../_shared/edge'
import { SHIPPING_RULES } from '../_shared/orders/pricing-terms'
import { ORDER_RULES } from '../_shared/orders/unpaid-orders'
import { currentShopOpening } from '../_shared/shops'
import { currentRulesOf, setRules } from '../_shared/versioned-rules'

/**
 * HQ's settings, beside the `hq` function (whose bundle has no room left): the rules in force, and the
 * order and shipping rules. Each change is a new version in force from then on; every call audited,
 * with the settings document before and after.
 */
export const main = defineFunction(
  hqSettingsContract,
  {
    getRules: {
      access: 'hq',
      area: 'overview',
      async handle() {
        const [[commission, attribution, orders, shipping], shopOpening] = await Promise.all([
          currentRulesOf(COMMISSION_RULES, ATTRIBUTION_RULES, ORDER_RULES, SHIPPING_RULES),
          currentShopOpening(),
        ])
        return ok({ commission, attribution, orders, shipping, shopOpening })
      },
    },
    setOrderRules: {
      access: 'hq',
      area: 'settings',
      changes: { collection: 'settings', id: () => ORDER_RULES.name },
      handle: ({ rules }, admin, now) => setRules(ORDER_RULES, admin.openid, rules, now),
    },
    setShippingRules: {
      access: 'hq',
      area: 'settings',
      changes: { collection: 'settings', id: () => SHIPPING_RULES.name },
      handle: ({ rules }, admin, now) => setRules(SHIPPING_RULES, admin.openid, rules, now),
    },
  },
  { auditEveryCall: true },
)
