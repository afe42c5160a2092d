import { Text, View } from '@tarojs/components'
import { addressLine, type AddressSnapshot } from '../../../core/address'
import './index.less'

interface DeliveryAddressProps {
  address: AddressSnapshot
  /** Shown as given: masked where others may see the screen, whole on the buyer's own order. */
  phone: string
  isDefault?: boolean
}

/** Who receives the order and where: the same block at checkout and on the order page. */
export function DeliveryAddress({ address, phone, isDefault = false }: DeliveryAddressProps) {
  return (
    <View className='delivery-address'>
      <View className='delivery-address__head'>
        <Text className='delivery-address__name'>{address.name}</Text>
        <Text className='delivery-address__phone'>{phone}</Text>
        {isDefault && <Text className='delivery-address__tag'>默认</Text>}
      </View>
      <Text className='delivery-address__line'>{addressLine(address)}</Text>
    </View>
  )
}
