import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadStateView } from '../../components/load-state-view'
import { useStores } from '../../stores'
import { ProductCard } from './product-card'
import './index.less'

function openProduct(productId: string) {
  void Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(productId)}` })
}

function HomePage() {
  const { catalog } = useStores()
  const brand = catalog.storefront.status === 'ready' ? catalog.storefront.data : null

  useEffect(() => {
    void catalog.loadHome()
  }, [catalog])

  return (
    <View className='home'>
      <View className='home__brand'>
        {brand && <Image className='home__brand-logo' src={brand.logo} mode='aspectFit' />}
        <View className='home__brand-text'>
          <Text className='home__brand-name'>{brand?.name ?? ' '}</Text>
          <Text className='home__brand-tagline'>{brand?.slogan ?? ' '}</Text>
        </View>
      </View>
      <LoadStateView
        state={catalog.home}
        onRetry={() => void catalog.loadHome()}
        isEmpty={(page) => page.items.length === 0}
        emptyText='新茶正在上架，稍后再来看看'
      >
        {(page) => (
          <View className='home__grid'>
            {page.items.map((product) => (
              <ProductCard key={product._id} product={product} onOpen={openProduct} />
            ))}
          </View>
        )}
      </LoadStateView>
    </View>
  )
}

export default observer(HomePage)
