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

const PARTS: Array<[part: keyof Region, placeholder: string]> = [
  ['province', '省份'],
  ['city', '城市'],
  ['district', '区县'],
]

// H5: the browser has no region picker, so 省 / 市 / 区 are typed. The weapp build uses WeChat's
// region picker instead (region-field.weapp.tsx).
export function RegionField({ value, onChange }: RegionFieldProps) {
  return (
    <View className='address-form__region'>
      {PARTS.map(([part, placeholder]) => (
        <Input
          key={part}
          className='address-form__region-input'
          value={value[part]}
          placeholder={placeholder}
          maxlength={20}
          onInput={(event) => onChange({ ...value, [part]: event.detail.value })}
        />
      ))}
    </View>
  )
}
