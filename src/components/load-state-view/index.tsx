import { Observer } from 'mobx-react-lite'
import type { ReactNode } from 'react'
import type { LoadState } from '../../stores/load-state'
import { StatusView } from '../status-view'

interface LoadStateViewProps<T> {
  state: LoadState<T>
  onRetry: () => void
  isEmpty?: (data: T) => boolean
  emptyText?: string
  emptyActionText?: string
  onEmptyAction?: () => void
  children: (data: T) => ReactNode
}

/**
 * StatusView for a store's LoadState: `children` renders the data once it has arrived and is not empty.
 * `children` runs here, not in the calling page, so it is wrapped in Observer: observables it reads
 * (such as the chosen persona) re-render it when they change.
 */
export function LoadStateView<T>(props: LoadStateViewProps<T>) {
  const { state, onRetry, isEmpty, emptyText, emptyActionText, onEmptyAction, children } = props
  return (
    <StatusView
      // 'idle' is the first render, before the page's effect has asked for data.
      loading={state.status === 'idle' || state.status === 'loading'}
      error={state.status === 'error' ? state.error : null}
      onRetry={onRetry}
      empty={state.status === 'ready' && Boolean(isEmpty?.(state.data))}
      emptyText={emptyText}
      emptyActionText={emptyActionText}
      onEmptyAction={onEmptyAction}
    >
      {state.status === 'ready' && <Observer>{() => <>{children(state.data)}</>}</Observer>}
    </StatusView>
  )
}
