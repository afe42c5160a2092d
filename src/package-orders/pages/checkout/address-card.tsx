import { Text, View } from '@tarojs/components'
import { addressLine, maskedPhone, type Address } from '../../../core/address'

interface AddressCardProps {
  address: Address | null
  loading: boolean
  onChoose: () => void
  onAdd: () => void
}

/** Where the order goes; tapping it opens the address book to pick another. */
export function AddressCard({ address, loading, onChoose, onAdd }: AddressCardProps) {
  if (!address) {
    return (
      <View className='checkout__card checkout__address checkout__address--empty' onClick={() => !loading && onAdd()}>
        <View className='checkout__address-plus' />
        <Text className='checkout__address-add'>{loading ? '正在读取收货地址…' : '添加收货地址'}</Text>
        <Text className='checkout__chevron'>›</Text>
      </View>
    )
  }
  return (
    <View className='checkout__card checkout__address' onClick={onChoose}>
      <View className='checkout__address-body'>
        <View className='checkout__address-head'>
          <Text className='checkout__address-name'>{address.name}</Text>
          <Text className='checkout__address-phone'>{maskedPhone(address.phone)}</Text>
          {address.isDefault && <Text className='checkout__address-tag'>默认</Text>}
        </View>
        <Text className='checkout__address-line'>{addressLine(address)}</Text>
      </View>
      <Text className='checkout__chevron'>›</Text>
    </View>
  )
}
