import { Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState, type PropsWithChildren } from 'react'
import { useBrandName } from '../../components/brand'
import { LoadStateView } from '../../components/load-state-view'
import { PagedListView } from '../../components/paged-list-view'
import { ProductGrid } from '../../components/product-card'
import { ShareBar, usePageShare } from '../../components/share-bar'
import { ShopIdentity } from '../../components/shop-identity'
import { StatusView } from '../../components/status-view'
import type { ShopCard } from '../../contracts/shop'
import { shareCodeFromQuery } from '../../core/share-code'
import { goShopping, openProduct, openShare } from '../../routes'
import { useStores } from '../../stores'
import './index.less'

/** The server refuses longer keywords. */
const MAX_KEYWORD_LENGTH = 30

/** 店主's card: the shop's face, whose it is, and what it is about; sharing it below. */
function OwnerCard({ shop, children }: PropsWithChildren<{ shop: ShopCard }>) {
  return (
    <View className='shop-home__card'>
      {/* A visitor is told of a shop that is not open; an open shop needs no tag. */}
      <ShopIdentity shop={shop} line={`店主 ${shop.ownerName}`} status={shop.status !== 'active' ? shop.status : undefined} large />
      {shop.intro && <Text className='shop-home__intro'>{shop.intro}</Text>}
      <Text className='shop-home__note'>商品由总部直接发货，价格与库存以总部为准</Text>
      {children}
    </View>
  )
}

function ShopHomePage() {
  const { referral, shopHomes } = useStores()
  const params = useRouter().params
  const arrivedWith = shareCodeFromQuery(params)
  const landing = arrivedWith ? referral.landing(arrivedWith) : null
  // A poster's 小程序码 carries only the code: the shop is what the code stands for.
  const shopId = params.id ?? (landing?.status === 'ready' ? landing.data.shop?._id : null) ?? ''
  const card = shopHomes.card(shopId)
  const [text, setText] = useState('')
  const [keyword, setKeyword] = useState('')
  const products = shopId ? shopHomes.products(shopId, keyword) : null
  const brand = useBrandName()
  const share = usePageShare({ page: 'shop', shopId }, arrivedWith, () => ({
    title: card.status === 'ready' ? card.data.name : brand ?? '',
    ...(card.status === 'ready' && card.data.avatar ? { imageUrl: card.data.avatar } : {}),
  }))

  // A share link lands here: its code is recorded first; a visit with no share counts as direct.
  useEffect(() => {
    if (arrivedWith) referral.arrive(params, Taro.getEnterOptionsSync().scene)
  }, [referral, arrivedWith])
  useEffect(() => {
    if (!shopId) return
    if (!arrivedWith) referral.visitShop(shopId)
    void shopHomes.loadCard(shopId)
  }, [shopId, arrivedWith, referral, shopHomes])
  useEffect(() => {
    void products?.ensureLoaded()
  }, [products])
  useEffect(() => {
    if (card.status === 'ready') void Taro.setNavigationBarTitle({ title: card.data.name })
  }, [card])
  useReachBottom(() => void products?.loadMore())
  usePullDownRefresh(() => {
    void Promise.all([shopHomes.loadCard(shopId), products?.refresh()]).finally(() => void Taro.stopPullDownRefresh())
  })

  if (!shopId && landing && (landing.status === 'idle' || landing.status === 'loading')) return <StatusView loading />
  if (!shopId || (card.status === 'error' && card.error.code === 'SHOP_NOT_FOUND')) {
    return <StatusView empty emptyText='没有找到这家小店' emptyActionText='去逛逛' onEmptyAction={goShopping} />
  }

  const search = (value: string) => {
    setText(value)
    setKeyword(value.trim())
  }

  return (
    <View className='shop-home'>
      <LoadStateView state={card} onRetry={() => void shopHomes.loadCard(shopId)}>
        {(shop) => (
          <View className='shop-home__head'>
            <OwnerCard shop={shop}>
              <ShareBar share={share} onPoster={() => openShare()} />
            </OwnerCard>
            <View className='shop-home__search'>
              <View className='shop-home__search-icon' />
              <Input
                className='shop-home__search-input'
                value={text}
                confirmType='search'
                maxlength={MAX_KEYWORD_LENGTH}
                placeholder='搜索本店商品'
                onInput={(event) => setText(event.detail.value)}
                onConfirm={(event) => search(event.detail.value)}
              />
              {text && <Text className='shop-home__search-clear' onClick={() => search('')}>×</Text>}
              <Text className='shop-home__search-submit' onClick={() => search(text)}>搜索</Text>
            </View>
          </View>
        )}
      </LoadStateView>
      {products && card.status === 'ready' && (
        <PagedListView list={products} emptyText={keyword ? `本店没有与“${keyword}”相关的商品` : '店主还在挑选商品'}>
          {(items) => <ProductGrid products={items} onOpen={(productId) => openProduct(productId, shopId)} />}
        </PagedListView>
      )}
    </View>
  )
}

export default observer(ShopHomePage)
