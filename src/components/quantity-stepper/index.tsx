import { Text, View } from '@tarojs/components'
import './index.less'

interface QuantityStepperProps {
  value: number
  min?: number
  max: number
  disabled?: boolean
  onChange: (value: number) => void
}

/** − n +; each button is off at its limit, both while `disabled` (a change in flight). */
export function QuantityStepper({ value, min = 1, max, disabled = false, onChange }: QuantityStepperProps) {
  const canLess = !disabled && value > min
  const canMore = !disabled && value < max
  return (
    <View className={`quantity-stepper${disabled ? ' quantity-stepper--disabled' : ''}`}>
      <View
        className={`quantity-stepper__button${canLess ? '' : ' quantity-stepper__button--off'}`}
        onClick={(event) => {
          event.stopPropagation()
          if (canLess) onChange(value - 1)
        }}
      >
        <Text>−</Text>
      </View>
      <Text className='quantity-stepper__value'>{value}</Text>
      <View
        className={`quantity-stepper__button${canMore ? '' : ' quantity-stepper__button--off'}`}
        onClick={(event) => {
          event.stopPropagation()
          if (canMore) onChange(value + 1)
        }}
      >
        <Text>+</Text>
      </View>
    </View>
  )
}
