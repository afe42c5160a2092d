import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { replaceWithMyShop } from '../../../routes'
import { useStores } from '../../../stores'
import { TextField } from '../../components/text-field'
import '../../shop.less'

/** What the server takes: an employee number, and 4 to 32 characters of phone tail or invitation code. */
const MIN_CODE_LENGTH = 4

/**
 * 员工认证: the one way to become an employee — an entry of HQ's roster, proved by the last 4 digits
 * of the phone HQ has on file or HQ's invitation code. Wrong attempts are limited per account; the
 * server's answer says for how long.
 */
function VerifyPage() {
  const { myShop, profile } = useStores()
  const [employeeNo, setEmployeeNo] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState('')

  const submit = async () => {
    if (!employeeNo.trim() || code.trim().length < MIN_CODE_LENGTH) {
      setError('请填写工号，以及手机号后 4 位或邀请码')
      return
    }
    setError('')
    const outcome = await myShop.verify(employeeNo.trim(), code.trim())
    if (!outcome.ok) {
      setError(outcome.error.message)
      return
    }
    void profile.load()
    void Taro.showToast({ title: '认证成功', icon: 'success' })
    replaceWithMyShop()
  }

  return (
    <View className='shop-page verify'>
      <Text className='shop-page__hint'>总部花名册中的员工可以认证，认证后即可免费开一家自己的小店。</Text>
      <View className='shop-page__card'>
        <TextField label='工号' className='verify__employee-no' value={employeeNo} placeholder='例如 E1005' maxlength={32} onInput={setEmployeeNo} />
        <TextField
          label='手机号后 4 位或邀请码'
          className='verify__code'
          value={code}
          placeholder='总部登记的手机号后 4 位'
          maxlength={32}
          onInput={setCode}
        />
      </View>
      {error && <Text className='shop-page__form-error verify__error'>{error}</Text>}
      <ActionButton className='shop-page__button verify__submit' loading={myShop.saving} onClick={() => void submit()}>
        认证
      </ActionButton>
    </View>
  )
}

export default observer(VerifyPage)
