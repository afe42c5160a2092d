import { Text } from '@tarojs/components'
import './index.less'

interface LengthCounterProps {
  length: number
  max: number
  className?: string
}

/** `12/200` under a text field, as the buyer types; over the limit it turns red. */
export function LengthCounter({ length, max, className = '' }: LengthCounterProps) {
  return <Text className={`length-counter${length > max ? ' length-counter--over' : ''} ${className}`}>{`${length}/${max}`}</Text>
}
