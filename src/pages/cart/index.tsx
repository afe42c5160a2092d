import Taro from '@tarojs/taro'
import { StatusView } from '../../components/status-view'

export default function CartPage() {
  return (
    <StatusView
      empty
      emptyText='购物车还是空的'
      emptyActionText='去逛逛'
      onEmptyAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
    />
  )
}
