import { describe, expect, it } from 'vitest'
import { draftOf, formOf, newForm, parseShanghai } from '../../../src/package-hq/pages/campaign/campaign-form'

describe("HQ's campaign form", () => {
  it('reads times as Shanghai wall-clock time', () => {
    expect(parseShanghai('2026-12-12 10:00')).toEqual(new Date('2026-12-12T02:00:00Z'))
    expect(parseShanghai('12-12 10:00')).toBeNull()
    expect(parseShanghai('2026-13-40 10:00')).toBeNull()
  })

  it('a new campaign runs from now for a day', () => {
    expect(newForm(new Date('2026-11-30T02:00:00Z'))).toMatchObject({ start: '2026-11-30 10:00', end: '2026-12-01 10:00', items: [] })
  })

  it('sends a fixed price in fen and a share off in basis points, for whole products', () => {
    const form = { name: ' 双十二 ', start: '2026-12-12 00:00', end: '2026-12-13 00:00', items: [
      { productId: 'p-tea', mode: 'price' as const, value: '58' },
      { productId: 'p-cup', mode: 'off' as const, value: '12.5' },
    ] }
    expect(draftOf(form)).toEqual({
      ok: true,
      draft: {
        name: '双十二',
        startAt: new Date('2026-12-11T16:00:00Z'),
        endAt: new Date('2026-12-12T16:00:00Z'),
        items: [
          { productId: 'p-tea', skuId: null, priceFen: 5800 },
          { productId: 'p-cup', skuId: null, offBps: 1250 },
        ],
      },
    })
  })

  it('names what to fix before asking the server: a time, no product, an amount that is not a number', () => {
    const form = { name: '双十二', start: '2026-12-12 00:00', end: '2026-12-13 00:00', items: [{ productId: 'p-tea', mode: 'price' as const, value: '58' }] }
    expect(draftOf({ ...form, end: '明天' })).toMatchObject({ ok: false })
    expect(draftOf({ ...form, items: [] })).toEqual({ ok: false, problem: '请选择参加活动的商品' })
    expect(draftOf({ ...form, items: [{ productId: 'p-tea', mode: 'off', value: '八折' }] })).toEqual({ ok: false, problem: '请填写折扣比例（%）' })
  })

  it('edits a saved campaign as it was typed', () => {
    const campaign = {
      _id: 'c-1', name: '双十二', startAt: new Date('2026-12-11T16:00:00Z'), endAt: new Date('2026-12-12T16:00:00Z'), stoppedAt: null,
      createdAt: new Date(), updatedAt: new Date(),
      items: [{ productId: 'p-tea', skuId: null, priceFen: 5800 }, { productId: 'p-cup', skuId: null, offBps: 1250 }],
    }
    expect(formOf(campaign)).toEqual({ name: '双十二', start: '2026-12-12 00:00', end: '2026-12-13 00:00', items: [
      { productId: 'p-tea', mode: 'price', value: '58.00' },
      { productId: 'p-cup', mode: 'off', value: '12.50' },
    ] })
  })
})
