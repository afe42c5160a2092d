import { Picker, Text, View } from '@tarojs/components'
import type { RegionFieldProps } from './region-field'

// WeChat's own 省市区 picker: its data ships with WeChat, not with the mini program.
export function RegionField({ value, onChange }: RegionFieldProps) {
  const chosen = Boolean(value.province)
  return (
    <Picker
      mode='region'
      value={chosen ? [value.province, value.city, value.district] : []}
      onChange={(event) => {
        const [province = '', city = '', district = ''] = event.detail.value as string[]
        onChange({ province, city, district })
      }}
    >
      <View className='address-form__region'>
        <Text className={chosen ? '' : 'address-form__placeholder'}>
          {chosen ? `${value.province} ${value.city} ${value.district}` : '选择省 / 市 / 区'}
        </Text>
      </View>
    </Picker>
  )
}
