import { Input, View } from '@tarojs/components'

export interface Region {
  province: string
  city: string
  district: string
}

interface RegionFieldProps {
  value: Region
  onChange: (region: Region) => void
}

// H5: the browser has no region picker, so 省 / 市 / 区 are typed. The weapp build uses WeChat's
// region picker instead (region-field.weapp.tsx).
export function RegionField({ value, onChange }: RegionFieldProps) {
  return (
    <View className='address-form__region'>
      <Input
        className='address-form__region-input'
        value={value.province}
        placeholder='省份'
        maxlength={20}
        onInput={(event) => onChange({ ...value, province: event.detail.value })}
      />
      <Input
        className='address-form__region-input'
        value={value.city}
        placeholder='城市'
        maxlength={20}
        onInput={(event) => onChange({ ...value, city: event.detail.value })}
      />
      <Input
        className='address-form__region-input'
        value={value.district}
        placeholder='区县'
        maxlength={20}
        onInput={(event) => onChange({ ...value, district: event.detail.value })}
      />
    </View>
  )
}
