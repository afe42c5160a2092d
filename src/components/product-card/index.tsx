import { Image, Text, View } from '@tarojs/components'
import type { ProductSummary } from '../../core/catalog'
import { priceRangeText } from '../../i18n/zh-CN'
import './index.less'
import { imageSrc } from '../../services/image-src'

interface ProductCardProps {
  product: ProductSummary
  onOpen: (productId: string) => void
}

/** A product in a two-column grid (home, search). */
export function ProductCard({ product, onOpen }: ProductCardProps) {
  return (
    <View className='product-card' onClick={() => onOpen(product._id)}>
      <Image className='product-card__image' src={imageSrc(product.coverImage)} mode='aspectFill' lazyLoad />
      <View className='product-card__body'>
        <Text className='product-card__title'>{product.title}</Text>
        <Text className='product-card__subtitle'>{product.subtitle}</Text>
        <Text className='product-card__price'>{priceRangeText(product.minPriceFen, product.maxPriceFen)}</Text>
      </View>
    </View>
  )
}

/** The two-column grid the cards sit in. */
export function ProductGrid({ products, onOpen }: { products: ProductSummary[]; onOpen: (productId: string) => void }) {
  return (
    <View className='product-grid'>
      {products.map((product) => (
        <ProductCard key={product._id} product={product} onOpen={onOpen} />
      ))}
    </View>
  )
}
