import { describe, expect, it } from 'vitest'
import { RULES_PROBLEMS, attributionRulesInput } from '../../src/core/attribution'
import { SHOP_FIELD_PROBLEMS, SHOP_INTRO_MAX, SHOP_NAME_MAX, shopDefaults, shopProfileInput } from '../../src/core/shop'
import {
  SHOP_DEFAULT_WORDS,
  attributionReasonText,
  bindingKindText,
  bindingReasonText,
  channelText,
  errorText,
  funnelStepText,
  passedOverText,
  rulesProblemText,
  shopEventText,
  shopFieldText,
  shopStatusText,
  strategyText,
} from '../../src/i18n/zh-CN'

const CHINESE = /[\u4e00-\u9fa5]/

describe('the zh-CN words of shops, sharing and attribution', () => {
  it('every problem the shop form and the rules schema can name has words', () => {
    for (const problem of SHOP_FIELD_PROBLEMS) expect(shopFieldText(problem), problem).toMatch(CHINESE)
    for (const problem of RULES_PROBLEMS) expect(rulesProblemText(problem), problem).toMatch(CHINESE)
  })

  it('states the same limits as the shop schema', () => {
    expect(shopFieldText('SHOP_NAME_TOO_LONG')).toContain(` ${SHOP_NAME_MAX} `)
    expect(shopFieldText('SHOP_INTRO_TOO_LONG')).toContain(` ${SHOP_INTRO_MAX} `)
  })

  it('says why HQ’s rules were refused, for the setting named', () => {
    const parsed = attributionRulesInput.safeParse({ secondLevelRateBps: 200, rewardPerShareFen: 10 })
    expect(parsed.error?.issues.map((i) => rulesProblemText(i.message))).toEqual([
      '佣金只给成交的小店，不支持多级分销、团队或下级提成',
      '不支持分享奖励（微信禁止诱导分享）',
    ])
  })

  it('says why a shop cannot make a move from the state it is in', () => {
    expect(errorText('SHOP_ILLEGAL_TRANSITION', { event: 'reactivate', status: 'closed' })).toBe('小店已关闭，不能恢复营业')
    expect(errorText('SHOP_ILLEGAL_TRANSITION', { event: 'approve', status: 'active' })).toBe('小店营业中，不能审核通过')
  })

  it('opens a shop named after the employee, with an intro that fits the form', () => {
    const withDepartment = shopDefaults({ name: '林小雨', department: '西湖门店' }, SHOP_DEFAULT_WORDS)
    expect(withDepartment.profile.name).toBe('林小雨的小店')
    expect(withDepartment.profile.intro).toContain('我是西湖门店的林小雨')
    expect(shopDefaults({ name: '王五' }, SHOP_DEFAULT_WORDS).profile.intro).toContain('我是王五')
    expect(shopProfileInput.safeParse(withDepartment.profile).success).toBe(true)
  })

  it('names statuses, moves, channels, strategies, history, reasons and funnel steps', () => {
    const texts = [
      ...(['pending', 'active', 'suspended', 'closed'] as const).map(shopStatusText),
      ...(['open', 'approve', 'suspend', 'reactivate', 'close'] as const).map(shopEventText),
      ...(['chat', 'moments', 'poster', 'direct'] as const).map(channelText),
      ...(['first_touch', 'last_touch'] as const).map(strategyText),
      ...(['bind', 'extend', 'expire', 'rebind', 'reassign'] as const).map(bindingKindText),
      ...(['first_share', 'protection_over', 'released', 'last_touch', 'paid_order', 'owner_offboarded', 'hq_decision', 'customer_became_employee'] as const).map(bindingReasonText),
      ...(['self_visit', 'colleague_shop', 'shop_not_active', 'not_shared', 'protected', 'same_shop'] as const).map(bindingReasonText),
      ...(['shop_page', 'bound_customer', 'own_shop', 'hq'] as const).map(attributionReasonText),
      ...(['shop_not_active', 'colleague_shop', 'binding_ended'] as const).map(passedOverText),
      ...(['share', 'visit', 'bind', 'order'] as const).map(funnelStepText),
    ]
    for (const text of texts) expect(text).toMatch(CHINESE)
    expect(channelText('moments')).toBe('朋友圈')
    expect(attributionReasonText('bound_customer')).toBe('绑定顾客下单')
  })
})
