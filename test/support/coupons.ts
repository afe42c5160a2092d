import { expect } from 'vitest'
import { HQ } from './employees'
import { TestCloud, callAs } from './local-cloud'

/**
 * A coupon template HQ creates through hq-marketing (HQ must be on staff: addHqAdmin): 无门槛减¥10
 * on everything, valid 7 days from issue, one per buyer, 100 in all, claimable — unless told.
 */
export async function couponTemplate(t: TestCloud, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await callAs(t.cloud, HQ, 'hq-marketing', 'createCouponTemplate', {
    name: '无门槛减10',
    benefit: { kind: 'amount', amountFen: 1000 },
    thresholdFen: 0,
    scope: { kind: 'all' },
    validity: { kind: 'days', days: 7 },
    perUserLimit: 1,
    quantity: 100,
    issue: 'claim',
    ...overrides,
  })
  expect(created).toMatchObject({ ok: true })
  return created.data._id
}
