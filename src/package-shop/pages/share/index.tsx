import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showError } from '../../../components/display'
import { LoadStateView } from '../../../components/load-state-view'
import type { ProductDetail } from '../../../core/catalog'
import { priceRangeText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import { attempt } from '../../../stores/load-state'
import type { PosterContent } from './draw-poster'
import { PosterCanvas, SavePoster } from './poster-canvas'
import '../../shop.less'
import './index.less'

type Poster = { step: 'idle' } | { step: 'making'; content: PosterContent | null } | { step: 'ready'; image: string }

/**
 * Sharing the owner's shop home, or one product of it: a chat card, the link itself, and a poster
 * with the share's 小程序码. Each channel has its own share code, so a visit says where it came from.
 * Nothing is given for sharing (WeChat bans 诱导分享): the page says only what sharing does.
 */
function SharePage() {
  const { myShop, catalog, referral } = useStores()
  const productId = useRouter().params.productId ?? null
  const chat = referral.shareLink(productId, 'chat')
  const product = productId ? catalog.product(productId) : null
  const [poster, setPoster] = useState<Poster>({ step: 'idle' })

  useEffect(() => {
    if (myShop.myShop.status !== 'ready') void myShop.load()
    if (productId && catalog.product(productId).status !== 'ready') void catalog.loadProduct(productId)
    // Each createShare counts as a share in the funnel: a link this visit already has is reused.
    if (referral.shareLink(productId, 'chat').status !== 'ready') void referral.loadShareLink(productId, 'chat')
  }, [myShop, catalog, referral, productId])

  useShareAppMessage(() => ({
    title: product?.status === 'ready' ? product.data.title : myShop.shop?.name ?? '',
    ...(chat.status === 'ready' ? { path: chat.data.path } : {}),
  }))

  const makePoster = async (detail: ProductDetail | null) => {
    const mine = myShop.myShop.status === 'ready' ? myShop.myShop.data : null
    if (!mine?.shop) return
    setPoster({ step: 'making', content: null })
    const code = await attempt(async () => {
      if (referral.shareLink(productId, 'poster').status !== 'ready') await referral.loadShareLink(productId, 'poster')
      const link = referral.shareLink(productId, 'poster')
      if (link.status === 'error') throw link.error
      return referral.posterCode(link.status === 'ready' ? link.data.shareCode : '')
    })
    if (!code.ok) {
      showError(code.error)
      setPoster({ step: 'idle' })
      return
    }
    setPoster({
      step: 'making',
      content: {
        photo: detail ? detail.images[0] ?? null : mine.shop.avatar || null,
        title: detail ? detail.title : mine.shop.intro || mine.shop.name,
        priceText: detail ? priceRangeText(detail.minPriceFen, detail.maxPriceFen) : null,
        shopName: mine.shop.name,
        ownerName: mine.employee.name,
        qr: code.data.url,
      },
    })
  }

  const subject = product ? '这件商品' : '你的小店'
  return (
    <View className='shop-page share'>
      <LoadStateView state={chat} onRetry={() => void referral.loadShareLink(productId, 'chat')}>
        {(link) => (
          <View className='shop-page__card'>
            <Text className='shop-page__card-title'>分享{subject}</Text>
            {product?.status === 'ready' && <Text className='share__subject'>{product.data.title}</Text>}
            <View className='share__actions'>
              <Button className='share__action share__friend' openType='share'>发给微信好友</Button>
              <Text
                className='share__action share__copy'
                data-share-path={link.path}
                onClick={() => void Taro.setClipboardData({ data: link.path })}
              >
                复制链接
              </Text>
            </View>
            <Text className='shop-page__muted share__moments'>在商品页或小店主页点右上角“···”，可以分享到朋友圈。</Text>
          </View>
        )}
      </LoadStateView>

      <View className='shop-page__card poster'>
        <Text className='shop-page__card-title'>海报</Text>
        {poster.step === 'ready' ? (
          <>
            <Image className='poster__image' src={poster.image} mode='aspectFit' />
            <SavePoster image={poster.image} />
          </>
        ) : (
          <ActionButton
            className='poster__make'
            loading={poster.step === 'making'}
            disabled={Boolean(product && product.status !== 'ready')}
            onClick={() => void makePoster(product?.status === 'ready' ? product.data : null)}
          >
            生成海报
          </ActionButton>
        )}
        <PosterCanvas
          content={poster.step === 'making' ? poster.content : null}
          onDrawn={(image) => setPoster({ step: 'ready', image })}
          onFailed={() => {
            void Taro.showToast({ title: '海报生成失败，请重试', icon: 'none' })
            setPoster({ step: 'idle' })
          }}
        />
      </View>
      <Text className='shop-page__hint'>朋友通过你的分享进店后会与你的小店绑定，之后在小店下的订单归属于你的小店。</Text>
    </View>
  )
}

export default observer(SharePage)
