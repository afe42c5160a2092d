import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useCartBadge } from '../../components/cart-badge'
import { LoadStateView } from '../../components/load-state-view'
import { PagedListView } from '../../components/paged-list-view'
import { SearchBar } from '../../components/search-bar'
import { StatusView } from '../../components/status-view'
import type { Category, ProductSummary } from '../../core/catalog'
import { priceRangeText } from '../../i18n/zh-CN'
import { openProduct, openSearch } from '../../routes'
import { useStores } from '../../stores'
import './index.less'
import { imageSrc } from '../../services/image-src'

function CategoryRail({ categories, currentId, onChoose }: { categories: Category[]; currentId: string | null; onChoose: (id: string) => void }) {
  return (
    <ScrollView className='category__rail' scrollY>
      {categories.map((category) => (
        <View
          key={category._id}
          className={`category__rail-item${category._id === currentId ? ' category__rail-item--current' : ''}`}
          onClick={() => onChoose(category._id)}
        >
          <Text>{category.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}

function ProductRow({ product }: { product: ProductSummary }) {
  return (
    <View className='category__product' onClick={() => openProduct(product._id)}>
      <Image className='category__product-image' src={imageSrc(product.coverImage)} mode='aspectFill' lazyLoad />
      <View className='category__product-body'>
        <Text className='category__product-title'>{product.title}</Text>
        <Text className='category__product-subtitle'>{product.subtitle}</Text>
        <Text className='category__product-price'>{priceRangeText(product.minPriceFen, product.maxPriceFen)}</Text>
      </View>
    </View>
  )
}

function CategoryPage() {
  const { catalog } = useStores()
  const currentId = catalog.currentCategoryId
  const products = currentId ? catalog.productsIn(currentId) : null
  const current = catalog.categories.status === 'ready' ? catalog.categories.data.find((c) => c._id === currentId) : undefined

  useEffect(() => {
    if (catalog.categories.status !== 'ready') void catalog.loadCategories()
  }, [catalog])
  useEffect(() => {
    void products?.ensureLoaded()
  }, [products])
  useCartBadge()
  useReachBottom(() => void products?.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([catalog.loadCategories(), products?.refresh()]).finally(() => void Taro.stopPullDownRefresh())
  })

  const choose = (categoryId: string) => {
    catalog.chooseCategory(categoryId)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return (
    <View className='category'>
      <View className='category__search'>
        <SearchBar onOpen={() => openSearch()} />
      </View>
      <LoadStateView
        state={catalog.categories}
        onRetry={() => void catalog.loadCategories()}
        isEmpty={(categories) => categories.length === 0}
        emptyText='分类正在整理中'
      >
        {(categories) => (
          <View className='category__body'>
            <CategoryRail categories={categories} currentId={currentId} onChoose={choose} />
            <View className='category__products'>
              {current && <Text className='category__heading'>{current.name}</Text>}
              {products ? (
                <PagedListView list={products} emptyText='这个分类暂时没有商品'>
                  {(items) => items.map((product) => <ProductRow key={product._id} product={product} />)}
                </PagedListView>
              ) : (
                <StatusView empty emptyText='请选择分类' />
              )}
            </View>
          </View>
        )}
      </LoadStateView>
    </View>
  )
}

export default observer(CategoryPage)
