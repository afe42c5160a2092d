import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { showError } from '../../../components/display'
import { PagedListView } from '../../../components/paged-list-view'
import type { FavoriteItem } from '../../../core/favorite'
import { formatFen } from '../../../core/money'
import { goShopping, openProduct } from '../../../routes'
import { useStores } from '../../../stores'
import './index.less'

interface FavoriteRowProps {
  item: FavoriteItem
  busy: boolean
  onRemove: (item: FavoriteItem) => void
}

/** A favourite; one taken off the shelf is greyed, cannot be opened, and can be removed. */
function FavoriteRow({ item, busy, onRemove }: FavoriteRowProps) {
  return (
    <View className={`favorite${item.available ? '' : ' favorite--unavailable'}`} onClick={() => item.available && openProduct(item._id)}>
      <Image className='favorite__image' src={item.coverImage} mode='aspectFill' lazyLoad />
      <View className='favorite__body'>
        <Text className='favorite__title'>{item.title || '商品已不存在'}</Text>
        {item.available ? <Text className='favorite__price'>{formatFen(item.minPriceFen)} 起</Text> : <Text className='favorite__note'>已下架</Text>}
      </View>
      <Text
        className='favorite__remove'
        onClick={(event) => {
          event.stopPropagation()
          if (!busy) onRemove(item)
        }}
      >
        取消收藏
      </Text>
    </View>
  )
}

/** 我的收藏: newest first, read afresh each time it shows (a heart tapped meanwhile). */
function FavoritesPage() {
  const { favorites } = useStores()
  const list = favorites.list()
  useDidShow(() => void list.refresh())
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => void list.refresh().finally(() => void Taro.stopPullDownRefresh()))

  const remove = async (item: FavoriteItem) => {
    const outcome = await favorites.remove(item._id)
    if (outcome.ok) void list.refresh()
    else showError(outcome.error)
  }

  return (
    <View className='favorites'>
      <PagedListView list={list} emptyText='还没有收藏的商品' emptyActionText='去逛逛' onEmptyAction={goShopping}>
        {(items) => items.map((item) => <FavoriteRow key={item._id} item={item} busy={favorites.changing.has(item._id)} onRemove={(it) => void remove(it)} />)}
      </PagedListView>
    </View>
  )
}

export default observer(FavoritesPage)
