import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AddressInput } from '../../../core/address'
import type { WechatAddressProps } from './wechat-address'

/**
 * WeChat's own address picker (the buyer's addresses kept by WeChat). Resolves null when the buyer
 * closes it. The result still goes through `addressInput` before it is saved.
 */
async function chooseWechatAddress(): Promise<AddressInput | null> {
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

export function WechatAddress({ onPick }: WechatAddressProps) {
  const choose = async () => {
    const picked = await chooseWechatAddress()
    if (picked) onPick(picked)
  }
  return (
    <View className='address-form__wechat' onClick={() => void choose()}>
      <Text>使用微信收货地址</Text>
      <Text className='address-form__chevron'>›</Text>
    </View>
  )
}
