import { Button, Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { openSignIn } from '../../routes'
import type { CloudError } from '../../services/cloud'
import './index.less'

interface StatusViewProps {
  loading?: boolean
  error?: CloudError | null
  onRetry?: () => void
  empty?: boolean
  emptyText?: string
  emptyActionText?: string
  onEmptyAction?: () => void
}

/** Shows loading, error (with retry) or empty in that priority; renders `children` once there is content. */
export function StatusView(props: PropsWithChildren<StatusViewProps>) {
  const { loading, error, onRetry, empty, emptyText = '这里还什么都没有', emptyActionText, onEmptyAction, children } = props

  if (loading) {
    return (
      <View className='status-view'>
        <View className='status-view__spinner' />
        <Text className='status-view__text'>加载中…</Text>
      </View>
    )
  }
  if (error) {
    return (
      <View className='status-view'>
        <Text className='status-view__text'>{error.message}</Text>
        {error.code === 'AUTH_REQUIRED' ? (
          <Button className='status-view__button' onClick={openSignIn}>去登录</Button>
        ) : (
          onRetry && <Button className='status-view__button' onClick={onRetry}>重试</Button>
        )}
      </View>
    )
  }
  if (empty) {
    return (
      <View className='status-view'>
        <View className='status-view__empty-mark' />
        <Text className='status-view__text'>{emptyText}</Text>
        {emptyActionText && onEmptyAction && (
          <Button className='status-view__button' onClick={onEmptyAction}>{emptyActionText}</Button>
        )}
      </View>
    )
  }
  return <>{children}</>
}
