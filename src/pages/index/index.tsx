import { Text, View } from '@tarojs/components'
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

  useEffect(() => {
    void catalog.loadHome()
  }, [catalog])

  return (
    <View className='home'>
      <View className='home__brand'>
        <Text className='home__brand-name'>Everyshop 茶</Text>
        <Text className='home__brand-tagline'>一叶一芽 · 产地直送</Text>
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
