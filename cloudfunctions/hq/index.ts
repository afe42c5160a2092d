import { z } from 'zod'
import { Order, transition, viewOrder } from '../../src/core/order'
import { Result, fail, ok } from '../../src/core/result'
import type { User } from '../../src/core/user'
import { cloudPayGateway } from '../_shared/cloud-pay'
import { db } from '../_shared/database'
import { Action, action, defineFunction } from '../_shared/edge'
import { approveRefund, rejectRefund } from '../_shared/orders/refunds'
import { changeOrder } from '../_shared/orders/repository'
import type { Caller } from '../_shared/wx-context'

/**
 * HQ's operations. Only users HQ made admins may call them (looked up by the caller's OPENID), and
 * every call — allowed or refused, succeeded or failed — is written to the audit log with who, what
 * and the outcome.
 */
function hqAction<I>(name: string, input: z.ZodType<I, z.ZodTypeDef, unknown>, run: (input: I, admin: { openid: string }, now: Date) => Promise<Result<Order>>): Action<I, unknown> {
  return action({
    input,
    async handle(payload, caller: Caller) {
      if (!caller.openid) return fail('AUTH_REQUIRED', '请先登录')
      const now = new Date()
      const audit = (outcome: { ok: true } | { ok: false; error: string }) =>
        db.collection('audit_logs').add({ data: { actorOpenid: caller.openid, action: `hq.${name}`, payload, ...outcome, at: now } })
      const { data } = await db.collection<User>('users').where({ openid: caller.openid }).limit(1).get()
      if (data[0]?.role !== 'hq_admin') {
        await audit({ ok: false, error: 'HQ_FORBIDDEN' })
        return fail('HQ_FORBIDDEN', '仅总部管理员可操作')
      }
      let outcome: Result<Order>
      try {
        outcome = await run(payload, { openid: caller.openid }, now)
      } catch (error) {
        await audit({ ok: false, error: 'INTERNAL_ERROR' })
        throw error
      }
      await audit(outcome.ok ? { ok: true } : { ok: false, error: outcome.error.code })
      return outcome.ok ? ok(viewOrder(outcome.data)) : outcome
    },
  })
}

const orderId = z.string().min(1).max(64)

export const main = defineFunction('hq', {
  shipOrder: hqAction(
    'shipOrder',
    z.object({ orderId, company: z.string().trim().min(1).max(30), trackingNo: z.string().trim().regex(/^[A-Za-z0-9-]{6,40}$/, '请填写正确的物流单号') }).strict(),
    ({ orderId: id, company, trackingNo }, admin, now) =>
      changeOrder(id, (order) =>
        transition(order, 'ship', { kind: 'hq', openid: admin.openid }, now, { shipment: { company, trackingNo, shippedAt: now } }, `${company} ${trackingNo}`),
      ),
  ),
  approveRefund: hqAction('approveRefund', z.object({ orderId }).strict(), ({ orderId: id }, admin, now) =>
    approveRefund(id, { kind: 'hq', openid: admin.openid }, cloudPayGateway, now),
  ),
  rejectRefund: hqAction('rejectRefund', z.object({ orderId, reason: z.string().trim().min(1).max(200) }).strict(), ({ orderId: id, reason }, admin, now) =>
    rejectRefund(id, reason, { kind: 'hq', openid: admin.openid }, now),
  ),
})
