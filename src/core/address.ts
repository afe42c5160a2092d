import { z } from 'zod'

/**
 * A delivery address as the buyer keeps it (地址簿). On weapp it comes from `chooseAddress`, on H5 from
 * the address form; both are checked by the same schema.
 */
export const addressInput = z
  .object({
    name: z.string().trim().min(1, '请填写收货人').max(20, '收货人姓名过长'),
    phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '请填写正确的手机号'),
    province: z.string().trim().min(1, '请选择省份').max(20),
    city: z.string().trim().min(1, '请选择城市').max(20),
    district: z.string().trim().max(20).default(''),
    detail: z.string().trim().min(2, '请填写详细地址').max(120, '详细地址过长'),
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

export function snapshotOf(address: AddressSnapshot): AddressSnapshot {
  const { name, phone, province, city, district, detail } = address
  return { name, phone, province, city, district, detail }
}

export const addressLine = (a: AddressSnapshot): string => `${a.province}${a.city}${a.district}${a.detail}`

/** 138****8000, for lists where the full number is not needed. */
export const maskedPhone = (phone: string): string => phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')
