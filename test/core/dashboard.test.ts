import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ROLLUP_SHARDS,
  applyBump,
  conversionBps,
  dailySeries,
  funnelBumps,
  funnelOf,
  kpisOf,
  mergeBumps,
  paymentBumps,
  periodDays,
  refundBumps,
  salesByDepartment,
  shardOf,
  sumFigures,
  type Bump,
  type Rollup,
} from '../../src/core/dashboard'
import { businessDay, orderEvent, shareEvent, type FunnelEvent } from '../../src/core/funnel'
import { refundsOf, type Order, type Refund } from '../../src/core/order'
import { directAggregation, type Aggregated } from '../support/dashboard-oracle'

const line = (productId: string, quantity: number, paidFen: number) => ({ skuId: `${productId}-sku`, productId, title: `商品${productId}`, quantity, paidFen }) as Order['lines'][number]
const order = (id: string, more: Partial<Order> = {}): Order =>
  ({
    _id: id,
    buyerOpenid: 'o-buyer',
    lines: [line('p1', 2, 5000), line('p2', 1, 1800), line('p1', 1, 2500)],
    payableFen: 10300,
    payment: { outTradeNo: id, paidFen: 10300 },
    attribution: { shopId: 'shop-ann' },
    ...more,
  }) as unknown as Order

describe('the business day and the period', () => {
  it('a payment at 23:59 in Shanghai counts on that day, one at midnight on the next', () => {
    const [late] = paymentBumps(order('o1'), new Date('2026-11-25T15:59:59Z'), false)
    const [early] = paymentBumps(order('o1'), new Date('2026-11-25T16:00:00Z'), false)
    expect([late.day, early.day]).toEqual(['2026-11-25', '2026-11-26'])
  })

  it.each([
    ['today', 1, '2026-11-26', '2026-11-26'],
    ['7d', 7, '2026-11-20', '2026-11-26'],
    ['30d', 30, '2026-10-28', '2026-11-26'],
  ] as const)('%s is %i business days ending today in Shanghai (%s … %s)', (period, n, first, last) => {
    const days = periodDays(period, new Date('2026-11-26T01:00:00Z'))
    expect([days.length, days[0], days[n - 1]]).toEqual([n, first, last])
  })
})

describe('what a move adds', () => {
  it('a payment adds its paid amount and one order to its shop, and each product’s units and goods money', () => {
    const bumps = paymentBumps(order('o1'), new Date('2026-11-25T02:00:00Z'), true)
    expect(bumps.map((b) => [b.collection, b.add])).toEqual([
      ['sales_daily', { gmvFen: 10300, paidOrders: 1, newCustomers: 1 }],
      ['sales_totals', { gmvFen: 10300, paidOrders: 1, newCustomers: 1 }],
      ['product_daily', { units: 3, salesFen: 7500 }],
      ['product_daily', { units: 1, salesFen: 1800 }],
    ])
  })

  it('HQ’s own order (no shop) adds to HQ’s day, and is no one’s new customer unless it is the first', () => {
    const [shop] = paymentBumps(order('o1', { attribution: undefined }), new Date('2026-11-25T02:00:00Z'), false)
    expect(shop).toMatchObject({ shopId: null, add: { newCustomers: 0 } })
  })

  it('a refund adds one refund and its money to the order’s shop on the day it succeeded, in the shard of the payment', () => {
    const o = order('o7')
    const refund = refundBumps(o, new Date('2026-11-27T02:00:00Z'), 1800)
    const paid = paymentBumps(o, new Date('2026-11-25T02:00:00Z'), false)
    expect(refund).toMatchObject([
      { collection: 'sales_daily', day: '2026-11-27', shopId: 'shop-ann', add: { refunds: 1, refundFen: 1800 } },
      { collection: 'sales_totals', day: '2026-11-27', shard: paid[1].shard, add: { refunds: 1, refundFen: 1800 } },
    ])
  })

  it('funnel events add to their shop’s share, visit, bind and order counts', () => {
    const at = new Date('2026-11-25T02:00:00Z')
    const events: FunnelEvent[] = [shareEvent({ _id: 'code', shopId: 'shop-ann', channel: 'chat' }, at), { ...shareEvent({ _id: 'code', shopId: 'shop-ann', channel: 'chat' }, at), kind: 'bind' }]
    expect(mergeBumps(funnelBumps(events, 'o-visitor')).map((b) => [b.collection, b.add])).toEqual([
      ['sales_daily', { shares: 1, binds: 1 }],
      ['sales_totals', { shares: 1, binds: 1 }],
    ])
  })

  it('a shop’s day is one document; HQ’s own sales, the day’s totals and products are spread over shards', () => {
    const shards = (shopId: string | null) => new Set(Array.from({ length: 40 }, (_, i) => paymentBumps(order(`o${i}`, shopId ? {} : { attribution: undefined }), new Date('2026-11-25T02:00:00Z'), false)[0].id)).size
    expect([shards('shop-ann'), shards(null)]).toEqual([1, ROLLUP_SHARDS])
  })

  it('shards spread keys over every shard and always pick the same one for a key', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`order-${i}`)))
    expect([...shards].sort()).toEqual(Array.from({ length: ROLLUP_SHARDS }, (_, i) => i))
    expect(shardOf('order-42')).toBe(shardOf('order-42'))
  })
})

describe('the figures', () => {
  it('average order value rounds down to the fen, and is 0 with no orders', () => {
    expect(kpisOf({ ...sumFigures([]), gmvFen: 1000, paidOrders: 3 }).averageOrderFen).toBe(333)
    expect(kpisOf(sumFigures([])).averageOrderFen).toBe(0)
  })

  it.each([
    [50, 200, 2500],
    [1, 3, 3333],
    [5, 0, null],
  ])('%i of %i is %s bps', (step, before, bps) => expect(conversionBps(step, before)).toBe(bps))

  it('the funnel converts share → visit → bind → order', () => {
    expect(funnelOf({ ...sumFigures([]), shares: 40, visits: 100, binds: 20, funnelOrders: 5 })).toEqual({ shares: 40, visits: 100, binds: 20, orders: 5, visitBps: 25000, bindBps: 2000, orderBps: 2500 })
  })

  it('the daily series has every day of the period, quiet days at zero', () => {
    expect(dailySeries(['2026-11-24', '2026-11-25'], [{ day: '2026-11-25', gmvFen: 900, paidOrders: 2 }])).toEqual([
      { day: '2026-11-24', gmvFen: 0, paidOrders: 0 },
      { day: '2026-11-25', gmvFen: 900, paidOrders: 2 },
    ])
  })

  it('sales roll up by department, then employee, most first; a shop the roster does not know is left out', () => {
    const owners = [
      { shopId: 's1', shopName: '甲店', employeeNo: 'E1', name: '甲', department: '西湖店' },
      { shopId: 's2', shopName: '乙店', employeeNo: 'E2', name: '乙', department: '西湖店' },
      { shopId: 's3', shopName: '丙店', employeeNo: 'E3', name: '丙', department: '滨江店' },
    ]
    const sales = [
      { shopId: 's1', gmvFen: 100, paidOrders: 1 },
      { shopId: 's2', gmvFen: 300, paidOrders: 2 },
      { shopId: 's3', gmvFen: 350, paidOrders: 1 },
      { shopId: 'gone', gmvFen: 999, paidOrders: 9 },
    ]
    expect(salesByDepartment(sales, owners).map((d) => [d.department, d.gmvFen, d.employees.map((e) => e.employeeNo)])).toEqual([
      ['西湖店', 400, ['E2', 'E1']],
      ['滨江店', 350, ['E3']],
    ])
  })
})

/**
 * The rule that makes the dashboard trustworthy: after any sequence of orders, payments, refunds
 * (partial too) and cancellations, the rollups the moves added to equal an aggregation over the
 * orders as they ended up.
 */
describe('rollups equal a direct aggregation over the orders', () => {
  type Op = { kind: 'place'; buyer: number; shop: number; lines: Array<[number, number, number]> } | { kind: 'pay' | 'cancel'; order: number } | { kind: 'refund'; order: number; part: number } | { kind: 'wait'; hours: number }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('place' as const), buyer: fc.nat(4), shop: fc.nat(3), lines: fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 50_000 })), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constantFrom('pay' as const, 'pay' as const, 'cancel' as const), order: fc.nat() }),
    fc.record({ kind: fc.constant('refund' as const), order: fc.nat(), part: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  )

  function run(ops: Op[]) {
    const orders: Order[] = []
    const docs = new Map<string, Rollup>()
    const firstPaid = new Set<string>()
    let now = new Date('2026-11-20T15:30:00Z')
    const add = (bumps: Bump[]) => {
      for (const b of mergeBumps(bumps)) docs.set(`${b.collection}/${b.id}`, applyBump(docs.get(`${b.collection}/${b.id}`) ?? null, b, now))
    }
    for (const o of ops) {
      // Every move at its own instant, as payments are: "first" is then the earliest paid.
      now = new Date(now.getTime() + 1)
      if (o.kind === 'wait') now = new Date(now.getTime() + o.hours * 3_600_000)
      else if (o.kind === 'place') {
        const lines = o.lines.map(([p, q, fen]) => line(`p${p}`, q, fen))
        const payableFen = lines.reduce((s, l) => s + l.paidFen, 0) + 800
        orders.push(order(`order-${orders.length}`, { buyerOpenid: `o-${o.buyer}`, lines, payableFen, payment: { outTradeNo: 'x' }, attribution: o.shop === 0 ? undefined : ({ shopId: `shop-${o.shop}`, channel: 'chat', shareCode: null } as unknown as Order['attribution']), status: 'pending_payment' }))
      } else {
        // A move acts on one of the orders placed so far.
        const target = orders[o.order % Math.max(orders.length, 1)]
        if (!target) continue
        if (o.kind === 'cancel' && target.status === 'pending_payment') target.status = 'cancelled'
        if (o.kind === 'pay' && target.status === 'pending_payment') {
          target.status = 'paid'
          target.payment = { ...target.payment, paidFen: target.payableFen, paidAt: now }
          const first = !firstPaid.has(target.buyerOpenid)
          firstPaid.add(target.buyerOpenid)
          const event = target.attribution ? orderEvent(target.attribution, now) : null
          add([...paymentBumps(target, now, first), ...funnelBumps(event ? [event] : [], target._id)])
        }
        if (o.kind === 'refund' && target.status === 'paid') {
          const left = target.payableFen - refundsOf(target).reduce((s, r) => s + r.amountFen, 0)
          const amountFen = Math.max(1, Math.floor(left * o.part))
          if (left <= 0) continue
          const refund = { status: 'refunded', amountFen, refundedAt: now } as Refund
          target.previousRefunds = refundsOf(target)
          target.refund = refund
          add(refundBumps(target, now, amountFen))
        }
      }
    }
    return { orders, docs: [...docs.values()] }
  }

  /** The rollups added up by day and shop, and by day and product; the day's totals must be the sum of its shops'. */
  const rolledUp = (docs: Rollup[]): Aggregated => {
    const result: Aggregated = { shopDays: {}, productDays: {} }
    const totals: Record<string, ReturnType<typeof sumFigures>> = {}
    for (const d of docs) {
      if (!('productId' in d) && !('shopId' in d)) totals[d.day] = sumFigures([totals[d.day] ?? {}, d])
    }
    const byDay: Record<string, ReturnType<typeof sumFigures>> = {}
    for (const d of docs) if ('shopId' in d) byDay[d.day] = sumFigures([byDay[d.day] ?? {}, d])
    expect(totals).toEqual(byDay)
    for (const d of docs) {
      if (!('productId' in d) && !('shopId' in d)) continue
      if ('productId' in d) {
        const key = `${d.day} ${d.productId}`
        const seen = result.productDays[key] ?? { units: 0, salesFen: 0 }
        result.productDays[key] = { units: seen.units + d.units, salesFen: seen.salesFen + d.salesFen }
      } else {
        const key = `${d.day} ${d.shopId ?? 'hq'}`
        result.shopDays[key] = sumFigures([result.shopDays[key] ?? {}, d])
      }
    }
    return result
  }

  it('for many random sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 80 }), (ops) => {
        const { orders, docs } = run(ops)
        expect(rolledUp(docs)).toEqual(directAggregation(orders, businessDay))
      }),
      { numRuns: 500 },
    )
  })
})
