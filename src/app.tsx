import Taro, { useDidShow, usePageNotFound } from '@tarojs/taro'
import { reaction } from 'mobx'
import { useEffect, type PropsWithChildren } from 'react'
import { showCartBadge } from './components/cart-badge'
import { showPageNotFound } from './routes'
import { PlatformSheets } from './platform-sheets'
import { wireNavigationBar } from './services/navigation-bar'
import { createRootStore, StoreProvider } from './stores'
import './app.less'

const rootStore = createRootStore()

export default function App({ children }: PropsWithChildren) {
  // The badge follows every cart change, wherever it is made.
  useEffect(() => reaction(() => rootStore.cart.count, showCartBadge), [])
  useEffect(wireNavigationBar, [])
  useDidShow((options) => {
    // A share code comes with the launch or a later show, before anything else: keep it, record the visit.
    const entered = options ?? Taro.getEnterOptionsSync()
    rootStore.referral.arrive(entered.query, entered.scene)
    // Coming back to the app: the cart may have changed on another device (or an order emptied it).
    void rootStore.cart.load()
  })

  // An old share or a mistyped address: a page that says so, with a way home, not a blank screen.
  usePageNotFound(showPageNotFound)

  return (
    <StoreProvider store={rootStore}>
      {/* Before the pages: Taro's H5 router hides a page that is not its container's last child. */}
      <PlatformSheets />
      {children}
    </StoreProvider>
  )
}
