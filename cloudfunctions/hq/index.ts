import { hqContract } from '../../src/contracts/hq'
import type { Page } from '../../src/contracts/paging'
import { Result, ok } from '../../src/core/result'
import { Shop, ShopStatus, transitionShop } from '../../src/core/shop'
import type { Withdrawal } from '../../src/core/withdrawal'
import { _, db } from '../_shared/database'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { listAnomalies } from '../_shared/orders/anomalies'
import { ATTRIBUTION_RULES } from '../_shared/bindings'
import { COMMISSION_RULES } from '../_shared/commission/ledger'
import { commissionPayout } from '../_shared/commission/payout'
import { hqWithdrawalViews } from '../_shared/commission/views'
import { WITHDRAWALS, decide, withdrawals } from '../_shared/commission/withdrawals'
import { HQ_ADMINS, listMembers, removeMember, setMember } from '../_shared/hq-staff'
import { ROSTER, findEmployee } from '../_shared/roster'
import { SHOPS, changeShop, saveShopOpening } from '../_shared/shops'
import { setRules } from '../_shared/versioned-rules'
import { workbench } from './queues'
import { reassignCustomer } from './reassign'
import { deactivateEmployee, importRoster } from './roster'

const hqActor = (admin: SignedInCaller) => ({ kind: 'hq' as const, openid: admin.openid })
const asHqView = async (result: Result<Withdrawal>) => (result.ok ? ok((await hqWithdrawalViews([result.data]))[0]) : result)
const SHOP_STATUSES: ShopStatus[] = ['pending', 'active', 'suspended', 'closed']

/**
 * HQ's operations: each names the area it belongs to, and only HQ staff whose role covers that area may
 * call it (HQ_ROLE_AREAS); every call of this function, whatever its fate, is in the audit log.
 */
export const main = defineFunction(hqContract, {
  getWorkbench: {
    access: 'hq',
    area: 'overview',
    handle: async () => ok(await workbench()),
  },
  listPaymentAnomalies: {
    access: 'hq',
    area: 'payments',
    handle: ({ page, pageSize }) => listAnomalies(page, pageSize),
  },

  importRoster: {
    access: 'hq',
    area: 'roster',
    handle: ({ rows }, _admin, now) => importRoster(rows, now),
  },
  deactivateEmployee: {
    access: 'hq',
    area: 'roster',
    changes: { collection: ROSTER, id: ({ employeeNo }) => employeeNo },
    handle: ({ employeeNo, reassignTo }, admin, now) => deactivateEmployee(admin.openid, employeeNo, reassignTo, now),
  },
  listShops: {
    access: 'hq',
    area: 'shops',
    /** Newest first; every status, or one. Served by the status_createdAt index either way. */
    async handle({ status, page, pageSize }) {
      const { data } = await db
        .collection<Shop>(SHOPS)
        .where({ status: status ?? _.in(SHOP_STATUSES) })
        .orderBy('createdAt', 'desc')
        .skip(page * pageSize)
        .limit(pageSize + 1)
        .get()
      return ok<Page<Shop>>({ items: data.slice(0, pageSize), hasMore: data.length > pageSize })
    },
  },
  moveShop: {
    access: 'hq',
    area: 'shops',
    changes: { collection: SHOPS, id: ({ shopId }) => shopId },
    handle: ({ shopId, event, note }, admin, now) => changeShop(shopId, (shop) => transitionShop(shop, event, hqActor(admin), now, note)),
  },
  reassignCustomer: {
    access: 'hq',
    area: 'roster',
    changes: { collection: 'bindings', id: ({ customerOpenid }) => customerOpenid },
    handle: ({ customerOpenid, reassignTo }, admin, now) => reassignCustomer(admin.openid, customerOpenid, reassignTo, now),
  },
  setAttributionRules: {
    access: 'hq',
    area: 'settings',
    changes: { collection: 'settings', id: () => ATTRIBUTION_RULES.name },
    handle: ({ rules }, admin, now) => setRules(ATTRIBUTION_RULES, admin.openid, rules, now),
  },
  listWithdrawals: {
    access: 'hq',
    area: 'withdrawals',
    async handle({ status, page, pageSize }) {
      const { data } = await withdrawals
        .where(status ? { status } : {})
        .orderBy('requestedAt', 'desc')
        .skip(page * pageSize)
        .limit(pageSize + 1)
        .get()
      return ok({ items: await hqWithdrawalViews(data.slice(0, pageSize)), hasMore: data.length > pageSize })
    },
  },
  approveWithdrawal: {
    access: 'hq',
    area: 'withdrawals',
    changes: { collection: WITHDRAWALS, id: ({ withdrawalId }) => withdrawalId },
    handle: async ({ withdrawalId }, admin, now) => asHqView(await decide(withdrawalId, { approve: true }, admin.openid, commissionPayout(), now)),
  },
  rejectWithdrawal: {
    access: 'hq',
    area: 'withdrawals',
    changes: { collection: WITHDRAWALS, id: ({ withdrawalId }) => withdrawalId },
    handle: async ({ withdrawalId, reason }, admin, now) => asHqView(await decide(withdrawalId, { approve: false, reason }, admin.openid, commissionPayout(), now)),
  },
  setCommissionRules: {
    access: 'hq',
    area: 'commission',
    changes: { collection: 'settings', id: () => COMMISSION_RULES.name },
    handle: ({ rules }, admin, now) => setRules(COMMISSION_RULES, admin.openid, rules, now),
  },
  setShopOpening: {
    access: 'hq',
    area: 'shops',
    changes: { collection: 'settings', id: () => 'shopOpening' },
    handle: async (opening, _admin, now) => ok(await saveShopOpening(opening, now)),
  },

  listAdmins: {
    access: 'hq',
    area: 'admins',
    handle: async () => ok(await listMembers()),
  },
  setAdmin: {
    access: 'hq',
    area: 'admins',
    changes: { collection: HQ_ADMINS, id: async ({ employeeNo }) => (await findEmployee(employeeNo))?.verifiedOpenid ?? null },
    handle: ({ employeeNo, role }, admin, now) => setMember(admin.openid, employeeNo, role, now),
  },
  removeAdmin: {
    access: 'hq',
    area: 'admins',
    changes: { collection: HQ_ADMINS, id: ({ openid }) => openid },
    handle: ({ openid }, _admin, now) => removeMember(openid, now),
  },
}, { auditEveryCall: true })
