import { addressContract } from '../../src/contracts/address'
import { Address, AddressBook, MAX_ADDRESSES, emptyAddressBook, removeFromBook, saveInBook } from '../../src/core/address'
import { Result, fail, ok } from '../../src/core/result'
import { Transaction, db, inTransaction } from '../_shared/database'
import { defineFunction } from '../_shared/edge'

const addresses = db.collection<Address>('addresses')

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
  now: Date,
  change: (tx: Transaction, book: AddressBook) => Promise<Result<{ book: AddressBook; value: T }>>,
): Promise<Result<T>> {
  const { data: stored } = await db.collection<AddressBook>('address_books').doc(openid).get()
  const earlier = stored ? [] : await listFor(openid)
  return inTransaction(async (tx) => {
    const ref = tx.collection<AddressBook>('address_books').doc(openid)
    const { data: current } = await ref.get()
    const before = current ?? { ...emptyAddressBook(openid, now), addressIds: earlier.map((a) => a._id), defaultId: earlier.find((a) => a.isDefault)?._id }
    const changed = await change(tx, before)
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

export const main = defineFunction(addressContract, {
  listAddresses: {
    access: 'anyone',
    async handle(_input, caller) {
      return ok({ items: caller.openid ? await listFor(caller.openid) : [] })
    },
  },

  saveAddress: {
    access: 'caller',
    async handle(input, { openid }, now) {
      const { isDefault: markDefault, ...details } = input.address
      return changeBook(openid, now, async (tx, book) => {
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
  },

  deleteAddress: {
    access: 'caller',
    async handle({ addressId: id }, { openid }, now) {
      return changeBook(openid, now, async (tx, book) => {
        if (!book.addressIds.includes(id)) return fail('ADDRESS_NOT_FOUND')
        await tx.collection<Address>('addresses').doc(id).remove()
        return ok({ book: removeFromBook(book, id, now), value: {} })
      })
    },
  },
})
