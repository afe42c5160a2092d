import type { PropsWithChildren } from 'react'
import { createRootStore, StoreProvider } from './stores'
import './app.less'

const rootStore = createRootStore()

export default function App({ children }: PropsWithChildren) {
  return <StoreProvider store={rootStore}>{children}</StoreProvider>
}
