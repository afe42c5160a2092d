import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { ActionButton } from '../components/action-button'
import { formatFen } from '../core/money'
import { devTransferSheet } from '../services/transfer-sheet.h5'
import { useStores } from '../stores'
import './cashier-sheet.less'

/** The local cloud's stand-in for WeChat's 确认收款 page, shown while DevTransferSheet has a transfer waiting for the employee. */
export const TransferSheet = observer(function TransferSheet() {
  const { catalog } = useStores()
  const transfer = devTransferSheet.current

  useEffect(() => {
    if (transfer && catalog.storefront.status === 'idle') void catalog.loadStorefront()
  }, [transfer, catalog])

  if (!transfer) return null
  const payer = catalog.storefront.status === 'ready' ? catalog.storefront.data.name : ''
  const bill = transfer.bill

  return (
    <View className='cashier transfer-sheet'>
      <View className='cashier__mask' />
      <View className='cashier__sheet'>
        <View className='cashier__head'>
          <Text className='cashier__close' onClick={() => devTransferSheet.dismiss()}>×</Text>
          <Text className='cashier__title'>确认收款</Text>
        </View>
        <Text className='cashier__dev-note'>本地开发环境 · 模拟微信支付商家转账</Text>
        <Text className='cashier__amount transfer-sheet__amount'>{bill ? formatFen(bill.transferAmount) : '…'}</Text>
        <View className='cashier__rows'>
          <View className='cashier__row'>
            <Text className='cashier__label'>付款方</Text>
            <Text className='cashier__merchant'>{payer}</Text>
          </View>
          <View className='cashier__row'>
            <Text className='cashier__label'>转账备注</Text>
            <Text>{bill?.transferRemark ?? ''}</Text>
          </View>
          <View className='cashier__row'>
            <Text className='cashier__label'>收款方式</Text>
            <Text>微信零钱</Text>
          </View>
        </View>
        {devTransferSheet.error && <Text className='cashier__error'>{devTransferSheet.error}</Text>}
        <ActionButton
          className='cashier__pay transfer-sheet__confirm'
          disabled={devTransferSheet.busy || !bill}
          loading={devTransferSheet.busy}
          onClick={() => void devTransferSheet.accept()}
        >
          确认收款
        </ActionButton>
        <ActionButton className='cashier__cancel transfer-sheet__later' disabled={devTransferSheet.busy} onClick={() => devTransferSheet.dismiss()}>
          稍后再说
        </ActionButton>
      </View>
    </View>
  )
})
