import { useEffect } from 'react'
import type { StorefrontView } from '../contracts/catalog'
import type { ShippingRule } from '../core/pricing'
import { useStores } from '../stores'

/** HQ's storefront settings, loaded once for the whole app (a page that needs them first asks); null until known. */
function useStorefront(): StorefrontView | null {
  const { catalog } = useStores()
  const state = catalog.storefront
  useEffect(() => {
    if (state.status === 'idle') void catalog.loadStorefront()
  }, [catalog, state.status])
  return state.status === 'ready' ? state.data : null
}

/**
 * HQ's brand name (the `storefront` settings); null until known. Every title that names the shop shows
 * it, never a name built into the app. For observer components.
 */
export function useBrandName(): string | null {
  return useStorefront()?.name ?? null
}

/** HQ's shipping rule as the server prices orders by it now (满¥X包邮); null until known. For observer components. */
export function useShippingRule(): ShippingRule | null {
  return useStorefront()?.shipping ?? null
}
