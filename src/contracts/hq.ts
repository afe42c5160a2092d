import { z } from 'zod'
import { attributionRulesInput, type AttributionRules } from '../core/attribution'
import { commissionRulesInput, type CommissionRules } from '../core/commission'
import { hqWithdrawalActions } from './commission'
import type { Shop, ShopOpening, ShopStatus } from '../core/shop'
import type { PaymentAnomaly } from '../core/payment'
import { HQ_ROLES, type HqMember } from '../core/hq'
import { rosterRowInput } from '../core/roster'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

const shopId = z.string().min(1).max(64)
const employeeNo = z.string().trim().min(1).max(32)

/** One row of HQ's roster (员工花名册) as imported. */
export const rosterRow = rosterRowInput

/** Where an offboarded employee's customers go: back to HQ, or to a named colleague's shop. */
const reassignTarget = z.discriminatedUnion('to', [z.object({ to: z.literal('hq') }).strict(), z.object({ to: z.literal('shop'), shopId }).strict()])

/** What needs HQ's action now, on the 工作台. */
export interface Workbench {
  toShip: number
  refundsRequested: number
  withdrawalsReviewing: number
  shopsPending: number
}

/** HQ's operations: HQ staff whose role covers the action only, every call audited. */
export const hqContract = defineContract('hq', {
  getWorkbench: action({ input: z.object({}).strict(), output: returns<Workbench>() }),
  /** Payment news that did not fit an order (wrong amounts, failed refunds, …), for HQ to review. */
  listPaymentAnomalies: action({ input: z.object(paging(20)).strict(), output: returns<Page<PaymentAnomaly>>() }),

  /** Adds or updates roster rows by employee number; self-registration does not exist. */
  importRoster: action({ input: z.object({ rows: z.array(rosterRow).min(1).max(500) }).strict(), output: returns<{ added: number; updated: number }>() }),
  /**
   * Offboarding: the employee can no longer verify, their shop closes, and their bound customers move
   * to HQ or to a colleague's shop, each move in the binding history.
   */
  deactivateEmployee: action({
    input: z.object({ employeeNo, reassignTo: reassignTarget }).strict(),
    output: returns<{ shopClosed: boolean; customersMoved: number }>(),
    errors: ['EMPLOYEE_NOT_FOUND', 'SHOP_NOT_FOUND', 'SHOP_NOT_ACTIVE'],
  }),
  listShops: action({
    input: z.object({ status: z.enum(['pending', 'active', 'suspended', 'closed']).optional(), ...paging(20) }).strict(),
    output: returns<Page<Shop & { status: ShopStatus }>>(),
  }),
  /** Approves, suspends, reactivates or closes a shop, through the shop's state table. */
  moveShop: action({
    input: z.object({ shopId, event: z.enum(['approve', 'suspend', 'reactivate', 'close']), note: z.string().trim().max(200).optional() }).strict(),
    output: returns<Shop>(),
    errors: ['SHOP_NOT_FOUND', 'SHOP_ILLEGAL_TRANSITION', 'SHOP_MOVE_FORBIDDEN'],
  }),
  /** Moves one customer to HQ or to a shop, by HQ's decision. */
  reassignCustomer: action({
    input: z.object({ customerOpenid: z.string().min(1).max(64), reassignTo: reassignTarget }).strict(),
    output: returns<{ shopId: string | null }>(),
    errors: ['CUSTOMER_NOT_BOUND', 'SHOP_NOT_FOUND', 'SHOP_NOT_ACTIVE', 'BINDING_SELF_REFUSED', 'BINDING_COLLEAGUE_REFUSED', 'BINDING_SAME_SHOP', 'BINDING_NOT_ACTIVE'],
  }),
  /** The attribution rules; a change is a new version, and orders keep the version they were decided under. */
  setAttributionRules: action({ input: z.object({ rules: attributionRulesInput }).strict(), output: returns<AttributionRules>() }),
  ...hqWithdrawalActions,
  /** The commission rules; a change is a new version, and every entry keeps the version that produced it. */
  setCommissionRules: action({ input: z.object({ rules: commissionRulesInput }).strict(), output: returns<CommissionRules>() }),
  setShopOpening: action({ input: z.object({ reviewRequired: z.boolean() }).strict(), output: returns<ShopOpening>() }),

  /** HQ's staff and their roles, in the order they joined. */
  listAdmins: action({ input: z.object({}).strict(), output: returns<HqMember[]>() }),
  /** Makes a verified employee HQ staff with this role, or changes their role; the last full admin stays one. */
  setAdmin: action({
    input: z.object({ employeeNo, role: z.enum(HQ_ROLES) }).strict(),
    output: returns<HqMember>(),
    errors: ['EMPLOYEE_NOT_FOUND', 'EMPLOYEE_INACTIVE', 'HQ_EMPLOYEE_NOT_VERIFIED', 'HQ_LAST_ADMIN'],
  }),
  /** Removes a member from HQ's staff; the last full admin cannot be removed. */
  removeAdmin: action({ input: z.object({ openid: z.string().min(1).max(64) }).strict(), output: returns<{ removed: string }>(), errors: ['HQ_MEMBER_NOT_FOUND', 'HQ_LAST_ADMIN'] }),
})
