import type { Cart } from '../../src/core/cart'
import type { Transaction } from './database'

/**
 * The buyer's cart read by id inside a transaction; the cart is the document its changes write, so
 * two devices changing one cart conflict (and retry) while two buyers' carts never meet. A buyer
 * without a cart yet reads as none.
 */
export async function readCart(tx: Transaction, openid: string): Promise<Cart | undefined> {
  return (await tx.collection<Cart>('carts').doc(openid).get()).data ?? undefined
}
