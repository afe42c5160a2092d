import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { ROLE_LABELS } from '../../core/user'
import { useStores } from '../../stores'
import { DevSignIn } from './dev-sign-in'
import './index.less'

function MePage() {
  const { profile, session } = useStores()
  const personaKey = session?.personaKey ?? null

  // Who you are is the server's answer for this caller; on H5 it changes with the chosen persona.
  useEffect(() => {
    void profile.load()
  }, [profile, personaKey])

  const state = profile.profile
  const known = state.status === 'ready' ? state.data : null
  const name = known?.nickname ?? (state.status === 'loading' ? '…' : '微信用户')
  const note = known
    ? [ROLE_LABELS[known.role], known.employeeNo && `工号 ${known.employeeNo}`].filter(Boolean).join(' · ')
    : session
      ? '在下方选择一个开发者身份'
      : '欢迎来到 Everyshop'

  return (
    <View className='me'>
      <View className='me__profile'>
        <View className='me__avatar'>
          <Text>{known ? known.nickname.slice(0, 1) : '茶'}</Text>
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
