import { createContext, createElement, useContext, type PropsWithChildren } from 'react'
import type { CloudClient } from '../services/cloud'
import { createCloudClient } from '../services/cloud-client'
import { localCloudPersonas } from '../services/dev-personas'
import { CatalogStore } from './catalog-store'
import { ProfileStore } from './profile-store'
import { SessionStore } from './session-store'

export class RootStore {
  readonly catalog: CatalogStore
  readonly profile: ProfileStore

  /** `session` is null in WeChat, where the caller is whoever opened the mini program. */
  constructor(cloud: CloudClient, readonly session: SessionStore | null) {
    this.catalog = new CatalogStore(cloud)
    this.profile = new ProfileStore(cloud)
  }
}

export function createRootStore(): RootStore {
  const session = process.env.TARO_ENV === 'h5' ? new SessionStore(localCloudPersonas) : null
  return new RootStore(createCloudClient(session), session)
}

const StoreContext = createContext<RootStore | null>(null)

export function StoreProvider({ store, children }: PropsWithChildren<{ store: RootStore }>) {
  return createElement(StoreContext.Provider, { value: store }, children)
}

export function useStores(): RootStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStores() needs a <StoreProvider> above it')
  return store
}
