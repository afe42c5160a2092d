import { ReassignTarget, reassignBinding } from '../../src/core/attribution'
import { Result, fail, ok } from '../../src/core/result'
import { isShopOpen } from '../../src/core/shop'
import { changeBinding, currentAttributionRules } from '../_shared/bindings'
import { employeesAmong } from '../_shared/roster'
import { shopById } from '../_shared/shops'

/** Where HQ sends customers: back to HQ, or to a shop named by id. */
export type TargetChoice = { to: 'hq' } | { to: 'shop'; shopId: string }

/** The target as the rules take it: a shop must exist and be active to take customers. */
export async function resolveTarget(choice: TargetChoice): Promise<Result<ReassignTarget>> {
  if (choice.to === 'hq') return ok(choice)
  const shop = await shopById(choice.shopId)
  if (!shop) return fail('SHOP_NOT_FOUND', { shopId: choice.shopId })
  if (!isShopOpen(shop)) return fail('SHOP_NOT_ACTIVE', { shopId: shop._id, status: shop.status })
  return ok({ to: 'shop', shop })
}

/** HQ moves one customer, by its own decision; the move is in the customer's binding history. */
export async function reassignCustomer(admin: string, customerOpenid: string, choice: TargetChoice, now: Date): Promise<Result<{ shopId: string | null }>> {
  const [target, rules, employees] = await Promise.all([resolveTarget(choice), currentAttributionRules(), employeesAmong([customerOpenid])])
  if (!target.ok) return target
  const context = { at: now, reason: 'hq_decision' as const, byOpenid: admin, customerIsEmployee: employees.has(customerOpenid) }
  const moved = await changeBinding(customerOpenid, (binding) => reassignBinding(binding, target.data, context, rules))
  return moved.ok ? ok({ shopId: moved.data.binding.status === 'active' ? moved.data.binding.shopId : null }) : moved
}
