import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { ActionButton } from '../../../components/action-button'
import { CheckMark } from '../../../components/check-mark'
import { showError } from '../../../components/display'
import { LoadStateView } from '../../../components/load-state-view'
import { addressLine, maskedPhone, MAX_ADDRESSES, type Address } from '../../../core/address'
import { errorText } from '../../../i18n/zh-CN'
import { openAddressForm } from '../../../routes'
import { useStores } from '../../../stores'
import type { Outcome } from '../../../stores/load-state'
import './index.less'

interface AddressRowProps {
  address: Address
  chosen: boolean
  busy: boolean
  onPick?: () => void
  onEdit: () => void
  onDefault: () => void
  onDelete: () => void
}

function AddressRow({ address, chosen, busy, onPick, onEdit, onDefault, onDelete }: AddressRowProps) {
  return (
    <View className={`address-book__item${chosen ? ' address-book__item--chosen' : ''}`}>
      <View className='address-book__main' onClick={onPick ?? onEdit}>
        <View className='address-book__head'>
          <Text className='address-book__name'>{address.name}</Text>
          <Text className='address-book__phone'>{maskedPhone(address.phone)}</Text>
          {address.isDefault && <Text className='address-book__tag'>默认</Text>}
        </View>
        <Text className='address-book__line'>{addressLine(address)}</Text>
      </View>
      <View className='address-book__actions'>
        <View className='address-book__default' onClick={() => !busy && !address.isDefault && onDefault()}>
          <CheckMark checked={address.isDefault} disabled={busy && !address.isDefault} />
          <Text className='address-book__default-text'>{address.isDefault ? '默认地址' : '设为默认'}</Text>
        </View>
        <Text className='address-book__action' onClick={onEdit}>编辑</Text>
        <Text className='address-book__action' onClick={() => !busy && onDelete()}>删除</Text>
      </View>
    </View>
  )
}

function AddressBookPage() {
  const { addresses } = useStores()
  // Opened from checkout: tapping an address picks it for the order and goes back.
  const choosing = useRouter().params.choose === '1'

  useDidShow(() => void addresses.load())

  const report = (outcome: Outcome<unknown>) => {
    if (!outcome.ok) showError(outcome.error)
  }

  const remove = async (address: Address) => {
    const { confirm } = await Taro.showModal({ title: '删除这个地址？', content: addressLine(address), confirmText: '删除', confirmColor: '#d2463a' })
    if (confirm) report(await addresses.remove(address._id))
  }

  const pick = (address: Address) => {
    addresses.choose(address._id)
    void Taro.navigateBack()
  }

  const full = addresses.addresses.status === 'ready' && addresses.addresses.data.length >= MAX_ADDRESSES

  return (
    <View className='address-book'>
      <LoadStateView
        state={addresses.addresses}
        onRetry={() => void addresses.load()}
        isEmpty={(items) => items.length === 0}
        emptyText='还没有收货地址'
      >
        {(items) => items.map((address) => (
          <AddressRow
            key={address._id}
            address={address}
            chosen={choosing && addresses.forCheckout?._id === address._id}
            busy={addresses.changing.has(address._id)}
            onPick={choosing ? () => pick(address) : undefined}
            onEdit={() => openAddressForm({ addressId: address._id })}
            onDefault={() => void addresses.setDefault(address).then(report)}
            onDelete={() => void remove(address)}
          />
        ))}
      </LoadStateView>
      <View className='address-book__bar'>
        <ActionButton className='address-book__add' disabled={full} onClick={() => openAddressForm({ choosing })}>
          {/* A full book refuses a new address: say so on the button, in the words of that refusal. */}
          {full ? errorText('ADDRESS_BOOK_FULL', { max: MAX_ADDRESSES }) : '新增收货地址'}
        </ActionButton>
      </View>
    </View>
  )
}

export default observer(AddressBookPage)
