import { describe, expect, it } from 'vitest'
import { CloudError, reviveInstants, unwrapFunctionResult } from '../../src/services/cloud'

describe('the cloud client boundary', () => {
  it('turns instant fields (…At, at) back into Dates, at any depth, and nothing else', () => {
    const data = unwrapFunctionResult<any>({
      ok: true,
      data: {
        createdAt: '2026-11-25T02:00:00.000Z',
        timeline: [{ event: 'place', at: '2026-11-25T02:00:01Z' }],
        remark: '2026-11-25T02:00:00.000Z',
        payment: { paidAt: 'not a date' },
      },
    })
    expect(data.createdAt).toEqual(new Date('2026-11-25T02:00:00.000Z'))
    expect(data.timeline[0].at).toEqual(new Date('2026-11-25T02:00:01Z'))
    expect(data.remark).toBe('2026-11-25T02:00:00.000Z')
    expect(data.payment.paidAt).toBe('not a date')
    expect(reviveInstants(null)).toBeNull()
  })

  it('a failed answer becomes a CloudError with the code, its context, and the words for them', () => {
    expect(() => unwrapFunctionResult({ ok: false, error: { code: 'ORDER_OUT_OF_STOCK', details: { title: '西湖龙井', stock: 0 } } })).toThrow(
      expect.objectContaining({ code: 'ORDER_OUT_OF_STOCK', details: { title: '西湖龙井', stock: 0 }, message: '西湖龙井 库存不足' }),
    )
    expect(() => unwrapFunctionResult({ something: 'else' })).toThrow(CloudError)
  })
})
