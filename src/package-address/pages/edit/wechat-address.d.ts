// Taro builds wechat-address.weapp.tsx or wechat-address.h5.tsx for `./wechat-address`; this
// declaration is what TypeScript sees, and what both platform files implement.
import type { ReactElement } from 'react'
import type { AddressInput } from '../../../core/address'

export interface WechatAddressProps {
  onPick: (address: AddressInput) => void
}

/** 使用微信收货地址 in WeChat, which keeps the buyer's addresses; nothing on H5. */
export declare function WechatAddress(props: WechatAddressProps): ReactElement | null
