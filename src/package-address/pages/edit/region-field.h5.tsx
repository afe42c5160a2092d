import { Input, View } from '@tarojs/components'
import type { Region, RegionFieldProps } from './region-field'

const PARTS: Array<[part: keyof Region, placeholder: string]> = [
  ['province', '省份'],
  ['city', '城市'],
  ['district', '区县'],
]

// The browser has no region picker, so 省 / 市 / 区 are typed.
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
