import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useCartBadge } from '../../components/cart-badge'
import { ListFooter } from '../../components/list-footer'
import { LoadStateView } from '../../components/load-state-view'
import { ProductGrid } from '../../components/product-card'
import { SearchBar } from '../../components/search-bar'
import { openProduct, openSearch } from '../../routes'
import { useStores } from '../../stores'
import './index.less'

function HomePage() {
  const { catalog } = useStores()
  const brand = catalog.storefront.status === 'ready' ? catalog.storefront.data : null
  const products = catalog.home

  useEffect(() => {
    void catalog.loadStorefront()
    void products.ensureLoaded()
  }, [catalog, products])
  useCartBadge()
  useReachBottom(() => void products.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([catalog.loadStorefront(), products.refresh()]).finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='home'>
      <View className='home__brand'>
        <View className='home__brand-row'>
          {brand && <Image className='home__brand-logo' src={brand.logo} mode='aspectFit' />}
          <View className='home__brand-text'>
            <Text className='home__brand-name'>{brand?.name ?? ' '}</Text>
            <Text className='home__brand-tagline'>{brand?.slogan ?? ' '}</Text>
          </View>
        </View>
        <SearchBar tone='light' onOpen={() => openSearch()} />
      </View>
      <View className='home__section-title'>
        <Text>当季好茶</Text>
      </View>
      <LoadStateView
        state={products.state}
        onRetry={() => void products.retry()}
        isEmpty={(items) => items.length === 0}
        emptyText='新茶正在上架，稍后再来看看'
      >
        {(items) => (
          <>
            <ProductGrid products={items} onOpen={openProduct} />
            <ListFooter footer={products.footer} onRetry={() => void products.retry()} />
          </>
        )}
      </LoadStateView>
    </View>
  )
}

export default observer(HomePage)
