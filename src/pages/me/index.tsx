import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useStores } from '../../stores'
import { DevSignIn } from './dev-sign-in'
import { ROLE_LABELS } from './role-labels'
import './index.less'

function MePage() {
  const { session } = useStores()
  // In WeChat the caller is the signed-in WeChat user; only the H5 build has a chosen persona.
  const persona = session?.persona ?? null
  const name = session ? (persona?.name ?? '未选择身份') : '微信用户'
  const note = persona ? ROLE_LABELS[persona.role] : (session ? '在下方选择一个开发者身份' : '欢迎来到 Everyshop')

  return (
    <View className='me'>
      <View className='me__profile'>
        <View className='me__avatar'>
          <Text>{persona ? persona.name.slice(0, 1) : '茶'}</Text>
        </View>
        <View className='me__identity'>
          <Text className='me__name'>{name}</Text>
          <Text className='me__note'>{note}</Text>
        </View>
      </View>

      <View className='me__menu'>
        <View className='me__menu-item' onClick={() => void Taro.navigateTo({ url: '/package-orders/pages/list/index' })}>
          <Text>我的订单</Text>
          <Text className='me__chevron'>›</Text>
        </View>
      </View>

      {session && <DevSignIn session={session} />}
    </View>
  )
}

export default observer(MePage)
