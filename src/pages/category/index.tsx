import Taro from '@tarojs/taro'
import { StatusView } from '../../components/status-view'

export default function CategoryPage() {
  return (
    <StatusView
      empty
      emptyText='分类正在整理中'
      emptyActionText='先去首页看看'
      onEmptyAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
    />
  )
}
