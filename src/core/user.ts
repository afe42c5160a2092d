import type { HqRole } from './hq'

/** Who someone is to the shop. A person is a consumer until HQ's roster verifies them as an employee. */
export type Role = 'consumer' | 'employee' | 'hq_admin'

export interface User {
  _id: string
  openid: string
  nickname: string
  role: Role
  /** 工号, for verified employees. */
  employeeNo?: string
  createdAt: Date
}

/** What a signed-in person sees of themselves; `hqRole` for HQ staff (it opens 总部工作台). */
export type Profile = Pick<User, 'nickname' | 'role' | 'employeeNo'> & { hqRole?: HqRole }

/** 林小雨 → 林**, for lists where the whole name is not needed (a shop's customers). */
export const maskedName = (name: string): string => {
  const chars = Array.from(name.trim())
  return chars.length === 0 ? '' : chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
