import { Button, Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect } from 'react'
import { sharePath, shareTimelineQuery, type ShareTarget } from '../../core/share-code'
import { useStores } from '../../stores'
import './index.less'

export interface PageShare {
  /** What a chat card opens: the owner's own link, else the link the visitor came with, else the bare page. */
  path: string
  /** Whether the path is the caller's own share (they run the shop): a poster can be made of it. */
  own: boolean
  /** Counts a share of the chat link (the link copied); the share sheets count their own. */
  counted: () => void
}

/**
 * WeChat's share handlers of a landing page (chat and Moments: Moments needs both). An employee
 * shares their own shop's code for the page (createShare: one code per channel); anyone else passes
 * on the code they arrived with once the server has recognised it, or shares the bare page. Nothing
 * is given for sharing (WeChat bans 诱导分享), so the card says only what is shared.
 */
export function usePageShare(target: ShareTarget, arrivedWith: string | null, content: () => { title: string; imageUrl?: string }): PageShare {
  const { profile, referral, myShop } = useStores()
  const employee = profile.profile.status === 'ready' && profile.profile.data?.role === 'employee'
  const productId = target.page === 'product' ? target.productId : null
  // On a shop home only its owner shares their own code; a product is shared from the caller's own shop.
  const own = employee && (target.page === 'product' || myShop.shop?._id === target.shopId)
  const chat = referral.shareLink(productId, 'chat')
  const moments = referral.shareLink(productId, 'moments')

  useEffect(() => {
    if (profile.profile.status === 'idle') void profile.load()
  }, [profile])
  useEffect(() => {
    if (employee && target.page === 'shop' && myShop.myShop.status === 'idle') void myShop.load()
  }, [employee, target.page, myShop])
  useEffect(() => {
    if (!own) return
    if (chat.status === 'idle') void referral.loadShareLink(productId, 'chat')
    if (moments.status === 'idle') void referral.loadShareLink(productId, 'moments')
  }, [own, productId, chat.status, moments.status, referral])

  const passedOn = arrivedWith && referral.landing(arrivedWith).status === 'ready' ? arrivedWith : undefined
  const chatCode = own && chat.status === 'ready' ? chat.data.shareCode : passedOn
  const momentsCode = own && moments.status === 'ready' ? moments.data.shareCode : passedOn
  const path = sharePath(target, chatCode)
  const query = shareTimelineQuery(target, momentsCode)
  // A share counts when someone shares, not when the link is prepared; WeChat asks these handlers then.
  const count = (code: string | undefined) => code && referral.countShare(code)

  useShareAppMessage(() => {
    count(chatCode)
    return { ...content(), path }
  })
  useShareTimeline(() => {
    count(momentsCode)
    return { ...content(), query }
  })
  return { path, own: own && chat.status === 'ready', counted: () => count(chatCode) }
}

interface ShareBarProps {
  share: PageShare
  onPoster: () => void
}

/**
 * 分享给好友 opens WeChat's share sheet; 复制链接 copies the path (and carries it as data-share-path:
 * the browser build has no share sheet); 生成海报 for the shop's owner.
 */
export function ShareBar({ share, onPoster }: ShareBarProps) {
  return (
    <View className='share-bar'>
      <Button className='share-bar__item share-bar__friend' openType='share'>分享给好友</Button>
      <Text
        className='share-bar__item share-bar__copy'
        data-share-path={share.path}
        onClick={() => {
          share.counted()
          void Taro.setClipboardData({ data: share.path })
        }}
      >
        复制链接
      </Text>
      {share.own && <Text className='share-bar__item share-bar__poster' onClick={onPoster}>生成海报</Text>}
    </View>
  )
}
