import { z } from 'zod'
import type { AttributionRules } from '../core/attribution'
import type { CommissionRules } from '../core/commission'
import { orderRulesInput, type OrderRules } from '../core/order-rules'
import { shippingRulesInput, type ShippingRules } from '../core/shipping-rules'
import type { ShopOpening } from '../core/shop'
import { action, defineContract, returns } from './contract'

/** HQ's settings page: the rules in force, and the order and shipping rules (each change a new version). */
export const hqSettingsContract = defineContract('hq-settings', {
  /** The rules in force, for the settings page to start from. */
  getRules: action({
    input: z.object({}).strict(),
    output: returns<{ commission: CommissionRules; attribution: AttributionRules; orders: OrderRules; shipping: ShippingRules; shopOpening: ShopOpening }>(),
  }),
  /** The order rules (unpaid orders per buyer, minutes to pay); a change is a new version, for orders placed from then on. */
  setOrderRules: action({ input: z.object({ rules: orderRulesInput }).strict(), output: returns<OrderRules>() }),
  /** The shipping rule (满¥X包邮, else the fee); a change is a new version, for quotes and orders from then on. */
  setShippingRules: action({ input: z.object({ rules: shippingRulesInput }).strict(), output: returns<ShippingRules>() }),
})
