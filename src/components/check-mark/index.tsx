import { View } from '@tarojs/components'
import './index.less'

interface CheckMarkProps {
  checked: boolean
  disabled?: boolean
  onToggle?: () => void
}

/** The round check of a cart line or an address, drawn in CSS. */
export function CheckMark({ checked, disabled = false, onToggle }: CheckMarkProps) {
  const modifier = disabled ? ' check-mark--disabled' : checked ? ' check-mark--checked' : ''
  return (
    <View
      className={`check-mark${modifier}`}
      onClick={(event) => {
        event.stopPropagation()
        if (!disabled) onToggle?.()
      }}
    />
  )
}
