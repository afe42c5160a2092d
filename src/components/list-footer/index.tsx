import { Text, View } from '@tarojs/components'
import type { ListFooter as Footer } from '../../stores/paged-list'
import './index.less'

interface ListFooterProps {
  footer: Footer
  onRetry: () => void
}

/** Under an infinitely scrolling list: the next page on its way, a failed page to retry, or the end. */
export function ListFooter({ footer, onRetry }: ListFooterProps) {
  if (footer === 'none') return <View className='list-footer' />
  if (footer === 'error') {
    return (
      <View className='list-footer list-footer--error' onClick={onRetry}>
        <Text>加载失败，点击重试</Text>
      </View>
    )
  }
  return (
    <View className='list-footer'>
      <Text>{footer === 'loading' ? '加载中…' : '— 没有更多了 —'}</Text>
    </View>
  )
}
