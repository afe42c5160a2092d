import { z } from 'zod'
import { MAX_CART_LINES, type CartView } from '../core/cart'
import { MAX_QUANTITY_PER_LINE } from '../core/pricing'
import { action, defineContract, returns } from './contract'

const skuId = z.string().min(1).max(80)
const quantity = z.number().int().min(1).max(MAX_QUANTITY_PER_LINE)
const cart = returns<CartView>()

/** Every action answers with the cart as the page shows it. */
export const cartContract = defineContract('cart', {
  getCart: action({ input: z.object({}).strict(), output: cart }),
  addToCart: action({
    input: z.object({ skuId, quantity }).strict(),
    output: cart,
    errors: ['CART_PRODUCT_UNAVAILABLE', 'CART_QUANTITY_TOO_LARGE', 'CART_OUT_OF_STOCK', 'CART_FULL'],
  }),
  setQuantity: action({ input: z.object({ skuId, quantity }).strict(), output: cart, errors: ['CART_LINE_NOT_FOUND', 'CART_OUT_OF_STOCK'] }),
  removeFromCart: action({ input: z.object({ skuIds: z.array(skuId).min(1).max(MAX_CART_LINES) }).strict(), output: cart }),
  selectLines: action({
    input: z.object({ skuIds: z.union([z.literal('all'), z.array(skuId).max(MAX_CART_LINES)]), selected: z.boolean() }).strict(),
    output: cart,
  }),
})
