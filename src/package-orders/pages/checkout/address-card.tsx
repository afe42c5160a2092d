import { Text, View } from '@tarojs/components'
import { maskedPhone, type Address } from '../../../core/address'
import { DeliveryAddress } from '../../components/delivery-address'

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
      <DeliveryAddress address={address} phone={maskedPhone(address.phone)} isDefault={address.isDefault} />
      <Text className='checkout__chevron'>›</Text>
    </View>
  )
}
