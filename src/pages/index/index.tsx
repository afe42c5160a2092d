import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useCartBadge } from '../../components/cart-badge'
import { PagedListView } from '../../components/paged-list-view'
import { ProductGrid } from '../../components/product-card'
import { SearchBar } from '../../components/search-bar'
import type { Category } from '../../core/catalog'
import { openCategory, openProduct, openSearch } from '../../routes'
import { useStores } from '../../stores'
import './index.less'

/** A row of category shortcuts under the brand; each opens 分类 on that category. */
function CategoryShortcuts({ categories, onOpen }: { categories: Category[]; onOpen: (categoryId: string) => void }) {
  return (
    <ScrollView className='home__categories' scrollX enhanced showScrollbar={false}>
      {categories.map((category) => (
        <View key={category._id} className='home__category' onClick={() => onOpen(category._id)}>
          <Image className='home__category-icon' src={category.icon} mode='aspectFit' />
          <Text className='home__category-name'>{category.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}

function HomePage() {
  const { catalog } = useStores()
  const brand = catalog.storefront.status === 'ready' ? catalog.storefront.data : null
  const products = catalog.home

  useEffect(() => {
    void catalog.loadStorefront()
    if (catalog.categories.status !== 'ready') void catalog.loadCategories()
    void products.ensureLoaded()
  }, [catalog, products])
  // The home page's title is HQ's brand (on H5 the document's title too): known only once it loads.
  useEffect(() => {
    if (brand) void Taro.setNavigationBarTitle({ title: brand.name })
  }, [brand?.name])
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
      {catalog.categories.status === 'ready' && catalog.categories.data.length > 0 && (
        <CategoryShortcuts
          categories={catalog.categories.data}
          onOpen={(categoryId) => {
            catalog.chooseCategory(categoryId)
            openCategory()
          }}
        />
      )}
      <View className='home__section-title'>
        <Text>当季好茶</Text>
      </View>
      <PagedListView list={products} emptyText='新茶正在上架，稍后再来看看'>
        {(items) => <ProductGrid products={items} onOpen={openProduct} />}
      </PagedListView>
    </View>
  )
}

export default observer(HomePage)
