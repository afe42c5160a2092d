import { useEffect } from 'react'
import { useStores } from '../stores'

/**
 * HQ's brand name (the `storefront` settings), loaded once for the whole app; null until known. Every
 * title that names the shop shows it, never a name built into the app. For observer components.
 */
export function useBrandName(): string | null {
  const { catalog } = useStores()
  const state = catalog.storefront
  useEffect(() => {
    if (state.status === 'idle') void catalog.loadStorefront()
  }, [catalog, state.status])
  return state.status === 'ready' ? state.data.name : null
}
