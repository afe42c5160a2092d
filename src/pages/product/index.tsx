import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState, type ReactNode } from 'react'
import { useBrandName, useShippingRule } from '../../components/brand'
import { showDone, showError } from '../../components/display'
import { FreeShipping } from '../../components/free-shipping'
import { LoadStateView } from '../../components/load-state-view'
import { QuantityStepper } from '../../components/quantity-stepper'
import { ShareBar, usePageShare } from '../../components/share-bar'
import { StatusView } from '../../components/status-view'
import { skuForSelection, type ProductDetail } from '../../core/catalog'
import { formatFen } from '../../core/money'
import { CampaignNote, campaignRunning } from '../../components/campaign-note'
import { MAX_QUANTITY_PER_LINE, type ShippingRule } from '../../core/pricing'
import { shareCodeFromQuery } from '../../core/share-code'
import { useLeaveOnce } from '../../components/use-leave-once'
import { goShopping, openCart, openCheckout, openCouponCentre, openShare, openShopHome } from '../../routes'
import { useStores } from '../../stores'
import { PurchaseBar } from './purchase-bar'
import { initialSelection, missingDimensions, toggle, type Selection } from './sku-selection'
import { SkuSelector } from './sku-selector'
import './index.less'
import { imageSrc } from '../../services/image-src'
import { Swiper, SwiperItem } from './gallery-swiper'

/** Fewer than this many left: the page says so, to help the buyer decide. */
const LOW_STOCK = 10

interface ProductViewProps {
  product: ProductDetail
  /** Under the title: who recommends it and how to share it. */
  sharing: ReactNode
  /** HQ's shipping rule in force; null until known. */
  shipping: ShippingRule | null
  favorite: boolean
  onFavorite: () => void
  cartCount: number
  onAddToCart: (skuId: string, quantity: number) => void
  onBuyNow: (skuId: string, quantity: number) => void
}

function ProductView({ product, sharing, shipping, favorite, onFavorite, cartCount, onAddToCart, onBuyNow }: ProductViewProps) {
  const [selection, setSelection] = useState<Selection>(() => initialSelection(product))
  const [quantity, setQuantity] = useState(1)
  const missing = missingDimensions(product, selection)
  const sku = missing.length === 0 ? skuForSelection(product.skus, selection) : undefined
  const maxQuantity = Math.max(1, Math.min(sku?.stock ?? MAX_QUANTITY_PER_LINE, MAX_QUANTITY_PER_LINE))
  const soldOut = product.skus.every((s) => s.stock === 0)
  const stockLeft = product.skus.reduce((sum, s) => sum + s.stock, 0)

  // Stock may drop under the chosen quantity (a reload after coming back, another SKU chosen).
  useEffect(() => {
    if (quantity > maxQuantity) setQuantity(maxQuantity)
  }, [quantity, maxQuantity])

  const withSku = (then: (skuId: string, quantity: number) => void) => () => {
    if (missing.length > 0) void Taro.showToast({ title: `请选择${missing.join('、')}`, icon: 'none' })
    else if (!sku || sku.stock === 0) void Taro.showToast({ title: '该规格已售罄', icon: 'none' })
    else then(sku._id, quantity)
  }

  const price = sku
    ? formatFen(sku.priceFen)
    : product.minPriceFen === product.maxPriceFen
      ? formatFen(product.minPriceFen)
      : `${formatFen(product.minPriceFen)} - ${formatFen(product.maxPriceFen)}`
  // A 限时折扣 running: its price, the list price struck through (the chosen SKU's, or the lowest).
  const running = campaignRunning(product.campaign)
  const campaignPrice = running && (sku ? sku.campaignPriceFen : running.fromFen)

  return (
    <View className='product'>
      {product.images.length > 0 ? (
        <Swiper className='product__gallery' indicatorDots={product.images.length > 1} circular>
          {product.images.map((url) => (
            <SwiperItem key={url}>
              <Image className='product__image' src={imageSrc(url)} mode='aspectFill' />
            </SwiperItem>
          ))}
        </Swiper>
      ) : (
        <View className='product__gallery' />
      )}
      <View className='product__section'>
        {campaignPrice !== null && campaignPrice !== undefined ? (
          <Text className='product__price'>
            {formatFen(campaignPrice)}
            {!sku && product.minPriceFen !== product.maxPriceFen && '起'}
            <Text className='list-price'>{sku ? formatFen(sku.priceFen) : formatFen(product.minPriceFen)}</Text>
          </Text>
        ) : (
          <Text className='product__price'>{price}</Text>
        )}
        {product.campaign && (
          <View className='product__campaign'>
            <CampaignNote campaign={product.campaign} />
          </View>
        )}
        <Text className='product__title'>{product.title}</Text>
        <Text className='product__subtitle'>{product.subtitle}</Text>
        <View className='product__shipping'>
          <FreeShipping rule={shipping} />
        </View>
        {/* 领券 opens the coupons that count this product; the landing page itself reads no coupons. */}
        <View className='product__coupons' onClick={() => openCouponCentre(product._id)}>
          <Text className='product__coupons-tag'>领券</Text>
          <Text className='product__coupons-go'>领取优惠券 ›</Text>
        </View>
        {sharing}
      </View>

      <View className='product__section'>
        {product.specDimensions.length > 0 && (
          <SkuSelector
            product={product}
            selection={selection}
            onToggle={(dimension, value) => setSelection(toggle(selection, dimension, value))}
          />
        )}
        <View className='product__quantity'>
          <Text className='product__quantity-label'>数量</Text>
          <Text className={`product__stock${sku && sku.stock <= LOW_STOCK ? ' product__stock--low' : ''}`}>
            {sku
              ? sku.stock === 0 ? '该规格已售罄' : sku.stock <= LOW_STOCK ? `仅剩 ${sku.stock} 件` : `库存 ${sku.stock} 件`
              : soldOut ? '已售罄' : `请选择${missing.join('、')}（共 ${stockLeft} 件）`}
          </Text>
          <QuantityStepper value={quantity} max={maxQuantity} disabled={soldOut} onChange={setQuantity} />
        </View>
      </View>

      {product.detail && (
        <View className='product__section'>
          <Text className='product__section-title'>商品详情</Text>
          <Text className='product__detail'>{product.detail}</Text>
        </View>
      )}

      <PurchaseBar
        favorite={favorite}
        onFavorite={onFavorite}
        cartCount={cartCount}
        soldOut={soldOut}
        onOpenCart={openCart}
        onAddToCart={withSku(onAddToCart)}
        onBuyNow={withSku(onBuyNow)}
      />
    </View>
  )
}

/** The shop the buyer is in, from its share or its home: buying here is that shop's order. */
function ShopStrip({ name, onOpen }: { name: string; onOpen: () => void }) {
  return (
    <View className='product__shop' onClick={onOpen}>
      <Text className='product__shop-name'>{name}</Text>
      <Text className='product__shop-enter'>进店看看 ›</Text>
    </View>
  )
}

function ProductPage() {
  const { catalog, cart, favorites, referral, shopHomes } = useStores()
  const params = useRouter().params
  const arrivedWith = shareCodeFromQuery(params)
  const landing = arrivedWith ? referral.landing(arrivedWith) : null
  // A poster's 小程序码 carries only the code: the product is what the code stands for.
  const productId = params.id ?? (landing?.status === 'ready' ? landing.data.productId : null) ?? ''
  const state = catalog.product(productId)
  const fromShop = referral.fromShop(params)
  const shopCard = fromShop ? shopHomes.card(fromShop.shopId) : null
  const brand = useBrandName()
  const shipping = useShippingRule()
  const share = usePageShare({ page: 'product', productId }, arrivedWith, () => {
    const product = catalog.product(productId)
    return product.status === 'ready' ? { title: product.data.title, imageUrl: product.data.images[0] } : { title: brand ?? '' }
  })

  // A share link lands here: its code is recorded before anything else (the app's show may have done it).
  useEffect(() => referral.arrive(params, Taro.getEnterOptionsSync().scene), [referral, arrivedWith])
  useEffect(() => {
    if (fromShop && shopHomes.card(fromShop.shopId).status === 'idle') void shopHomes.loadCard(fromShop.shopId)
  }, [fromShop?.shopId, shopHomes])
  // Every time the page shows: stock may have changed (an order placed or cancelled meanwhile).
  useDidShow(() => {
    if (productId) void catalog.loadProduct(productId)
  })
  useEffect(() => {
    if (productId) void favorites.loadHeart(productId)
  }, [productId, favorites])
  useEffect(() => {
    if (!params.id && productId) void catalog.loadProduct(productId)
  }, [params.id, productId, catalog])

  const leaveOnce = useLeaveOnce()

  const addToCart = async (skuId: string, quantity: number) => {
    const outcome = await cart.add(skuId, quantity)
    if (outcome.ok) showDone('已加入购物车')
    else showError(outcome.error)
  }

  const toggleFavorite = async () => {
    if (favorites.changing.has(productId)) return
    const outcome = await favorites.toggle(productId)
    if (!outcome.ok) showError(outcome.error)
    else showDone(outcome.data.favorite ? '已收藏' : '已取消收藏')
  }

  if (!productId && landing && (landing.status === 'idle' || landing.status === 'loading')) return <StatusView loading />
  if (!productId || (state.status === 'error' && state.error.code === 'CATALOG_PRODUCT_NOT_FOUND')) {
    return (
      <StatusView
        empty
        emptyText={state.status === 'error' ? state.error.message : '没有找到这件商品'}
        emptyActionText='去逛逛'
        onEmptyAction={goShopping}
      />
    )
  }

  return (
    <LoadStateView state={state} onRetry={() => void catalog.loadProduct(productId)}>
      {(product) => (
        <ProductView
          // A new SKU list (after a reload) keeps the buyer's choice: the key is the product, not the answer.
          key={product._id}
          product={product}
          sharing={
            <>
              {shopCard?.status === 'ready' && <ShopStrip name={shopCard.data.name} onOpen={() => openShopHome(shopCard.data._id)} />}
              <ShareBar share={share} onPoster={() => openShare(product._id)} />
            </>
          }
          shipping={shipping}
          favorite={favorites.isFavorite(product._id)}
          onFavorite={() => void toggleFavorite()}
          cartCount={cart.count}
          onAddToCart={(skuId, quantity) => void addToCart(skuId, quantity)}
          onBuyNow={(skuId, quantity) => leaveOnce(() => openCheckout([{ skuId, quantity }], false, fromShop))}
        />
      )}
    </LoadStateView>
  )
}

export default observer(ProductPage)
