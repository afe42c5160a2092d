import { Text, View } from '@tarojs/components'
import { formatFenShort } from '../../core/money'
import { DEFAULT_SHIPPING, freeShippingShortfallFen } from '../../core/pricing'
import './index.less'

interface FreeShippingProps {
  /** The goods (after discounts) chosen so far; without it, the rule itself (满 ¥99 包邮). */
  paidGoodsFen?: number
  /** 去凑单: where to find more goods, when some are still needed. */
  onTopUp?: () => void
}

/**
 * HQ's free-shipping rule in the shopper's words, from the same rule the server prices orders by:
 * 满 ¥99 包邮, 还差 ¥X 包邮, or 已满 ¥99，免运费.
 */
export function FreeShipping({ paidGoodsFen, onTopUp }: FreeShippingProps) {
  const threshold = formatFenShort(DEFAULT_SHIPPING.freeOverFen)
  const shortfallFen = paidGoodsFen === undefined ? null : freeShippingShortfallFen(paidGoodsFen, DEFAULT_SHIPPING)
  const text = shortfallFen === null ? `满 ${threshold} 包邮` : shortfallFen > 0 ? `还差 ${formatFenShort(shortfallFen)} 包邮` : `已满 ${threshold}，免运费`
  return (
    <View className='free-shipping'>
      <Text className='free-shipping__tag'>运费</Text>
      <Text className='free-shipping__text'>{text}</Text>
      {onTopUp && shortfallFen !== null && shortfallFen > 0 && (
        <Text className='free-shipping__action' onClick={onTopUp}>去凑单 ›</Text>
      )}
    </View>
  )
}
