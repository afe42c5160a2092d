import type { Cart } from '../../src/core/cart'
import type { Database } from './database'

/**
 * The buyer's cart read by id inside a transaction, which locks just that cart: two buyers' carts
 * never hold each other up. A buyer without a cart yet reads as none.
 */
export async function readCart(tx: Database, openid: string): Promise<Cart | undefined> {
  try {
    return (await tx.collection<Cart>('carts').doc(openid).get()).data
  } catch {
    return undefined
  }
}
