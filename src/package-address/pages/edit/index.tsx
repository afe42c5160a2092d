import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState, type PropsWithChildren } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LengthCounter } from '../../../components/length-counter'
import { showError } from '../../../components/display'
import { StatusView } from '../../../components/status-view'
import { ADDRESS_LIMITS, PHONE_INPUT_MAX_LENGTH, addressInput, normalizePhone, type Address, type AddressInput } from '../../../core/address'
import { addressFieldText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import { inputOf } from '../../../stores/address-store'
import { RegionField } from './region-field'
import { WechatAddress } from './wechat-address'
import './index.less'

type Field = keyof AddressInput
type FieldErrors = Partial<Record<Field, string>>

const EMPTY: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false }

/** The schema's problems in words, one per field (the first problem of each). */
function check(values: AddressInput): { ok: true; data: AddressInput } | { ok: false; errors: FieldErrors } {
  const parsed = addressInput.safeParse(values)
  if (parsed.success) return { ok: true, data: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field
    errors[field] ??= addressFieldText(issue.message)
  }
  return { ok: false, errors }
}

function FormItem({ label, error, top = false, children }: PropsWithChildren<{ label: string; error?: string; top?: boolean }>) {
  return (
    <View className='address-form__item'>
      <View className={`address-form__field${top ? ' address-form__field--top' : ''}`}>
        <Text className='address-form__label'>{label}</Text>
        {children}
      </View>
      {error && <Text className='address-form__error'>{error}</Text>}
    </View>
  )
}

interface AddressFormProps {
  initial: AddressInput
  isNew: boolean
  saving: boolean
  onSave: (address: AddressInput) => void
  onDelete?: () => void
}

function AddressForm({ initial, isNew, saving, onSave, onDelete }: AddressFormProps) {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const set = (change: Partial<AddressInput>) => {
    setValues({ ...values, ...change })
    // A field being corrected no longer shows its old error.
    setErrors(Object.fromEntries(Object.entries(errors).filter(([field]) => !(field in change))))
  }

  const submit = (candidate: AddressInput) => {
    const checked = check(candidate)
    if (checked.ok) onSave(checked.data)
    else setErrors(checked.errors)
  }

  const fromWechat = (picked: AddressInput) => {
    const merged = { ...picked, isDefault: values.isDefault }
    setValues(merged)
    submit(merged)
  }

  return (
    <View className='address-form'>
      {isNew && <WechatAddress onPick={fromWechat} />}
      <View className='address-form__card'>
        <FormItem label='收货人' error={errors.name}>
          <Input className='address-form__input' value={values.name} placeholder='姓名' maxlength={ADDRESS_LIMITS.name} onInput={(e) => set({ name: e.detail.value })} />
          <LengthCounter className='address-form__counter' length={values.name.length} max={ADDRESS_LIMITS.name} />
        </FormItem>
        <FormItem label='手机号码' error={errors.phone}>
          {/* Text, not a number pad: a pasted "+86 138 0013 8000" is taken and kept as its 11 digits. */}
          <Input
            className='address-form__input'
            value={values.phone}
            placeholder='11 位手机号'
            maxlength={PHONE_INPUT_MAX_LENGTH}
            onInput={(e) => set({ phone: e.detail.value })}
            onBlur={() => setValues((current) => ({ ...current, phone: normalizePhone(current.phone) }))}
          />
        </FormItem>
        <FormItem label='所在地区' error={errors.province ?? errors.city ?? errors.district}>
          <View className='address-form__input'>
            <RegionField value={values} onChange={(region) => set(region)} />
          </View>
        </FormItem>
        <FormItem label='详细地址' error={errors.detail} top>
          <View className='address-form__textarea-box'>
            <Textarea
              className='address-form__textarea'
              value={values.detail}
              placeholder='街道、楼牌号等'
              maxlength={ADDRESS_LIMITS.detail}
              onInput={(e) => set({ detail: e.detail.value })}
            />
            <LengthCounter className='address-form__counter address-form__counter--below' length={values.detail.length} max={ADDRESS_LIMITS.detail} />
          </View>
        </FormItem>
      </View>
      <View className='address-form__card address-form__field'>
        <Text className='address-form__label address-form__label--wide'>设为默认地址</Text>
        <Switch checked={values.isDefault} color='#2f6b4f' onChange={(e) => set({ isDefault: e.detail.value })} />
      </View>
      <ActionButton className='address-form__save' disabled={saving} loading={saving} onClick={() => submit(values)}>保存</ActionButton>
      {onDelete && <ActionButton className='address-form__delete' disabled={saving} onClick={onDelete}>删除地址</ActionButton>}
    </View>
  )
}

function AddressEditPage() {
  const { addresses } = useStores()
  const params = useRouter().params
  const addressId = params.id
  const choosing = params.choose === '1'
  const existing: Address | undefined = addressId ? addresses.byId(addressId) : undefined

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: addressId ? '编辑收货地址' : '新增收货地址' })
    if (addresses.addresses.status === 'idle') void addresses.load()
  }, [addresses, addressId])

  const save = async (address: AddressInput) => {
    const outcome = await addresses.save(address, addressId)
    if (!outcome.ok) {
      showError(outcome.error)
      return
    }
    if (choosing) addresses.choose(outcome.data._id)
    void Taro.navigateBack()
  }

  const remove = async () => {
    if (!addressId) return
    const { confirm } = await Taro.showModal({ title: '删除这个地址？', confirmText: '删除', confirmColor: '#d2463a' })
    if (!confirm) return
    const outcome = await addresses.remove(addressId)
    if (outcome.ok) void Taro.navigateBack()
    else showError(outcome.error)
  }

  if (addressId && !existing) {
    const state = addresses.addresses
    if (state.status === 'error') return <StatusView error={state.error} onRetry={() => void addresses.load()} />
    if (state.status === 'ready') return <StatusView empty emptyText='地址不存在或已删除' />
    return <StatusView loading />
  }

  return (
    <AddressForm
      key={existing?._id ?? 'new'}
      // The first address becomes the default anyway; say so by switching it on.
      initial={existing ? inputOf(existing) : { ...EMPTY, isDefault: addresses.addresses.status === 'ready' && addresses.addresses.data.length === 0 }}
      isNew={!existing}
      saving={addresses.saving || (addressId ? addresses.changing.has(addressId) : false)}
      onSave={(address) => void save(address)}
      onDelete={existing ? () => void remove() : undefined}
    />
  )
}

export default observer(AddressEditPage)
