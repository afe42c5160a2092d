import { Input, Text, View } from '@tarojs/components'

interface TextFieldProps {
  label: string
  /** The field's own class, by which tests find it. */
  className: string
  value: string
  maxlength: number
  placeholder?: string
  /** `digit`: the number pad with a decimal point (an amount). */
  type?: 'text' | 'digit'
  /** Why the server refused this field, in words. */
  error?: string
  onInput: (value: string) => void
}

/** A labelled one-line field of the shop's forms (styles in shop.less), its refusal under it. */
export function TextField({ label, className, value, maxlength, placeholder, type = 'text', error, onInput }: TextFieldProps) {
  return (
    <View className='shop-page__field'>
      <Text className='shop-page__label'>{label}</Text>
      <Input
        className={`shop-page__input ${className}`}
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(event) => onInput(event.detail.value)}
      />
      {error && <Text className='shop-page__error'>{error}</Text>}
    </View>
  )
}
