import { z } from 'zod'
import { addressInput, type Address } from '../core/address'
import { action, defineContract, returns } from './contract'

const addressId = z.string().min(1).max(64)

export const addressContract = defineContract('address', {
  /** The caller's addresses, the default first, then the most recently used. */
  listAddresses: action({ input: z.object({}).strict(), output: returns<{ items: Address[] }>() }),
  /** Adds or edits an address; the first one, or one marked default, becomes the only default. */
  saveAddress: action({
    input: z.object({ addressId: addressId.optional(), address: addressInput }).strict(),
    output: returns<Address>(),
    errors: ['ADDRESS_NOT_FOUND', 'ADDRESS_BOOK_FULL'],
  }),
  deleteAddress: action({ input: z.object({ addressId }).strict(), output: returns<Record<string, never>>(), errors: ['ADDRESS_NOT_FOUND'] }),
})
