import { Text, View } from '@tarojs/components'
import type { Quote } from '../../../core/pricing'
import { formatFen } from '../../../core/money'
import { discountText } from '../../../i18n/zh-CN'
import './index.less'

interface AmountsProps {
  /** A checkout's quote, or the order placed at it (an order keeps its quote's amounts). */
  quote: Omit<Quote, 'lines'>
  /** 实付 once paid, 应付 before. */
  payableLabel: string
}

/** 商品金额, 运费, 优惠 and what is (or was) paid, as the server priced them. */
export function Amounts({ quote, payableLabel }: AmountsProps) {
  const { goodsFen, shippingFen, discountFen, discounts, payableFen } = quote
  return (
    <View className='amounts'>
      <View className='amounts__row'>
        <Text>商品金额</Text>
        <Text>{formatFen(goodsFen)}</Text>
      </View>
      <View className='amounts__row'>
        <Text>运费</Text>
        <Text>{shippingFen === 0 ? '免运费' : formatFen(shippingFen)}</Text>
      </View>
      {discountFen > 0 && (
        <View className='amounts__row'>
          <Text>优惠{discounts.length > 0 ? `（${discounts.map(discountText).join('、')}）` : ''}</Text>
          <Text className='amounts__discount'>{formatFen(-discountFen)}</Text>
        </View>
      )}
      <View className='amounts__row amounts__row--total'>
        <Text>{payableLabel}</Text>
        <Text className='amounts__payable'>{formatFen(payableFen)}</Text>
      </View>
    </View>
  )
}
