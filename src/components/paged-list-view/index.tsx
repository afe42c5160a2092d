import { Observer } from 'mobx-react-lite'
import type { ReactNode } from 'react'
import type { PagedList } from '../../stores/paged-list'
// LoadStateView before ListFooter, as on the pages that use both: one order for their styles.
import { LoadStateView } from '../load-state-view'
import { ListFooter } from '../list-footer'

interface PagedListViewProps<T extends { _id: string }> {
  list: Pick<PagedList<T>, 'state' | 'footer' | 'retry'>
  emptyText: string
  emptyActionText?: string
  onEmptyAction?: () => void
  /** The items so far; the footer (more on the way, retry, the end) follows them. */
  children: (items: T[]) => ReactNode
}

/**
 * A PagedList on screen: loading or its error until the first page, `emptyText` when it has no items.
 * The list is read inside Observer, so its pages re-render this whatever the calling page observes.
 */
export function PagedListView<T extends { _id: string }>(props: PagedListViewProps<T>) {
  const { list, emptyText, emptyActionText, onEmptyAction, children } = props
  return (
    <Observer>
      {() => (
        <LoadStateView
          state={list.state}
          onRetry={() => void list.retry()}
          isEmpty={(items) => items.length === 0}
          emptyText={emptyText}
          emptyActionText={emptyActionText}
          onEmptyAction={onEmptyAction}
        >
          {(items) => (
            <>
              {children(items)}
              <ListFooter footer={list.footer} onRetry={() => void list.retry()} />
            </>
          )}
        </LoadStateView>
      )}
    </Observer>
  )
}
