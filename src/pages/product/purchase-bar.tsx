import { Image, Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/action-button'
import cartIcon from '../../assets/tab-icons/cart.png'

interface PurchaseBarProps {
  /** Whether the product is one of the buyer's favourites: the heart is filled. */
  favorite: boolean
  onFavorite: () => void
  cartCount: number
  soldOut: boolean
  onOpenCart: () => void
  onAddToCart: () => void
  onBuyNow: () => void
}

/**
 * The bar fixed at the bottom of the product page: 收藏, the cart, 加入购物车 and 立即购买. Never
 * disabled while the cart changes: each tap of 加入购物车 is queued and counted.
 */
export function PurchaseBar({ favorite, onFavorite, cartCount, soldOut, onOpenCart, onAddToCart, onBuyNow }: PurchaseBarProps) {
  return (
    <View className='purchase-bar'>
      <View className={`purchase-bar__favorite${favorite ? ' purchase-bar__favorite--on' : ''}`} onClick={onFavorite}>
        <Text className='purchase-bar__heart'>{favorite ? '♥' : '♡'}</Text>
        <Text className='purchase-bar__cart-text'>{favorite ? '已收藏' : '收藏'}</Text>
      </View>
      <View className='purchase-bar__cart' onClick={onOpenCart}>
        <Image className='purchase-bar__cart-icon' src={cartIcon} />
        {cartCount > 0 && <Text className='purchase-bar__badge'>{cartCount > 99 ? '99+' : cartCount}</Text>}
        <Text className='purchase-bar__cart-text'>购物车</Text>
      </View>
      {soldOut ? (
        <ActionButton className='purchase-bar__sold-out' disabled>已售罄</ActionButton>
      ) : (
        <View className='purchase-bar__buttons'>
          <ActionButton className='purchase-bar__add' onClick={onAddToCart}>加入购物车</ActionButton>
          <ActionButton className='purchase-bar__buy' onClick={onBuyNow}>立即购买</ActionButton>
        </View>
      )}
    </View>
  )
}
