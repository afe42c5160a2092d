import { Image, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showError } from '../../../components/display'
import { PagedListView } from '../../../components/paged-list-view'
import type { HqProductRow } from '../../../contracts/hq-catalog'
import { priceRangeText } from '../../../i18n/zh-CN'
import { openHqCategories, openHqProduct, openHqStock } from '../../../routes'
import { imageSrc } from '../../../services/image-src'
import { useHqCatalog, type ShelfFilter } from '../../hq-catalog-store'
import '../../hq.less'
import './index.less'

const SHELVES: Array<{ key: ShelfFilter; label: string }> = [
  { key: 'on', label: '在售' },
  { key: 'off', label: '已下架' },
  { key: 'all', label: '全部' },
]

const ProductRow = observer(function ProductRow({ product }: { product: HqProductRow }) {
  const hqCatalog = useHqCatalog()
  const toggle = async () => {
    const outcome = await hqCatalog.setOnShelf(product._id, !product.onShelf)
    if (!outcome.ok) showError(outcome.error)
    else void Taro.showToast({ title: outcome.data.onShelf ? '已上架' : '已下架', icon: 'none' })
  }
  return (
    <View className='hq-page__card hq-products__card' onClick={() => openHqProduct(product._id)}>
      {product.coverImage ? <Image className='hq-products__image' src={imageSrc(product.coverImage)} mode='aspectFill' /> : <View className='hq-products__image' />}
      <View className='hq-products__body'>
        <Text className='hq-products__title'>{product.title}</Text>
        <Text className='hq-page__amount'>{priceRangeText(product.minPriceFen, product.maxPriceFen)}</Text>
        <Text className='hq-page__muted'>{`${product.skuCount} 个 SKU · 库存 ${product.totalStock}${product.onShelf ? '' : ' · 已下架'}`}</Text>
        <View className='hq-products__actions'>
          <Text className='hq-products__action hq-products__stock' onClick={(e) => {
              e.stopPropagation()
              openHqStock(product._id)
            }}>
            库存
          </Text>
          <ActionButton className={`hq-products__action hq-products__shelf${product.onShelf ? ' hq-products__shelf--off' : ''}`} loading={hqCatalog.saving} onClick={() => void toggle()}>
            {product.onShelf ? '下架' : '上架'}
          </ActionButton>
        </View>
      </View>
    </View>
  )
})

/** HQ's products by shelf, searchable; a tap opens one to edit, 上架/下架 in place. */
function HqProductsPage() {
  const hqCatalog = useHqCatalog()
  const [keyword, setKeyword] = useState('')
  useDidShow(() => void hqCatalog.products.refresh())
  useReachBottom(() => void hqCatalog.products.loadMore())
  usePullDownRefresh(() => void hqCatalog.products.refresh().finally(() => void Taro.stopPullDownRefresh()))

  return (
    <View className='hq-page hq-products'>
      <View className='hq-page__tabs'>
        {SHELVES.map((s) => (
          <Text key={s.key} className={`hq-page__tab hq-products__tab--${s.key}${hqCatalog.shelf === s.key ? ' hq-page__tab--active' : ''}`} onClick={() => void hqCatalog.showShelf(s.key)}>
            {s.label}
          </Text>
        ))}
      </View>
      <View className='hq-products__bar'>
        <Input
          className='hq-page__input hq-products__search'
          value={keyword}
          placeholder='搜索商品'
          maxlength={30}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void hqCatalog.search(keyword)}
        />
        <ActionButton className='hq-products__new' onClick={() => openHqProduct()}>
          新建
        </ActionButton>
        <ActionButton className='hq-products__new hq-products__categories' onClick={openHqCategories}>
          分类
        </ActionButton>
      </View>
      <PagedListView list={hqCatalog.products} emptyText={hqCatalog.keyword ? '没有找到商品' : '这里没有商品'}>
        {(items) => items.map((product) => <ProductRow key={product._id} product={product} />)}
      </PagedListView>
    </View>
  )
}

export default observer(HqProductsPage)
