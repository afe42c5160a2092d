import { Text, View } from '@tarojs/components'
import type { TimelineView } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { orderEventText } from '../../../i18n/zh-CN'

/** What happened to the order, newest first; the note says why (reason, tracking number). */
export function Timeline({ entries }: { entries: TimelineView[] }) {
  const newestFirst = [...entries].reverse()
  return (
    <View className='timeline'>
      {newestFirst.map((entry, index) => (
        <View key={`${entry.event}-${String(entry.at)}-${index}`} className={`timeline__entry${index === 0 ? ' timeline__entry--latest' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__text'>
              {orderEventText(entry.event)}
              {entry.note ? `：${entry.note}` : ''}
            </Text>
            <Text className='timeline__time'>{formatShanghai(entry.at, 'YYYY-MM-DD HH:mm:ss')}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
