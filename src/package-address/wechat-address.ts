import Taro from '@tarojs/taro'
import type { AddressInput } from '../core/address'

/**
 * weapp only: WeChat's own address picker (the buyer's addresses kept by WeChat). Resolves null when
 * the buyer closes it. The result still goes through `addressInput` before it is saved.
 */
export async function chooseWechatAddress(): Promise<AddressInput | null> {
  try {
    const picked = await Taro.chooseAddress()
    return {
      name: picked.userName,
      phone: picked.telNumber,
      province: picked.provinceName,
      city: picked.cityName,
      district: picked.countyName,
      detail: picked.detailInfo,
      isDefault: false,
    }
  } catch {
    return null
  }
}
