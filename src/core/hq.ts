import { Result, fail, ok } from './result'

/**
 * HQ's staff roles: the full admin (总部管理员) may do everything, 运营 (`hq_ops`) runs the goods, the
 * orders, the shops and the roster, 财务 (`hq_finance`) the money: withdrawals, commission rules,
 * payment anomalies, exports and the sales figures (数据看板).
 */
export const HQ_ROLES = ['hq_admin', 'hq_ops', 'hq_finance'] as const
export type HqRole = (typeof HQ_ROLES)[number]

/** What an HQ action is about. Every action names one area; a role covers some areas. */
export type HqArea =
  | 'overview'
  | 'orders'
  | 'catalog'
  | 'shops'
  | 'roster'
  | 'withdrawals'
  | 'commission'
  | 'payments'
  | 'exports'
  | 'settings'
  | 'admins'
  /** HQ's sales figures: the dashboard (数据看板). */
  | 'reports'
  /** 营销: 限时折扣 campaigns, coupons, points. */
  | 'marketing'

/** The one table of who may do what; the full admin's `all` includes areas added later. */
export const HQ_ROLE_AREAS: Record<HqRole, 'all' | readonly HqArea[]> = {
  hq_admin: 'all',
  hq_ops: ['overview', 'orders', 'catalog', 'shops', 'roster', 'marketing'],
  hq_finance: ['overview', 'withdrawals', 'commission', 'payments', 'exports', 'reports'],
}

export const mayAct = (role: HqRole, area: HqArea): boolean => {
  const areas = HQ_ROLE_AREAS[role]
  return areas === 'all' || areas.includes(area)
}

/** A member of HQ's staff (`hq_admins`, id: the OPENID). */
export interface HqMember {
  _id: string
  openid: string
  role: HqRole
  /** What the list shows: the roster name, or 初始管理员 for the bootstrap admin. */
  name: string
  /** The roster entry they were added from; null for the bootstrap admin. */
  employeeNo: string | null
  /** null: enrolled by the bootstrap setting. */
  addedByOpenid: string | null
  addedAt: Date
  updatedAt: Date
}

/**
 * A change of a member's role (`next`), or their removal (null). HQ must keep a full admin: the last
 * one can neither leave nor be narrowed, or no one could add admins again.
 */
export function changeMember(member: HqMember, next: HqRole | null, fullAdmins: number): Result<HqRole | null> {
  const losesFullAdmin = member.role === 'hq_admin' && next !== 'hq_admin'
  if (losesFullAdmin && fullAdmins <= 1) return fail('HQ_LAST_ADMIN', { openid: member.openid })
  return ok(next)
}
