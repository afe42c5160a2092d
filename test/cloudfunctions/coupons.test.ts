import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { couponIdOf } from '../../src/core/coupon'
import { HQ, addHqAdmin, addHqMember, employeeWithShop, shipOrder } from '../support/employees'
import { couponTemplate } from '../support/coupons'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { buyer, eventually, paidOrder, post } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

describe('coupons', () => {
  let t: TestCloud
  const coupons = (openid: string, action: string, payload?: unknown) => callAs(t.cloud, openid, 'coupons', action, payload)
  const couponDoc = async (id: string) => (await t.db.collection('coupons').doc(id).get()).data
  const templateDoc = async (id: string) => (await t.db.collection('coupon_templates').doc(id).get()).data
  /** A buyer holding one coupon of a new template (无门槛减10 unless told). */
  async function holding(openid: string, overrides: Record<string, unknown> = {}) {
    const templateId = await couponTemplate(t, overrides)
    const claimed = await coupons(openid, 'claimCoupon', { templateId })
    expect(claimed).toMatchObject({ ok: true })
    return { templateId, couponId: claimed.data._id as string, b: buyer(t.cloud, openid) }
  }

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 16 })
    await addTestCatalog(t.db, { 'tea-100g': 1000, 'tea-250g': 1000 })
    await addHqAdmin(t.db)
  })
  afterAll(() => t.close())

  describe('HQ\'s templates', () => {
    it('are created and stopped by staff whose role covers marketing, every call audited', async () => {
      const templateId = await couponTemplate(t, { name: '满100减10', thresholdFen: 10000 })
      expect(await templateDoc(templateId)).toMatchObject({ issued: 0, status: 'active', issue: 'claim' })
      const stopped = await callAs(t.cloud, HQ, 'hq-marketing', 'stopCouponTemplate', { templateId })
      expect(stopped).toMatchObject({ ok: true, data: { status: 'stopped' } })
      const { data: audit } = await t.db.collection('audit_logs').where({ action: 'hq-marketing.stopCouponTemplate', actorOpenid: HQ }).get()
      expect(audit[0]).toMatchObject({ ok: true, change: { before: { status: 'active' }, after: { status: 'stopped' } } })
      expect(await coupons('o-late', 'claimCoupon', { templateId })).toMatchObject({ ok: false, error: { code: 'COUPON_TEMPLATE_STOPPED' } })
    })

    it('refuse a coupon for sharing, and callers without the role', async () => {
      const share = await callAs(t.cloud, HQ, 'hq-marketing', 'createCouponTemplate', {
        name: '分享得券', benefit: { kind: 'amount', amountFen: 500 }, thresholdFen: 0, scope: { kind: 'all' }, validity: { kind: 'days', days: 7 }, perUserLimit: 1, quantity: 10, issue: 'share',
      })
      expect(share).toMatchObject({ ok: false, error: { code: 'COUPON_TEMPLATE_INVALID', details: { problem: 'share_reward_forbidden' } } })
      await addHqMember(t.db, 'o-finance', 'hq_finance')
      expect(await callAs(t.cloud, 'o-finance', 'hq-marketing', 'listCouponTemplates', {})).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      expect(await callAs(t.cloud, 'o-shopper', 'hq-marketing', 'listCouponTemplates', {})).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    })
  })

  describe('claiming', () => {
    it('100 buyers claiming at once the last 20 coupons get exactly 20, and the others are told they are gone', async () => {
      const templateId = await couponTemplate(t, { quantity: 20 })
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => coupons(`o-rush-${i}`, 'claimCoupon', { templateId })))
      expect(answers.filter((a) => a.ok)).toHaveLength(20)
      expect(new Set(answers.filter((a) => !a.ok).map((a) => a.error.code))).toEqual(new Set(['COUPON_SOLD_OUT']))
      expect(await templateDoc(templateId)).toMatchObject({ issued: 20 })
      const { total } = await t.db.collection('coupons').where({ templateId }).count()
      expect(total).toBe(20)
    }, 60_000)

    it('one buyer tapping 领取 ten times at once gets their limit, no more', async () => {
      const templateId = await couponTemplate(t, { perUserLimit: 2 })
      const answers = await Promise.all(Array.from({ length: 10 }, () => coupons('o-tapper', 'claimCoupon', { templateId })))
      expect(answers.filter((a) => a.ok)).toHaveLength(2)
      expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'COUPON_LIMIT_REACHED')).toBe(true)
      const centre = await coupons('o-tapper', 'couponCentre', {})
      expect(centre.data.find((c: any) => c.templateId === templateId)).toMatchObject({ held: 2, perUserLimit: 2, left: 98 })
    }, 30_000)

    it('the product page lists only the coupons that count the product', async () => {
      const green = await couponTemplate(t, { name: '绿茶券', scope: { kind: 'categories', ids: ['cat-green'] } })
      const other = await couponTemplate(t, { name: '别的券', scope: { kind: 'products', ids: ['p-other'] } })
      const ids = (await coupons('o-browser', 'couponCentre', { productId: 'p-tea' })).data.map((c: any) => c.templateId)
      expect(ids).toContain(green)
      expect(ids).not.toContain(other)
    })
  })

  describe('at checkout', () => {
    it('the quote picks the best coupon, lists the others with why, and the order pays what the quote showed', async () => {
      const { b, couponId } = await holding('o-checkout', { name: '满100减10', thresholdFen: 10000 })
      const big = await holding('o-checkout', { name: '满300减40', benefit: { kind: 'amount', amountFen: 4000 }, thresholdFen: 30000 })
      const quote = await b.call('order', 'quoteOrder', { lines: [{ skuId: 'tea-250g', quantity: 1 }] })
      expect(quote.data.quote).toMatchObject({ goodsFen: 15800, discountFen: 1000, payableFen: 14800, discounts: [{ source: `coupon:${couponId}` }] })
      expect(quote.data.coupons.map((c: any) => [c.couponId, c.fit])).toEqual([
        [couponId, { applies: true, savingFen: 1000 }],
        [big.couponId, { applies: false, blocker: { kind: 'below_threshold', shortFen: 14200 } }],
      ])
      // 不使用优惠券: no discount, and the sheet still lists them to choose again.
      const none = await b.call('order', 'quoteOrder', { lines: [{ skuId: 'tea-250g', quantity: 1 }], couponId: null })
      expect(none.data.quote).toMatchObject({ discountFen: 0, payableFen: 15800 })
      expect(none.data.coupons).toHaveLength(2)
      const placed = await b.place([{ skuId: 'tea-250g', quantity: 1 }], { couponId })
      expect(placed).toMatchObject({ ok: true, data: { payableFen: 14800 } })
      expect(await couponDoc(couponId)).toMatchObject({ status: 'used', orderNo: placed.data.orderNo })
      // The spent coupon is offered no more.
      const after = await b.call('order', 'quoteOrder', { lines: [{ skuId: 'tea-250g', quantity: 2 }] })
      expect(after.data.quote.discounts).toEqual([{ source: `coupon:${big.couponId}`, label: '满300减40', amountFen: 4000 }])
    })

    it('the server refuses a chosen coupon that does not apply, and one already spent', async () => {
      const { b, couponId } = await holding('o-refused', { thresholdFen: 20000 })
      expect(await b.place([{ skuId: 'tea-100g', quantity: 1 }], { couponId })).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_APPLICABLE', details: { shortFen: 13200 } } })
      expect(await b.place([{ skuId: 'tea-250g', quantity: 2 }], { couponId })).toMatchObject({ ok: true })
      expect(await b.place([{ skuId: 'tea-250g', quantity: 2 }], { couponId })).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_FOUND' } })
    })

    it('a coupon cannot be spent on two orders placed at the same instant', async () => {
      for (let round = 0; round < 5; round++) {
        const { b, couponId } = await holding(`o-twice-${round}`)
        const answers = await Promise.all([1, 2, 3].map(() => b.place([{ skuId: 'tea-100g', quantity: 1 }], { couponId })))
        expect(answers.filter((a) => a.ok)).toHaveLength(1)
        for (const refused of answers.filter((a) => !a.ok)) expect(['COUPON_ALREADY_USED', 'COUPON_NOT_FOUND']).toContain(refused.error.code)
        const { data } = await t.db.collection('orders').where({ buyerOpenid: b.openid }).get()
        expect(data.filter((o: any) => o.discounts.length > 0)).toHaveLength(1)
      }
    }, 60_000)

    it('an unpaid order cancelled or expired gives its coupon back; a paid one refunded does not', async () => {
      const { b, couponId } = await holding('o-cancel')
      const first = (await b.place([{ skuId: 'tea-100g', quantity: 1 }], { couponId })).data
      await b.call('order', 'cancelOrder', { orderId: first._id, reason: '不想要了' })
      expect(await couponDoc(couponId)).toMatchObject({ status: 'unused', orderNo: null })
      const second = (await b.place([{ skuId: 'tea-100g', quantity: 1 }], { couponId })).data
      await t.db.collection('orders').doc(second._id).update({ data: { expiresAt: new Date(Date.now() - 60_000) } })
      await post(t.cloud, '/triggers/timers/expireUnpaidOrders')
      expect(await couponDoc(couponId)).toMatchObject({ status: 'unused' })
      const third = (await b.place([{ skuId: 'tea-100g', quantity: 1 }], { couponId })).data
      await b.pay(third._id)
      await eventually(() => b.order(third._id), (o) => o.status === 'paid')
      await b.call('order', 'requestRefund', { orderId: third._id, reason: '不想要了' })
      await callAs(t.cloud, HQ, 'hq-orders', 'approveRefund', { orderId: third._id })
      await eventually(() => b.order(third._id), (o) => o.refund?.status === 'refunded')
      expect(await couponDoc(couponId)).toMatchObject({ status: 'used', orderNo: third.orderNo })
    }, 30_000)
  })

  describe('given by the shop', () => {
    it('a completed order earns the repurchase coupon once, on receipt or by the clock', async () => {
      const templateId = await couponTemplate(t, { name: '复购券', issue: 'repurchase', perUserLimit: 5 })
      const { b, order } = await paidOrder(t.cloud, 'o-again')
      await shipOrder(t.cloud, order._id, 'SF1234567890')
      expect(await b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: true })
      expect(await b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: false })
      await post(t.cloud, '/triggers/timers/autoCompleteOrders')
      const { data: mine } = await t.db.collection('coupons').where({ ownerOpenid: b.openid, templateId }).get()
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({ origin: `repurchase:${order._id}`, status: 'unused' })
      expect(await templateDoc(templateId)).toMatchObject({ issued: 1 })

      const byClock = await paidOrder(t.cloud, 'o-again')
      await shipOrder(t.cloud, byClock.order._id, 'SF1234567891')
      await t.db.collection('orders').doc(byClock.order._id).update({ data: { 'shipment.shippedAt': new Date(Date.now() - 11 * 86_400_000) } })
      await post(t.cloud, '/triggers/timers/autoCompleteOrders')
      await post(t.cloud, '/triggers/timers/autoCompleteOrders')
      expect((await t.db.collection('coupons').where({ ownerOpenid: b.openid, templateId }).get()).data).toHaveLength(2)
      await callAs(t.cloud, HQ, 'hq-marketing', 'stopCouponTemplate', { templateId })
    }, 30_000)

    it('a first visit through a shop\'s link gives the new-customer coupon, once; the employee who shared gets nothing', async () => {
      const templateId = await couponTemplate(t, { name: '新人券', issue: 'new_customer' })
      await employeeWithShop(t.cloud, 'E-CP-1', 'o-cp-owner', '周敏')
      const share = await callAs(t.cloud, 'o-cp-owner', 'referral', 'createShare', { productId: 'p-tea', channel: 'chat' })
      const visit = () => callAs(t.cloud, 'o-newcomer', 'referral', 'recordVisit', { shareCode: share.data.shareCode, channel: 'chat' })
      expect(await visit()).toMatchObject({ ok: true, data: { bound: true } })
      expect(await visit()).toMatchObject({ ok: true })
      const { data: mine } = await t.db.collection('coupons').where({ ownerOpenid: 'o-newcomer', templateId }).get()
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({ origin: 'new_customer' })
      expect((await t.db.collection('coupons').where({ ownerOpenid: 'o-cp-owner' }).get()).data).toEqual([])
    })
  })

  describe('我的优惠券', () => {
    it('lists 未使用, 已使用 and 已过期 apart', async () => {
      const { b, couponId } = await holding('o-wallet')
      const old = await holding('o-wallet', { name: '旧券' })
      await t.db.collection('coupons').doc(old.couponId).update({ data: { expiresAt: new Date(Date.now() - 1000) } })
      const tab = async (state: string) => (await coupons(b.openid, 'myCoupons', { state })).data.items.map((c: any) => [c._id, c.state])
      expect(await tab('unused')).toEqual([[couponId, 'unused']])
      expect(await tab('expired')).toEqual([[old.couponId, 'expired']])
      await b.place([{ skuId: 'tea-100g', quantity: 1 }], { couponId })
      expect(await tab('unused')).toEqual([])
      expect(await tab('used')).toEqual([[couponId, 'used']])
    })
  })

  /**
   * The rules, through the real functions: after random claims, orders (two at once, each letting
   * checkout pick the best coupon), payments, cancellations, refunds and completions, no template has
   * issued more than its quantity or to a buyer more than their limit, and every coupon is spent by
   * at most one order that still stands — exactly the one it names.
   */
  it('no coupon is used twice or issued beyond its quantity, whatever happens to the orders', async () => {
    let run = 0
    type Move = { kind: 'claim' | 'place'; buyer: number } | { kind: 'pay' | 'cancel' | 'refund' | 'complete'; order: number }
    const move: fc.Arbitrary<Move> = fc.oneof(
      fc.record({ kind: fc.constantFrom('claim' as const, 'claim' as const, 'place' as const), buyer: fc.nat(2) }),
      fc.record({ kind: fc.constantFrom('pay' as const, 'cancel' as const, 'refund' as const, 'complete' as const), order: fc.nat() }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 6, maxLength: 10 }), async (moves) => {
        run++
        const claimable = await couponTemplate(t, { name: `随机券${run}`, quantity: 4, perUserLimit: 2 })
        const repurchase = await couponTemplate(t, { name: `随机复购券${run}`, issue: 'repurchase', quantity: 2, perUserLimit: 1 })
        const buyers = [0, 1, 2].map((i) => buyer(t.cloud, `o-prop-${run}-${i}`))
        const placed: Array<{ b: ReturnType<typeof buyer>; orderId: string }> = []
        for (const m of moves) {
          if (m.kind === 'claim') {
            const answer = await coupons(buyers[m.buyer].openid, 'claimCoupon', { templateId: claimable })
            if (!answer.ok) expect(['COUPON_SOLD_OUT', 'COUPON_LIMIT_REACHED']).toContain(answer.error.code)
            continue
          }
          if (m.kind === 'place') {
            const b = buyers[m.buyer]
            const answers = await Promise.all([1, 2].map(() => b.place([{ skuId: 'tea-250g', quantity: 1 }])))
            for (const answer of answers) {
              if (answer.ok) placed.push({ b, orderId: answer.data._id })
              else expect(['COUPON_ALREADY_USED', 'ORDER_UNPAID_LIMIT']).toContain(answer.error.code)
            }
            continue
          }
          const target = 'order' in m ? placed[m.order % Math.max(placed.length, 1)] : undefined
          if (!target) continue
          const order = await target.b.order(target.orderId)
          if (m.kind === 'cancel' && order.status === 'pending_payment') {
            expect(await target.b.call('order', 'cancelOrder', { orderId: order._id, reason: '不想要了' })).toMatchObject({ ok: true })
          }
          if (m.kind === 'pay' && order.status === 'pending_payment') {
            await target.b.pay(order._id)
            await eventually(() => target.b.order(order._id), (o) => o.status === 'paid', 15_000)
          }
          if (m.kind === 'refund' && order.status === 'paid' && !order.refund) {
            expect(await callAs(t.cloud, HQ, 'hq-orders', 'startRefund', { orderId: order._id, reason: '随机退款', amountFen: order.payableFen })).toMatchObject({ ok: true })
            await eventually(() => target.b.order(order._id), (o) => o.refund?.status === 'refunded', 10_000)
          }
          if (m.kind === 'complete' && order.status === 'paid' && !order.refund) {
            expect(await shipOrder(t.cloud, order._id, `SF${Date.now()}`)).toMatchObject({ ok: true })
            expect(await target.b.call('order', 'confirmReceipt', { orderId: order._id })).toMatchObject({ ok: true })
          }
        }
        for (const templateId of [claimable, repurchase]) {
          const template = await templateDoc(templateId)
          const { data: issued } = await t.db.collection('coupons').where({ templateId }).limit(100).get()
          expect(issued.length).toBe(template.issued)
          expect(template.issued).toBeLessThanOrEqual(template.quantity)
          for (const b of buyers) expect(issued.filter((c: any) => c.ownerOpenid === b.openid).length).toBeLessThanOrEqual(template.perUserLimit)
        }
        const { data: orders } = await t.db.collection('orders').where({ buyerOpenid: t.db.command.in(buyers.map((b) => b.openid)) }).limit(100).get()
        const standing = orders.filter((o: any) => o.status !== 'cancelled')
        const spentBy = new Map<string, string[]>()
        for (const o of standing) {
          const couponId = couponIdOf(o.discounts)
          if (couponId) spentBy.set(couponId, [...(spentBy.get(couponId) ?? []), o.orderNo])
        }
        const { data: held } = await t.db.collection('coupons').where({ ownerOpenid: t.db.command.in(buyers.map((b) => b.openid)) }).limit(100).get()
        for (const c of held) expect(spentBy.get(c._id) ?? [], c._id).toEqual(c.status === 'used' ? [c.orderNo] : [])
        // The next run starts with no unpaid orders held.
        for (const { b, orderId } of placed) {
          if ((await b.order(orderId)).status === 'pending_payment') await b.call('order', 'cancelOrder', { orderId, reason: '不想要了' })
        }
      }),
      { numRuns: 3 },
    )
  }, 300_000)
})
