import type { addressContract } from './address'
import type { cartContract } from './cart'
import type { catalogContract } from './catalog'
import type { commissionContract } from './commission'
import type { favoritesContract } from './favorites'
import { functionRef } from './contract'
import type { hqContract } from './hq'
import type { hqOrdersContract } from './hq-orders'
import type { hqCatalogContract } from './hq-catalog'
import type { hqReportsContract } from './hq-reports'
import type { hqFilesContract } from './hq-files'
import type { hqMarketingContract } from './hq-marketing'
import type { orderContract } from './order'
import type { referralContract } from './referral'
import type { shopContract } from './shop'
import type { userContract } from './user'

/**
 * The cloud functions as the mini program calls them: `cloud.call(orderFunction, 'placeOrder', …)`.
 * Type-only imports of the contracts, so their zod schemas are not bundled into the client; a name that
 * does not match its contract's is a type error.
 */
export const addressFunction = functionRef<typeof addressContract>('address')
export const cartFunction = functionRef<typeof cartContract>('cart')
export const catalogFunction = functionRef<typeof catalogContract>('catalog')
export const commissionFunction = functionRef<typeof commissionContract>('commission')
export const favoritesFunction = functionRef<typeof favoritesContract>('favorites')
export const hqFunction = functionRef<typeof hqContract>('hq')
export const hqOrdersFunction = functionRef<typeof hqOrdersContract>('hq-orders')
export const hqReportsFunction = functionRef<typeof hqReportsContract>('hq-reports')
export const hqFilesFunction = functionRef<typeof hqFilesContract>('hq-files')
export const hqCatalogFunction = functionRef<typeof hqCatalogContract>('hq-catalog')
export const hqMarketingFunction = functionRef<typeof hqMarketingContract>('hq-marketing')
export const orderFunction = functionRef<typeof orderContract>('order')
export const userFunction = functionRef<typeof userContract>('user')
export const shopFunction = functionRef<typeof shopContract>('shop')
export const referralFunction = functionRef<typeof referralContract>('referral')
