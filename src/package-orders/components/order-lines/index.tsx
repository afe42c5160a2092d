import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { specsText } from '../../../components/display'
import type { PricedLine } from '../../../core/pricing'
import { formatFen } from '../../../core/money'
import './index.less'
import { imageSrc } from '../../../services/image-src'

type Line = Pick<PricedLine, 'title' | 'image' | 'specs' | 'quantity' | 'unitPriceFen'>

interface OrderLinesProps<L extends Line> {
  lines: L[]
  /** What is said under a line, e.g. checkout's 库存仅剩 2 件 with its fixes. */
  note?: (line: L) => ReactNode
}

/** The goods of an order or a checkout: picture, title, specs, unit price and quantity. */
export function OrderLines<L extends Line>({ lines, note }: OrderLinesProps<L>) {
  return (
    <View className='order-lines'>
      {lines.map((line, index) => (
        <View className='order-lines__item' key={`${line.title}-${index}`}>
          <View className='order-lines__line'>
            {line.image ? <Image className='order-lines__image' src={imageSrc(line.image)} mode='aspectFill' /> : <View className='order-lines__image' />}
            <View className='order-lines__body'>
              <Text className='order-lines__title'>{line.title}</Text>
              {Object.keys(line.specs).length > 0 && <Text className='order-lines__specs'>{specsText(line.specs)}</Text>}
            </View>
            <View className='order-lines__figures'>
              <Text className='order-lines__price'>{formatFen(line.unitPriceFen)}</Text>
              <Text className='order-lines__quantity'>×{line.quantity}</Text>
            </View>
          </View>
          {note?.(line)}
        </View>
      ))}
    </View>
  )
}
