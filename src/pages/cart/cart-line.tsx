import { Image, Text, View } from '@tarojs/components'
import { CheckMark } from '../../components/check-mark'
import { specsText } from '../../components/display'
import { QuantityStepper } from '../../components/quantity-stepper'
import type { CartItem } from '../../core/cart'
import { formatFen } from '../../core/money'
import { MAX_QUANTITY_PER_LINE } from '../../core/pricing'
import { unavailableNote, unavailableText } from '../../i18n/zh-CN'
import { imageSrc } from '../../services/image-src'

interface CartLineProps {
  item: CartItem
  busy: boolean
  onOpen: (productId: string) => void
  onSelect: (item: CartItem) => void
  onQuantity: (item: CartItem, quantity: number) => void
  onRemove: (item: CartItem) => void
}

/** Since the item was added its price went down (or up) by this much; nothing when it did not move. */
function priceNote(item: CartItem): string | null {
  if (item.priceWhenAddedFen === undefined || item.priceWhenAddedFen === item.unitPriceFen) return null
  const change = item.priceWhenAddedFen - item.unitPriceFen
  return change > 0 ? `比加入时降价${formatFen(change)}` : `比加入时涨价${formatFen(-change)}`
}

export function CartLine({ item, busy, onOpen, onSelect, onQuantity, onRemove }: CartLineProps) {
  const note = priceNote(item)
  const unavailable = item.unavailable
  return (
    <View className={`cart-line${unavailable ? ' cart-line--unavailable' : ''}`}>
      <View className='cart-line__check'>
        <CheckMark checked={item.selected} disabled={Boolean(unavailable) || busy} onToggle={() => onSelect(item)} />
      </View>
      <View className='cart-line__image-box' onClick={() => item.productId && onOpen(item.productId)}>
        {item.image ? <Image className='cart-line__image' src={imageSrc(item.image)} mode='aspectFill' /> : <View className='cart-line__image' />}
        {unavailable && <Text className='cart-line__reason'>{unavailableText(unavailable)}</Text>}
      </View>
      <View className='cart-line__body'>
        <View className='cart-line__head'>
          <Text className='cart-line__title' onClick={() => item.productId && onOpen(item.productId)}>
            {unavailable === 'gone' ? unavailableText(unavailable) : item.title}
          </Text>
          <Text className='cart-line__remove' onClick={() => !busy && onRemove(item)}>删除</Text>
        </View>
        {Object.keys(item.specs).length > 0 && <Text className='cart-line__specs'>{specsText(item.specs)}</Text>}
        {unavailable ? (
          <Text className='cart-line__unavailable'>{unavailableNote(unavailable, item.stock)}</Text>
        ) : (
          note && <Text className='cart-line__note'>{note}</Text>
        )}
        <View className='cart-line__foot'>
          <Text className='cart-line__price'>{item.unitPriceFen > 0 ? formatFen(item.unitPriceFen) : ''}</Text>
          {unavailable === 'not_enough_stock' && item.stock > 0 ? (
            // Too many for what is left: the buyer can bring the quantity down to the stock.
            <Text className='cart-line__fix' onClick={() => !busy && onQuantity(item, item.stock)}>改为 {item.stock} 件</Text>
          ) : unavailable ? (
            <Text className='cart-line__quantity'>×{item.quantity}</Text>
          ) : (
            <QuantityStepper
              value={item.quantity}
              max={Math.min(item.stock, MAX_QUANTITY_PER_LINE)}
              disabled={busy}
              onChange={(quantity) => onQuantity(item, quantity)}
            />
          )}
        </View>
      </View>
    </View>
  )
}
