import { useDidShow } from '@tarojs/taro'
import { reaction } from 'mobx'
import { useEffect, type PropsWithChildren } from 'react'
import { showCartBadge } from './components/cart-badge'
import { PlatformSheets } from './platform-sheets'
import { createRootStore, StoreProvider } from './stores'
import './app.less'

const rootStore = createRootStore()

export default function App({ children }: PropsWithChildren) {
  // The badge follows every cart change, wherever it is made.
  useEffect(() => reaction(() => rootStore.cart.count, showCartBadge), [])
  // Coming back to the app: the cart may have changed on another device (or an order emptied it).
  useDidShow(() => void rootStore.cart.load())

  return (
    <StoreProvider store={rootStore}>
      {/* Before the pages: Taro's H5 router hides a page that is not its container's last child. */}
      <PlatformSheets />
      {children}
    </StoreProvider>
  )
}
