import { MyShop, shopContract } from '../../src/contracts/shop'
import { Result, fail, ok } from '../../src/core/result'
import { shopDefaults } from '../../src/core/shop'
import { SHOP_DEFAULT_WORDS } from '../../src/i18n/zh-CN'
import { SignedInCaller, defineFunction } from '../_shared/edge'
import { RosterEntry, employeeOf } from '../_shared/roster'
import { currentShopOpening, shopById, shopCardOf, shopOfOwner } from '../_shared/shops'
import { openEmployeeShop, setShopPicks, updateShopProfile } from './run-shop'
import { listShopProducts } from './shop-products'
import { verifyEmployee } from './verify-employee'

/** Runs `then` for a verified, active employee; anyone else is asked to verify first. */
async function asEmployee<T>(caller: SignedInCaller, then: (employee: RosterEntry) => Promise<Result<T>>): Promise<Result<T>> {
  const employee = await employeeOf(caller.openid)
  return employee ? then(employee) : fail('EMPLOYEE_REQUIRED')
}

/** 全员开店: employees verify against HQ's roster and run their shop; anyone may visit a shop. */
export const main = defineFunction(shopContract, {
  verifyEmployee: {
    access: 'caller',
    handle: ({ employeeNo, code }, caller, now) => verifyEmployee(caller.openid, employeeNo, code, now),
  },

  getMyShop: {
    access: 'caller',
    handle: (_input, caller) =>
      asEmployee(caller, async (employee) => {
        const [shop, opening] = await Promise.all([shopOfOwner(caller.openid), currentShopOpening()])
        const { employeeNo, name, department } = employee
        return ok<MyShop>({
          shop,
          employee: { employeeNo, name, department },
          // The words are the client's table, handed to the core: the form opens with them filled in.
          defaults: shopDefaults(employee, SHOP_DEFAULT_WORDS),
          reviewRequired: opening.reviewRequired,
        })
      }),
  },

  openShop: {
    access: 'caller',
    handle: ({ profile, picks }, caller, now) =>
      asEmployee(caller, (employee) => openEmployeeShop(employee, caller.openid, profile, picks ?? shopDefaults(employee, SHOP_DEFAULT_WORDS).picks, now)),
  },

  updateShop: {
    access: 'caller',
    handle: ({ profile }, caller, now) => asEmployee(caller, () => updateShopProfile(caller.openid, profile, now)),
  },

  setPicks: {
    access: 'caller',
    handle: ({ picks }, caller, now) => asEmployee(caller, () => setShopPicks(caller.openid, picks, now)),
  },

  getShop: {
    access: 'anyone',
    async handle({ shopId }) {
      const shop = await shopById(shopId)
      return shop ? ok(await shopCardOf(shop)) : fail('SHOP_NOT_FOUND', { shopId })
    },
  },

  listShopProducts: {
    access: 'anyone',
    async handle({ shopId, keyword, page, pageSize }) {
      const shop = await shopById(shopId)
      return shop ? ok(await listShopProducts(shop, keyword, page, pageSize)) : fail('SHOP_NOT_FOUND', { shopId })
    },
  },
})
