import { Text, View } from '@tarojs/components'
import { formatFenShort } from '../../core/money'
import { type ShippingRule, freeShippingShortfallFen, shipsEverythingFree } from '../../core/pricing'
import './index.less'

interface FreeShippingProps {
  /** HQ's rule in force (the storefront's); nothing is shown until it is known. */
  rule: ShippingRule | null
  /** The goods (after discounts) chosen so far; without it, the rule itself (满 ¥99 包邮). */
  paidGoodsFen?: number
  /** 去凑单: where to find more goods, when some are still needed. */
  onTopUp?: () => void
}

/**
 * HQ's free-shipping rule in the shopper's words, from the rule the server prices orders by:
 * 满 ¥99 包邮, 还差 ¥X 包邮, 已满 ¥99，免运费 — or 全场包邮 when no order pays shipping.
 */
export function FreeShipping({ rule, paidGoodsFen, onTopUp }: FreeShippingProps) {
  if (!rule) return null
  const threshold = formatFenShort(rule.freeOverFen)
  const shortfallFen = paidGoodsFen === undefined || shipsEverythingFree(rule) ? null : freeShippingShortfallFen(paidGoodsFen, rule)
  const text = shipsEverythingFree(rule)
    ? '全场包邮'
    : shortfallFen === null
      ? `满 ${threshold} 包邮`
      : shortfallFen > 0
        ? `还差 ${formatFenShort(shortfallFen)} 包邮`
        : `已满 ${threshold}，免运费`
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
