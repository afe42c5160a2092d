import { Image, Text, View } from '@tarojs/components'
import type { ProductSummary } from '../../core/catalog'
import { formatFen } from '../../core/money'
import { priceRangeText } from '../../i18n/zh-CN'
import { CampaignNote, campaignRunning } from '../campaign-note'
import './index.less'
import { imageSrc } from '../../services/image-src'

interface ProductCardProps {
  product: ProductSummary
  onOpen: (productId: string) => void
}

/** A product in a two-column grid (home, search); a 限时折扣 running shows its price, the list price struck through. */
export function ProductCard({ product, onOpen }: ProductCardProps) {
  const running = campaignRunning(product.campaign)
  return (
    <View className='product-card' onClick={() => onOpen(product._id)}>
      <Image className='product-card__image' src={imageSrc(product.coverImage)} mode='aspectFill' lazyLoad />
      <View className='product-card__body'>
        <Text className='product-card__title'>{product.title}</Text>
        <Text className='product-card__subtitle'>{product.subtitle}</Text>
        {running ? (
          <Text className='product-card__price'>
            {formatFen(running.fromFen)}
            {product.minPriceFen !== product.maxPriceFen && '起'}
            <Text className='list-price'>{formatFen(product.minPriceFen)}</Text>
          </Text>
        ) : (
          <Text className='product-card__price'>{priceRangeText(product.minPriceFen, product.maxPriceFen)}</Text>
        )}
        {product.campaign && <CampaignNote campaign={product.campaign} compact />}
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
