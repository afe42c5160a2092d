import { z } from 'zod'
import { Result, fail, ok } from './result'

/**
 * Why the address schema refuses a field: the message of each of its checks is one of these codes, so
 * the form — and a function's INVALID_INPUT issues — say which rule failed; the words are the client's.
 */
export const ADDRESS_FIELD_PROBLEMS = [
  'ADDRESS_NAME_MISSING',
  'ADDRESS_NAME_TOO_LONG',
  'ADDRESS_PHONE_INVALID',
  'ADDRESS_PROVINCE_MISSING',
  'ADDRESS_CITY_MISSING',
  'ADDRESS_REGION_TOO_LONG',
  'ADDRESS_DETAIL_MISSING',
  'ADDRESS_DETAIL_TOO_LONG',
] as const

export type AddressFieldProblem = (typeof ADDRESS_FIELD_PROBLEMS)[number]

/** A check's message, typed so that no check carries a code the client has no words for. */
const problem = (code: AddressFieldProblem): string => code

/** How long each field may be, in characters: the schema checks them and the form counts towards them. */
export const ADDRESS_LIMITS = { name: 20, region: 20, detail: 120 } as const

/** Room for a mainland mobile number as people write it: "+86 138-0013-8000", "0086 138 0013 8000". */
export const PHONE_INPUT_MAX_LENGTH = 20

const FULL_WIDTH = /[\uff01-\uff5e]/g
const SEPARATORS = /[\s\u00a0\u3000\-\u2010-\u2015\u2212().]/g

/**
 * A mainland mobile number as it is kept (13800138000), from the ways people type or paste one:
 * full-width digits, spaces, dashes, brackets, and the country code +86 / 0086 / 86 in front. Anything
 * else is left as typed, for the schema to refuse.
 */
export function normalizePhone(raw: string): string {
  const plain = raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SEPARATORS, '')
  return plain.replace(/^(?:\+|00)?86(?=1\d{10}$)/, '')
}

/**
 * A delivery address as the buyer keeps it (地址簿). On weapp it comes from `chooseAddress`, on H5 from
 * the address form; both are checked by the same schema.
 */
export const addressInput = z
  .object({
    name: z.string().trim().min(1, problem('ADDRESS_NAME_MISSING')).max(ADDRESS_LIMITS.name, problem('ADDRESS_NAME_TOO_LONG')),
    phone: z.string().max(PHONE_INPUT_MAX_LENGTH, problem('ADDRESS_PHONE_INVALID')).transform(normalizePhone).pipe(z.string().regex(/^1[3-9]\d{9}$/, problem('ADDRESS_PHONE_INVALID'))),
    province: z.string().trim().min(1, problem('ADDRESS_PROVINCE_MISSING')).max(ADDRESS_LIMITS.region, problem('ADDRESS_REGION_TOO_LONG')),
    city: z.string().trim().min(1, problem('ADDRESS_CITY_MISSING')).max(ADDRESS_LIMITS.region, problem('ADDRESS_REGION_TOO_LONG')),
    district: z.string().trim().max(ADDRESS_LIMITS.region, problem('ADDRESS_REGION_TOO_LONG')).default(''),
    detail: z.string().trim().min(2, problem('ADDRESS_DETAIL_MISSING')).max(ADDRESS_LIMITS.detail, problem('ADDRESS_DETAIL_TOO_LONG')),
    isDefault: z.boolean().default(false),
  })
  .strict()

export type AddressInput = z.infer<typeof addressInput>

export interface Address extends AddressInput {
  _id: string
  openid: string
  createdAt: Date
  updatedAt: Date
}

/** The address as the order keeps it: later edits to the address book never change an order. */
export type AddressSnapshot = Pick<Address, 'name' | 'phone' | 'province' | 'city' | 'district' | 'detail'>

export const MAX_ADDRESSES = 20

/**
 * Which addresses are the buyer's and which is the default, kept as one document per buyer (its id is
 * the OPENID). Every change to the address book writes it, so two changes at once conflict and run
 * one after the other — a check such as "fewer than 20" or "exactly one default" spread over many
 * address documents could otherwise pass for both.
 */
export interface AddressBook {
  _id: string
  /** Most recently saved first. */
  addressIds: string[]
  defaultId?: string
  updatedAt: Date
}

export const emptyAddressBook = (openid: string, now: Date): AddressBook => ({ _id: openid, addressIds: [], updatedAt: now })

/**
 * The book after saving address `id` (new, or one of the book's). The first address, or one marked
 * default, becomes the only default; saving the default without the mark keeps it the default.
 */
export function saveInBook(book: AddressBook, id: string, markDefault: boolean, now: Date): Result<AddressBook> {
  const isNew = !book.addressIds.includes(id)
  if (isNew && book.addressIds.length >= MAX_ADDRESSES) return fail('ADDRESS_BOOK_FULL', { max: MAX_ADDRESSES })
  const defaultId = markDefault || !book.defaultId ? id : book.defaultId
  return ok({ ...book, addressIds: [id, ...book.addressIds.filter((a) => a !== id)], defaultId, updatedAt: now })
}

/** The book after removing address `id`; while any address is left, one is the default (the most recently saved). */
export function removeFromBook(book: AddressBook, id: string, now: Date): AddressBook {
  const addressIds = book.addressIds.filter((a) => a !== id)
  const defaultId = book.defaultId === id || !book.defaultId ? addressIds[0] : book.defaultId
  return { ...book, addressIds, defaultId, updatedAt: now }
}

export function snapshotOf(address: AddressSnapshot): AddressSnapshot {
  const { name, phone, province, city, district, detail } = address
  return { name, phone, province, city, district, detail }
}

export const addressLine = (a: AddressSnapshot): string => `${a.province}${a.city}${a.district}${a.detail}`

/** 138****8000, for lists where the full number is not needed. */
export const maskedPhone = (phone: string): string => phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')
