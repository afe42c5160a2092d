import { z } from 'zod'
import { Address, AddressBook, MAX_ADDRESSES, addressInput, emptyAddressBook, removeFromBook, saveInBook } from '../../src/core/address'
import { Result, fail, ok } from '../../src/core/result'
import { Transaction, db, inTransaction } from '../_shared/database'
import { action, defineFunction } from '../_shared/edge'

const addresses = db.collection<Address>('addresses')
const addressId = z.string().min(1).max(64)

/** The caller's addresses, the default first, then the most recently used. */
async function listFor(openid: string): Promise<Address[]> {
  const { data } = await addresses.where({ openid }).orderBy('updatedAt', 'desc').limit(MAX_ADDRESSES).get()
  return [...data.filter((a) => a.isDefault), ...data.filter((a) => !a.isDefault)]
}

/**
 * Changes the caller's address book in a transaction that writes the book (see AddressBook), so
 * concurrent saves and deletes run one after the other; the default flag on the address documents
 * follows the book. A buyer whose addresses predate the book gets one made from them.
 */
async function changeBook<T>(
  openid: string,
  change: (tx: Transaction, book: AddressBook, now: Date) => Promise<Result<{ book: AddressBook; value: T }>>,
): Promise<Result<T>> {
  const { data: stored } = await db.collection<AddressBook>('address_books').doc(openid).get()
  const earlier = stored ? [] : await listFor(openid)
  return inTransaction(async (tx) => {
    const now = new Date()
    const ref = tx.collection<AddressBook>('address_books').doc(openid)
    const { data: current } = await ref.get()
    const before = current ?? { ...emptyAddressBook(openid, now), addressIds: earlier.map((a) => a._id), defaultId: earlier.find((a) => a.isDefault)?._id }
    const changed = await change(tx, before, now)
    if (!changed.ok) return changed
    const after = changed.data.book
    if (before.defaultId !== after.defaultId) {
      const docs = tx.collection<Address>('addresses')
      if (before.defaultId && after.addressIds.includes(before.defaultId)) await docs.doc(before.defaultId).update({ data: { isDefault: false } })
      if (after.defaultId) await docs.doc(after.defaultId).update({ data: { isDefault: true } })
    }
    const { _id, ...fields } = after
    if (current) await ref.set({ data: fields })
    else await tx.collection<AddressBook>('address_books').add({ data: after })
    return ok(changed.data.value)
  })
}

export const main = defineFunction('address', {
  listAddresses: action({
    input: z.object({}).strict(),
    async handle(_input, caller) {
      return ok({ items: caller.openid ? await listFor(caller.openid) : [] })
    },
  }),

  /** Adds or edits an address; the first one, or one marked default, becomes the only default. */
  saveAddress: action({
    input: z.object({ addressId: addressId.optional(), address: addressInput }).strict(),
    async handle(input, caller) {
      const openid = caller.openid
      if (!openid) return fail('AUTH_REQUIRED')
      const { isDefault: markDefault, ...details } = input.address
      return changeBook(openid, async (tx, book, now) => {
        const docs = tx.collection<Address>('addresses')
        const current = input.addressId && book.addressIds.includes(input.addressId) ? (await docs.doc(input.addressId).get()).data : null
        if (input.addressId && !current) return fail('ADDRESS_NOT_FOUND')
        // The default flag is the book's to set (changeBook); a new address starts without it.
        const id = current?._id ?? (await docs.add({ data: { ...details, isDefault: false, openid, createdAt: now, updatedAt: now } }))._id
        if (current) await docs.doc(id).update({ data: { ...details, updatedAt: now } })
        // A full book refuses a new address here, and the refusal rolls its insert back.
        const after = saveInBook(book, id, markDefault, now)
        if (!after.ok) return after
        const saved: Address = { ...(current ?? { openid, createdAt: now }), ...details, updatedAt: now, isDefault: after.data.defaultId === id, _id: id }
        return ok({ book: after.data, value: saved })
      })
    },
  }),

  deleteAddress: action({
    input: z.object({ addressId }).strict(),
    async handle({ addressId: id }, caller) {
      const openid = caller.openid
      if (!openid) return fail('AUTH_REQUIRED')
      return changeBook(openid, async (tx, book, now) => {
        if (!book.addressIds.includes(id)) return fail('ADDRESS_NOT_FOUND')
        await tx.collection<Address>('addresses').doc(id).remove()
        return ok({ book: removeFromBook(book, id, now), value: {} })
      })
    },
  }),
})
