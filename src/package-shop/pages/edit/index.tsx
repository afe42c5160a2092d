import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import { ShopAvatar } from '../../../components/shop-identity'
import type { MyShop } from '../../../contracts/shop'
import type { ShopProfileInput } from '../../../core/shop'
import { shopFieldText } from '../../../i18n/zh-CN'
import { replaceWithMyShop } from '../../../routes'
import { useStores } from '../../../stores'
import type { CloudError } from '../../../services/cloud'
import { TextField } from '../../components/text-field'
import '../../shop.less'
import './index.less'

/** The form's limits, as the shop schema has them (its words name them too). */
const NAME_MAX = 20
const INTRO_MAX = 200

type FieldErrors = Partial<Record<keyof ShopProfileInput, string>>

/** The fields the server refused (INVALID_INPUT names each with the rule it broke), in words. */
function fieldErrors(error: CloudError): FieldErrors | null {
  const issues = error.details.issues
  if (error.code !== 'INVALID_INPUT' || !Array.isArray(issues)) return null
  const errors: FieldErrors = {}
  for (const issue of issues as Array<{ path: string; message: string }>) {
    const field = issue.path.replace(/^profile\./, '') as keyof ShopProfileInput
    errors[field] = shopFieldText(issue.message)
  }
  return errors
}

function ShopForm({ mine }: { mine: MyShop }) {
  const { myShop } = useStores()
  const opening = !mine.shop
  const [values, setValues] = useState<ShopProfileInput>(() =>
    mine.shop ? { name: mine.shop.name, avatar: mine.shop.avatar, intro: mine.shop.intro } : mine.defaults.profile,
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState('')
  const set = (change: Partial<ShopProfileInput>) => setValues({ ...values, ...change })

  const save = async () => {
    setErrors({})
    setFailure('')
    const outcome = opening ? await myShop.open(values, mine.defaults.picks) : await myShop.update(values)
    if (outcome.ok) {
      void Taro.showToast({ title: opening ? '小店开张了' : '已保存', icon: 'success' })
      if (opening) replaceWithMyShop()
      else void Taro.navigateBack()
      return
    }
    const refused = fieldErrors(outcome.error)
    if (refused) setErrors(refused)
    else setFailure(outcome.error.message)
  }

  return (
    <View className='shop-page shop-form'>
      <View className='shop-page__card'>
        <View className='shop-form__avatar-row'>
          <ShopAvatar className='shop-form__avatar' shop={values} />
          <Text className='shop-page__muted'>{values.avatar ? '小店头像' : '没有头像时显示店名的第一个字'}</Text>
        </View>
        {errors.avatar && <Text className='shop-page__error'>{errors.avatar}</Text>}
        <TextField label='小店名称' className='shop-form__name' value={values.name} maxlength={NAME_MAX} error={errors.name} onInput={(name) => set({ name })} />
        <View className='shop-page__field'>
          <Text className='shop-page__label'>小店简介</Text>
          <Textarea
            className='shop-page__textarea shop-form__intro'
            value={values.intro}
            maxlength={INTRO_MAX}
            placeholder='介绍一下你和你推荐的好物'
            onInput={(e) => set({ intro: e.detail.value })}
          />
          {errors.intro && <Text className='shop-page__error'>{errors.intro}</Text>}
        </View>
      </View>
      {opening && (
        <Text className='shop-page__hint'>
          开店免费，无须进货。开店后默认展示总部的全部商品，可以随时在“选品”中调整。
          {mine.reviewRequired ? '新开的小店需要总部审核。' : ''}
        </Text>
      )}
      {failure && <Text className='shop-page__form-error'>{failure}</Text>}
      <ActionButton className='shop-page__button shop-form__save' loading={myShop.saving} onClick={() => void save()}>
        {opening ? '开店' : '保存'}
      </ActionButton>
    </View>
  )
}

/** Opens the shop in one screen (name, avatar, intro from the roster's defaults), or edits it. */
function ShopFormPage() {
  const { myShop } = useStores()

  useEffect(() => {
    if (myShop.myShop.status !== 'ready') void myShop.load()
  }, [myShop])

  return (
    <LoadStateView state={myShop.myShop} onRetry={() => void myShop.load()}>
      {(mine) => <ShopForm mine={mine} />}
    </LoadStateView>
  )
}

export default observer(ShopFormPage)
