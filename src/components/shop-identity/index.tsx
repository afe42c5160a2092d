import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ShopStatus } from '../../core/shop'
import { shopStatusText } from '../../i18n/zh-CN'
import './index.less'

interface ShopFace {
  name: string
  avatar: string
}

/**
 * The shop's avatar, or the first character of its name when it has none, so every shop has a face.
 * The disc's size (width, height, and the character's font-size) is the caller's `className`.
 */
export function ShopAvatar({ className, shop }: { className: string; shop: ShopFace }) {
  return shop.avatar ? (
    <Image className={`shop-avatar ${className}`} src={shop.avatar} mode='aspectFill' />
  ) : (
    <View className={`shop-avatar shop-avatar--initial ${className}`}>
      <Text>{shop.name.slice(0, 1)}</Text>
    </View>
  )
}

interface ShopIdentityProps {
  shop: ShopFace
  /** The line under the name: whose shop it is, or what its owner can do with it. */
  line: ReactNode
  /** The status tag at the row's end; left out when the caller has nothing to say about it. */
  status?: ShopStatus
  /** The shop's own home shows it a size larger than the owner's tools do. */
  large?: boolean
  className?: string
  onClick?: () => void
}

/** A shop's face in one row: avatar, name, a line under the name, and its status. */
export function ShopIdentity({ shop, line, status, large = false, className, onClick }: ShopIdentityProps) {
  return (
    <View className={`shop-identity${large ? ' shop-identity--large' : ''}${className ? ` ${className}` : ''}`} onClick={onClick}>
      <ShopAvatar className='shop-identity__avatar' shop={shop} />
      <View className='shop-identity__text'>
        <Text className='shop-identity__name'>{shop.name}</Text>
        <Text className='shop-identity__line'>{line}</Text>
      </View>
      {status && <Text className={`shop-identity__status shop-identity__status--${status}`}>{shopStatusText(status)}</Text>}
    </View>
  )
}
