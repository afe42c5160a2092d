import { z } from 'zod'
import { type Order, keepsGoods, refundedGoodsFenOf, refundsOf } from './order'
import { type AppliedDiscount, type DiscountPolicy, POINTS_SOURCE, type ShippingRule, type UndiscountedLine } from './pricing'
import { Result, fail, ok } from './result'

/**
 * Points (积分) and member levels (会员等级), as HQ sets them.
 *
 * Points are earned on the goods money a completed order paid (shipping excluded), whole points,
 * rounded down; they are spent at checkout for a discount HQ caps as a share of the goods left after
 * the other discounts. Levels follow a buyer's completed spend net of refunds — at once, both ways: a
 * refund of a completed order can lower the level (no yearly review), so the level always says what
 * the buyer has kept buying.
 */

export const MEMBER_LEVELS = ['standard', 'silver', 'gold'] as const
export type MemberLevel = (typeof MEMBER_LEVELS)[number]

/** The most a level's discount may take off the goods: half. */
export const MAX_LEVEL_DISCOUNT_BPS = 5000

const levelSettings = z
  .object({
    level: z.enum(MEMBER_LEVELS),
    /** Completed spend (net of refunds) from which a buyer holds the level; the first level's is 0. */
    thresholdFen: z.number().int().min(0).max(100_000_000),
    /** Taken off the goods' price (after campaign prices) for a buyer at this level. */
    discountBps: z.number().int().min(0).max(MAX_LEVEL_DISCOUNT_BPS),
    /** Orders of a buyer at this level ship free. */
    freeShipping: z.boolean(),
  })
  .strict()
export type LevelSettings = z.output<typeof levelSettings>

const memberSettings = {
  /** Points earned per ¥100 of goods paid (100: one point per ¥1). */
  earnPointsPer100Yuan: z.number().int().min(0).max(10_000),
  /** Points worth ¥1 at checkout. */
  pointsPerYuan: z.number().int().min(1).max(10_000),
  /** The most of the goods (after the other discounts) points may pay. */
  redeemCapBps: z.number().int().min(0).max(10_000),
  /** Every level in its order, the first from zero spend, each threshold above the one before. */
  levels: z
    .array(levelSettings)
    .length(MEMBER_LEVELS.length)
    .refine((levels) => levels.every((l, i) => l.level === MEMBER_LEVELS[i] && (i === 0 ? l.thresholdFen === 0 : l.thresholdFen > levels[i - 1].thresholdFen)), 'MEMBER_LEVELS_INVALID'),
}

/** What HQ sends to change the rules; the version is not theirs to choose. */
export const memberRulesInput = z.object(memberSettings).strict()
export type MemberRulesInput = z.output<typeof memberRulesInput>

/** The rules as stored, with their version; read back through this schema too. */
export const memberRules = z.object({ version: z.number().int().min(1), ...memberSettings }).strict()
export type MemberRules = z.output<typeof memberRules>

export const DEFAULT_MEMBER_RULES: MemberRules = {
  version: 1,
  earnPointsPer100Yuan: 100,
  pointsPerYuan: 100,
  redeemCapBps: 2000,
  levels: [
    { level: 'standard', thresholdFen: 0, discountBps: 0, freeShipping: false },
    { level: 'silver', thresholdFen: 100_000, discountBps: 200, freeShipping: false },
    { level: 'gold', thresholdFen: 500_000, discountBps: 500, freeShipping: true },
  ],
}

export const reviseMemberRules = (current: MemberRules, change: MemberRulesInput): MemberRules => ({ ...change, version: current.version + 1 })

/** A buyer's level from their completed spend, and how far the next level is (null at the top). */
export function standingOf(
  completedSpendFen: number,
  rules: Pick<MemberRules, 'levels'>,
): { level: LevelSettings; next: { level: MemberLevel; thresholdFen: number; shortfallFen: number } | null } {
  const reached = rules.levels.filter((l) => completedSpendFen >= l.thresholdFen)
  const level = reached[reached.length - 1] ?? rules.levels[0]
  const next = rules.levels[reached.length]
  return { level, next: next ? { level: next.level, thresholdFen: next.thresholdFen, shortfallFen: next.thresholdFen - completedSpendFen } : null }
}

/** Points earned on goods money paid: whole points, rounded down. */
export const pointsEarnedOn = (paidGoodsFen: number, earnPointsPer100Yuan: number): number => Math.floor((Math.max(0, paidGoodsFen) * earnPointsPer100Yuan) / 10_000)

export const memberSource = (level: MemberLevel) => `member:${level}`

/**
 * What `chosen` points (at most the balance) buy off `goodsLeftFen`: whole fen, within HQ's cap, and
 * the fewest points that buy that much — a choice above the cap spends only what the cap allows.
 */
export function pointsRedemption(chosen: number, balance: number, goodsLeftFen: number, rules: Pick<MemberRules, 'pointsPerYuan' | 'redeemCapBps'>): Result<{ points: number; amountFen: number }> {
  if (chosen > balance) return fail('POINTS_INSUFFICIENT', { balance })
  const capFen = Math.floor((Math.max(0, goodsLeftFen) * rules.redeemCapBps) / 10_000)
  const amountFen = Math.min(Math.floor((chosen * 100) / rules.pointsPerYuan), capFen)
  return ok({ points: Math.ceil((amountFen * rules.pointsPerYuan) / 100), amountFen })
}

const goodsOf = (lines: ReadonlyArray<UndiscountedLine>) => lines.reduce((sum, l) => sum + l.lineTotalFen, 0)

/** The member level's discount on the goods, rounded down; first of the policies. */
export const levelDiscount = (level: LevelSettings): DiscountPolicy => ({
  discountsFor: (lines) => ok([{ source: memberSource(level.level), label: level.level, amountFen: Math.floor((goodsOf(lines) * level.discountBps) / 10_000) }]),
})

/** Points spent on what the discounts before it left of the goods; last of the policies. */
export const pointsDiscount = (chosen: number, balance: number, rules: MemberRules): DiscountPolicy => ({
  discountsFor: (lines, earlier) => {
    const left = goodsOf(lines) - earlier.reduce((sum, d) => sum + d.amountFen, 0)
    const redeemed = pointsRedemption(chosen, balance, left, rules)
    if (!redeemed.ok) return redeemed
    return ok([{ source: POINTS_SOURCE, label: POINTS_SOURCE, amountFen: redeemed.data.amountFen, points: redeemed.data.points }])
  },
})

/** A level's free shipping makes every order ship free; otherwise HQ's rule stands. */
export const shippingFor = (level: LevelSettings, rule: ShippingRule): ShippingRule => (level.freeShipping ? { ...rule, freeOverFen: 0 } : rule)

type PointsOrder = Pick<Order, 'discounts' | 'goodsFen' | 'discountFen' | 'lines' | 'refund' | 'previousRefunds'>

/** The points an order spent at checkout. */
export const pointsSpentOn = (order: Pick<Order, 'discounts'>): number => order.discounts.find((d: AppliedDiscount) => d.source === POINTS_SOURCE)?.points ?? 0

/** The goods money the order keeps after its refunds so far: what points are earned on, and what a level counts. */
export const keptGoodsFenOf = (order: PointsOrder): number => order.goodsFen - order.discountFen - refundedGoodsFenOf(order)

/**
 * The spent points the order's refunds so far have given back: the refunded share of the goods money,
 * rounded down, and all of them once the buyer keeps no goods.
 */
export function spentPointsBack(order: PointsOrder): number {
  const spent = pointsSpentOn(order)
  const paidGoodsFen = order.goodsFen - order.discountFen
  if (spent === 0 || !refundsOf(order).some((r) => r.status === 'refunded')) return 0
  if (!keepsGoods(order) || paidGoodsFen === 0) return spent
  return Math.floor((spent * Math.min(refundedGoodsFenOf(order), paidGoodsFen)) / paidGoodsFen)
}

/** One line of a buyer's points history. */
export type PointsEntryKind = 'earn' | 'spend' | 'unspend' | 'refund_back' | 'refund_takeback'

/**
 * What a refund that succeeded does to the points of a completed order: the earned points its money
 * no longer earns come back off the balance — at most what the balance holds, the rest forgiven, so a
 * balance never goes negative — after the spent points it gives back are added.
 */
export function pointsTakenBack(earnPointsPer100Yuan: number, keptBeforeFen: number, keptAfterFen: number, balance: number): number {
  const owed = pointsEarnedOn(keptBeforeFen, earnPointsPer100Yuan) - pointsEarnedOn(keptAfterFen, earnPointsPer100Yuan)
  return Math.max(0, Math.min(owed, balance))
}
