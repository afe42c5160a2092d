import { z } from 'zod'
import type { ProductPage } from '../core/catalog'
import { shopPicksInput, shopProfileInput, type Shop, type ShopPicks, type ShopProfileInput, type ShopStatus } from '../core/shop'
import type { Profile } from '../core/user'
import { action, defineContract, returns } from './contract'
import { paging } from './paging'

const shopId = z.string().min(1).max(64)

/** A shop as anyone may see it: on its home page and on the orders it sold. Never the owner's openid. */
export interface ShopCard {
  _id: string
  name: string
  avatar: string
  intro: string
  /** The owner's name from HQ's roster (店主). */
  ownerName: string
  status: ShopStatus
}

/** The employee's own shop as 我的小店 shows it; before opening, what the open-shop screen starts with. */
export interface MyShop {
  shop: Shop | null
  /** The roster entry the caller verified as. */
  employee: { employeeNo: string; name: string; department: string }
  defaults: { profile: ShopProfileInput; picks: ShopPicks }
  /** On: a new shop waits for HQ's review. */
  reviewRequired: boolean
}

/** 全员开店: employees verify against HQ's roster, open and run their shop; anyone may visit one. */
export const shopContract = defineContract('shop', {
  /**
   * The one way in: an employee number from HQ's roster and the last 4 digits of the phone HQ has on
   * file (or HQ's invitation code). Wrong attempts are limited per WeChat account.
   */
  verifyEmployee: action({
    input: z.object({ employeeNo: z.string().trim().min(1).max(32), code: z.string().trim().min(4).max(32) }).strict(),
    output: returns<Profile>(),
    errors: ['EMPLOYEE_VERIFY_FAILED', 'EMPLOYEE_VERIFY_RATE_LIMITED', 'EMPLOYEE_INACTIVE', 'EMPLOYEE_ALREADY_VERIFIED'],
  }),
  getMyShop: action({ input: z.object({}).strict(), output: returns<MyShop>(), errors: ['EMPLOYEE_REQUIRED'] }),
  openShop: action({
    input: z.object({ profile: shopProfileInput, picks: shopPicksInput.optional() }).strict(),
    output: returns<Shop>(),
    errors: ['EMPLOYEE_REQUIRED', 'SHOP_ALREADY_OPEN', 'SHOP_PICKS_UNKNOWN'],
  }),
  updateShop: action({
    input: z.object({ profile: shopProfileInput }).strict(),
    output: returns<Shop>(),
    errors: ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND', 'SHOP_CLOSED'],
  }),
  /** 选品: the whole catalog, whole categories, or products one by one, in the owner's order. */
  setPicks: action({
    input: z.object({ picks: shopPicksInput }).strict(),
    output: returns<Shop>(),
    errors: ['EMPLOYEE_REQUIRED', 'SHOP_NOT_FOUND', 'SHOP_CLOSED', 'SHOP_PICKS_UNKNOWN'],
  }),
  /** The shop home's header. */
  getShop: action({ input: z.object({ shopId }).strict(), output: returns<ShopCard>(), errors: ['SHOP_NOT_FOUND'] }),
  /** The shop home's products: its picks in the owner's order, on the shelf, optionally matching a keyword. */
  listShopProducts: action({
    input: z.object({ shopId, keyword: z.string().trim().max(30).optional(), ...paging(20) }).strict(),
    output: returns<ProductPage>(),
    errors: ['SHOP_NOT_FOUND'],
  }),
})
