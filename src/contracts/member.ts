import { z } from 'zod'
import type { MemberLevel, MemberRules, PointsEntryKind } from '../core/member'
import { action, defineContract, returns } from './contract'
import { Page, paging } from './paging'

/** 我的's member card: the caller's level, points and how far the next level is. */
export interface MemberCard {
  level: MemberLevel
  /** The level's benefit. */
  discountBps: number
  freeShipping: boolean
  points: number
  completedSpendFen: number
  /** null at the top level. */
  next: { level: MemberLevel; thresholdFen: number; shortfallFen: number } | null
}

/** One line of the points history: what changed the balance, and the order it came from. */
export interface PointsHistoryEntry {
  _id: string
  kind: PointsEntryKind
  points: number
  orderNo: string
  at: Date
}

/** 会员: the caller's member card and points; a caller with nothing yet has a standard card and no points. */
export const memberContract = defineContract('member', {
  getMemberCard: action({ input: z.object({}).strict(), output: returns<{ card: MemberCard; rules: MemberRules }>() }),
  /** Newest first. */
  listPoints: action({ input: z.object({ ...paging(20) }).strict(), output: returns<Page<PointsHistoryEntry>>() }),
})
