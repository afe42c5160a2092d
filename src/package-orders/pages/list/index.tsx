import Taro from '@tarojs/taro'
import { StatusView } from '../../../components/status-view'

export default function OrderListPage() {
  return (
    <StatusView
      empty
      emptyText='还没有订单'
      emptyActionText='去逛逛'
      onEmptyAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
    />
  )
}
