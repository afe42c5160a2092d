import { Text, View } from '@tarojs/components'
import { CARRIER_IDS, type CarrierId } from '../../core/shipping'
import { carrierName } from '../../i18n/zh-CN'
import './carrier-picker.less'

/** The carriers HQ ships with, one chosen. */
export function CarrierPicker({ value, onChange }: { value: CarrierId; onChange(carrier: CarrierId): void }) {
  return (
    <View className='carrier-picker'>
      {CARRIER_IDS.map((carrier) => (
        <Text key={carrier} className={`carrier-picker__item carrier-picker__item--${carrier}${carrier === value ? ' carrier-picker__item--chosen' : ''}`} onClick={() => onChange(carrier)}>
          {carrierName(carrier)}
        </Text>
      ))}
    </View>
  )
}
