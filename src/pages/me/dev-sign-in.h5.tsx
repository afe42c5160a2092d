import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadStateView } from '../../components/load-state-view'
import type { Persona } from '../../services/dev-personas'
import { roleText } from '../../i18n/zh-CN'
import type { DevSignInProps } from './dev-sign-in'
import './dev-sign-in.less'

/** Picks the persona the local cloud treats as the caller of every later function call. */
export const DevSignIn = observer(function DevSignIn({ session }: DevSignInProps) {
  useEffect(() => {
    void session.loadPersonas()
  }, [session])

  const choose = (persona: Persona) => {
    session.choosePersona(persona)
    void Taro.showToast({ title: `已切换为${persona.name}`, icon: 'none' })
  }

  return (
    <View className='dev-sign-in'>
      <Text className='dev-sign-in__title'>开发者登录 · 切换身份</Text>
      <LoadStateView
        state={session.personas}
        onRetry={() => void session.loadPersonas()}
        isEmpty={(personas) => personas.length === 0}
        emptyText='本地云还没有可用的身份'
      >
        {(personas) => personas.map((persona) => (
          <View
            key={persona.key}
            className={`dev-sign-in__persona${persona.key === session.personaKey ? ' dev-sign-in__persona--chosen' : ''}`}
            onClick={() => choose(persona)}
          >
            <View className='dev-sign-in__persona-head'>
              <Text className='dev-sign-in__persona-name'>{persona.name}</Text>
              <Text className='dev-sign-in__role'>{roleText(persona.role)}</Text>
            </View>
            <Text className='dev-sign-in__description'>{persona.description}</Text>
          </View>
        ))}
      </LoadStateView>
    </View>
  )
})
