import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import './index.less'

interface ActionButtonProps {
  className: string
  disabled?: boolean
  /** A request in flight: a spinner, and no second tap. */
  loading?: boolean
  onClick?: () => void
}

/**
 * A tappable button styled by its caller. Not Taro's Button: WXSS has no attribute selectors and the
 * H5 Button always carries a `disabled` attribute, so a disabled look could not be styled the same
 * way on both; here it is a class (`action-button--disabled`) everywhere.
 */
export function ActionButton({ className, disabled = false, loading = false, onClick, children }: PropsWithChildren<ActionButtonProps>) {
  const off = disabled || loading
  return (
    <View
      className={`action-button ${className}${off ? ' action-button--disabled' : ''}`}
      onClick={(event) => {
        event.stopPropagation()
        if (!off) onClick?.()
      }}
    >
      {loading && <View className='action-button__spinner' />}
      {children}
    </View>
  )
}
