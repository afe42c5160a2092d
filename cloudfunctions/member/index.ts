import { memberContract } from '../../src/contracts/member'
import { standingOf } from '../../src/core/member'
import { ok } from '../../src/core/result'
import { db } from '../_shared/database'
import { defineFunction } from '../_shared/edge'
import { MEMBER_RULES, PointsEntry, readMemberAccount } from '../_shared/member/points'
import { currentRules } from '../_shared/versioned-rules'

export const main = defineFunction(memberContract, {
  getMemberCard: {
    access: 'caller',
    async handle(_input, caller, now) {
      const [rules, account] = await Promise.all([currentRules(MEMBER_RULES), readMemberAccount(caller.openid, now)])
      const { level, next } = standingOf(account.completedSpendFen, rules)
      return ok({
        card: {
          level: level.level,
          discountBps: level.discountBps,
          freeShipping: level.freeShipping,
          points: account.balance,
          completedSpendFen: account.completedSpendFen,
          next,
        },
        rules,
      })
    },
  },
  listPoints: {
    access: 'caller',
    async handle({ page, pageSize }, caller) {
      // One more than the page, to know whether another follows.
      const { data } = await db
        .collection<PointsEntry>('points_ledger')
        .where({ openid: caller.openid })
        .orderBy('at', 'desc')
        .skip(page * pageSize)
        .limit(pageSize + 1)
        .get()
      return ok({ items: data.slice(0, pageSize).map(({ _id, kind, points, orderNo, at }) => ({ _id, kind, points, orderNo, at })), hasMore: data.length > pageSize })
    },
  },
})
