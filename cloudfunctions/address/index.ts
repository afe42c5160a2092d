import { z } from 'zod'
import { Address, MAX_ADDRESSES, addressInput } from '../../src/core/address'
import { fail, ok } from '../../src/core/result'
import { _, db } from '../_shared/database'
import { action, defineFunction } from '../_shared/edge'

const addresses = db.collection<Address>('addresses')
const addressId = z.string().min(1).max(64)

/** The caller's addresses, the default first, then the most recently used. */
async function listFor(openid: string): Promise<Address[]> {
  const { data } = await addresses.where({ openid }).orderBy('updatedAt', 'desc').limit(MAX_ADDRESSES).get()
  return [...data.filter((a) => a.isDefault), ...data.filter((a) => !a.isDefault)]
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
      if (!openid) return fail('AUTH_REQUIRED', '请先登录')
      const mine = await listFor(openid)
      const existing = input.addressId ? mine.find((a) => a._id === input.addressId) : undefined
      if (input.addressId && !existing) return fail('ADDRESS_NOT_FOUND', '地址不存在')
      if (!existing && mine.length >= MAX_ADDRESSES) return fail('ADDRESS_BOOK_FULL', `最多保存 ${MAX_ADDRESSES} 个地址`)
      const now = new Date()
      const isDefault = input.address.isDefault || mine.length === 0 || (existing?.isDefault ?? false)
      const fields = { ...input.address, isDefault, updatedAt: now }
      let id = existing?._id
      if (existing) await addresses.doc(existing._id).update({ data: fields })
      else id = (await addresses.add({ data: { ...fields, openid, createdAt: now } }))._id
      if (isDefault) await addresses.where({ openid, isDefault: true, _id: _.neq(id) }).update({ data: { isDefault: false } })
      return ok({ ...(existing ?? { openid, createdAt: now }), ...fields, _id: id! } as Address)
    },
  }),

  deleteAddress: action({
    input: z.object({ addressId }).strict(),
    async handle({ addressId: id }, caller) {
      if (!caller.openid) return fail('AUTH_REQUIRED', '请先登录')
      const { stats } = await addresses.where({ _id: id, openid: caller.openid }).remove()
      if (stats.removed === 0) return fail('ADDRESS_NOT_FOUND', '地址不存在')
      // Keep one default while any address is left.
      const left = await listFor(caller.openid)
      if (left.length > 0 && !left.some((a) => a.isDefault)) await addresses.doc(left[0]._id).update({ data: { isDefault: true } })
      return ok({})
    },
  }),
})
