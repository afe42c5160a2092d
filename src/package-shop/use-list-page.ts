import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PagedList } from '../stores/paged-list'

/**
 * The page hooks of an owner's list (customers, orders, the commission ledger, withdrawals): read afresh
 * each time the page shows, since a share or a move made meanwhile may have added one; the next page at the bottom; pull to refresh.
 */
export function useListPage(list: Pick<PagedList<{ _id: string }>, 'refresh' | 'loadMore'>): void {
  useDidShow(() => void list.refresh())
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => void list.refresh().finally(() => void Taro.stopPullDownRefresh()))
}
