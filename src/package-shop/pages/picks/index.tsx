import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import type { Category, ProductSummary } from '../../../core/catalog'
import type { Shop, ShopPicks } from '../../../core/shop'
import { picksModeText, priceRangeText, shopFieldText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import { OrderedPicker } from './ordered-picker'
import '../../shop.less'
import './index.less'

const MODES: Array<ShopPicks['mode']> = ['all', 'categories', 'products']

const idsOf = (picks: ShopPicks, mode: 'categories' | 'products'): string[] =>
  picks.mode === 'categories' && mode === 'categories' ? picks.categoryIds : picks.mode === 'products' && mode === 'products' ? picks.productIds : []

function PicksForm({ shop, categories, shelf }: { shop: Shop; categories: Category[]; shelf: ProductSummary[] }) {
  const { myShop } = useStores()
  const [mode, setMode] = useState(shop.picks.mode)
  const [categoryIds, setCategoryIds] = useState(() => idsOf(shop.picks, 'categories'))
  const [productIds, setProductIds] = useState(() => idsOf(shop.picks, 'products'))
  const [error, setError] = useState('')

  const picks = (): ShopPicks =>
    mode === 'all' ? { mode } : mode === 'categories' ? { mode, categoryIds } : { mode, productIds }

  const save = async () => {
    setError('')
    const outcome = await myShop.setPicks(picks())
    if (outcome.ok) {
      void Taro.showToast({ title: '选品已保存', icon: 'success' })
      return
    }
    const issues = outcome.error.details.issues
    setError(Array.isArray(issues) && issues[0] ? shopFieldText((issues[0] as { message: string }).message) : outcome.error.message)
  }

  return (
    <View className='shop-page picks'>
      <View className='picks__modes'>
        {MODES.map((m) => (
          <Text key={m} className={`picks__mode${m === mode ? ' picks__mode--current' : ''}`} onClick={() => setMode(m)}>
            {picksModeText(m)}
          </Text>
        ))}
      </View>
      <View className='shop-page__card'>
        {mode === 'all' && <Text className='picks__all'>小店展示总部的全部在售商品，按总部的顺序排列；总部上新后自动出现在小店里。</Text>}
        {mode === 'categories' && (
          <OrderedPicker
            items={categories.map((c) => ({ id: c._id, label: c.name }))}
            chosen={categoryIds}
            onChange={setCategoryIds}
          />
        )}
        {mode === 'products' && (
          <OrderedPicker
            items={shelf.map((p) => ({ id: p._id, label: p.title, note: priceRangeText(p.minPriceFen, p.maxPriceFen) }))}
            chosen={productIds}
            onChange={setProductIds}
          />
        )}
      </View>
      {error && <Text className='shop-page__form-error picks__error'>{error}</Text>}
      <View className='picks__bar'>
        <ActionButton className='picks__save' loading={myShop.saving} onClick={() => void save()}>保存选品</ActionButton>
      </View>
    </View>
  )
}

/** 选品: the whole catalog, whole categories or products one by one, in the owner's order. */
function PicksPage() {
  const { myShop, catalog } = useStores()

  useEffect(() => {
    if (myShop.myShop.status !== 'ready') void myShop.load()
    if (catalog.categories.status !== 'ready') void catalog.loadCategories()
    void myShop.loadShelf()
  }, [myShop, catalog])

  const shop = myShop.shop
  return (
    <LoadStateView state={myShop.myShop} onRetry={() => void myShop.load()}>
      {() => (
        <LoadStateView state={catalog.categories} onRetry={() => void catalog.loadCategories()}>
          {(categories) => (
            <LoadStateView state={myShop.shelf} onRetry={() => void myShop.loadShelf()}>
              {(shelf) => (shop ? <PicksForm shop={shop} categories={categories} shelf={shelf} /> : <Text className='shop-page__hint'>请先开店</Text>)}
            </LoadStateView>
          )}
        </LoadStateView>
      )}
    </LoadStateView>
  )
}

export default observer(PicksPage)
