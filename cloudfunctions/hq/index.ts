import { z } from 'zod'
import { Order, transition, viewOrder } from '../../src/core/order'
import { Result, fail, ok } from '../../src/core/result'
import type { User } from '../../src/core/user'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { MAX_PAGE_SIZE, db } from '../_shared/database'
import { Action, action, defineFunction } from '../_shared/edge'
import { listAnomalies } from '../_shared/orders/anomalies'
import { approveRefund, rejectRefund } from '../_shared/orders/refunds'
import { changeOrder } from '../_shared/orders/repository'
import type { Caller } from '../_shared/wx-context'

/**
 * HQ's operations. Only users HQ made admins may call them (looked up by the caller's OPENID), and
 * every call — allowed or refused, succeeded or failed — is written to the audit log with who, what
 * and the outcome.
 */
function hqAction<I, O>(name: string, input: z.ZodType<I, z.ZodTypeDef, unknown>, run: (input: I, admin: { openid: string }, now: Date) => Promise<Result<O>>): Action<I, O> {
  return action({
    input,
    async handle(payload, caller: Caller) {
      if (!caller.openid) return fail('AUTH_REQUIRED')
      const now = new Date()
      const audit = (outcome: { ok: true } | { ok: false; error: string }) =>
        db.collection('audit_logs').add({ data: { actorOpenid: caller.openid, action: `hq.${name}`, payload, ...outcome, at: now } })
      const { data } = await db.collection<User>('users').where({ openid: caller.openid }).limit(1).get()
      if (data[0]?.role !== 'hq_admin') {
        await audit({ ok: false, error: 'HQ_FORBIDDEN' })
        return fail('HQ_FORBIDDEN')
      }
      let outcome: Result<O>
      try {
        outcome = await run(payload, { openid: caller.openid }, now)
      } catch (error) {
        await audit({ ok: false, error: 'INTERNAL_ERROR' })
        throw error
      }
      await audit(outcome.ok ? { ok: true } : { ok: false, error: outcome.error.code })
      return outcome
    },
  })
}

/** An HQ action on one order, answered with the order as its buyer sees it. */
const orderAction = <I>(name: string, input: z.ZodType<I, z.ZodTypeDef, unknown>, run: (input: I, admin: { openid: string }, now: Date) => Promise<Result<Order>>) =>
  hqAction(name, input, async (payload: I, admin, now) => {
    const outcome = await run(payload, admin, now)
    return outcome.ok ? ok(viewOrder(outcome.data)) : outcome
  })

const orderId = z.string().min(1).max(64)

export const main = defineFunction('hq', {
  shipOrder: orderAction(
    'shipOrder',
    z.object({ orderId, company: z.string().trim().min(1).max(30), trackingNo: z.string().trim().regex(/^[A-Za-z0-9-]{6,40}$/, '请填写正确的物流单号') }).strict(),
    ({ orderId: id, company, trackingNo }, admin, now) =>
      changeOrder(id, (order) =>
        transition(order, 'ship', { kind: 'hq', openid: admin.openid }, now, { shipment: { company, trackingNo, shippedAt: now } }, `${company} ${trackingNo}`),
      ),
  ),
  approveRefund: orderAction('approveRefund', z.object({ orderId }).strict(), ({ orderId: id }, admin, now) =>
    approveRefund(id, { kind: 'hq', openid: admin.openid }, cloudPayGateway, now),
  ),
  rejectRefund: orderAction('rejectRefund', z.object({ orderId, reason: z.string().trim().min(1).max(200) }).strict(), ({ orderId: id, reason }, admin, now) =>
    rejectRefund(id, reason, { kind: 'hq', openid: admin.openid }, now),
  ),
  /** Payment news that did not fit an order (wrong amounts, failed refunds, …), for HQ to review. */
  listPaymentAnomalies: hqAction(
    'listPaymentAnomalies',
    z.object({ page: z.number().int().min(0).max(1000).default(0), pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20) }).strict(),
    ({ page, pageSize }) => listAnomalies(page, pageSize),
  ),
})
