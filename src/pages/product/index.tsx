import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadStateView } from '../../components/load-state-view'
import { StatusView } from '../../components/status-view'
import type { ProductDetail } from '../../core/catalog'
import { useStores } from '../../stores'
import { formatFenRange } from '../../core/money'
import './index.less'

function ProductView({ product }: { product: ProductDetail }) {
  return (
    <View className='product'>
      {product.images.length > 0 ? (
        <Swiper className='product__gallery' indicatorDots={product.images.length > 1} circular>
          {product.images.map((url) => (
            <SwiperItem key={url}>
              <Image className='product__image' src={url} mode='aspectFill' />
            </SwiperItem>
          ))}
        </Swiper>
      ) : (
        <View className='product__gallery' />
      )}
      <View className='product__section'>
        <Text className='product__price'>{formatFenRange(product.minPriceFen, product.maxPriceFen)}</Text>
        <Text className='product__title'>{product.title}</Text>
        <Text className='product__subtitle'>{product.subtitle}</Text>
      </View>
      {product.specDimensions.length > 0 && (
        <View className='product__section'>
          {product.specDimensions.map((dimension) => (
            <View className='product__spec' key={dimension.name}>
              <Text className='product__spec-name'>{dimension.name}</Text>
              <Text className='product__spec-values'>{dimension.values.join(' / ')}</Text>
            </View>
          ))}
        </View>
      )}
      {product.detail && (
        <View className='product__section'>
          <Text className='product__detail'>{product.detail}</Text>
        </View>
      )}
    </View>
  )
}

function ProductPage() {
  const { catalog } = useStores()
  const productId = useRouter().params.id ?? ''

  useEffect(() => {
    if (productId) void catalog.loadProduct(productId)
  }, [catalog, productId])

  if (!productId) return <StatusView empty emptyText='没有找到这件商品' />

  return (
    <LoadStateView state={catalog.product(productId)} onRetry={() => void catalog.loadProduct(productId)}>
      {(product) => <ProductView product={product} />}
    </LoadStateView>
  )
}

export default observer(ProductPage)
