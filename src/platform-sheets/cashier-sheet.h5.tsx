import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { ActionButton } from '../components/action-button'
import { formatFen } from '../core/money'
import { devCashier } from '../services/payment-sheet.h5'
import { useStores } from '../stores'
import './cashier-sheet.less'

/** The local cloud's stand-in for WeChat's pay sheet, shown while DevCashier has a payment waiting for the buyer. */
export const CashierSheet = observer(function CashierSheet() {
  const { catalog } = useStores()
  const payment = devCashier.current

  useEffect(() => {
    if (payment && catalog.storefront.status === 'idle') void catalog.loadStorefront()
  }, [payment, catalog])

  if (!payment) return null
  const merchant = catalog.storefront.status === 'ready' ? catalog.storefront.data.name : ''

  return (
    <View className='cashier'>
      <View className='cashier__mask' />
      <View className='cashier__sheet'>
        <View className='cashier__head'>
          <Text className='cashier__close' onClick={() => void devCashier.cancel()}>×</Text>
          <Text className='cashier__title'>收银台</Text>
        </View>
        <Text className='cashier__dev-note'>本地开发环境 · 模拟微信支付</Text>
        <Text className='cashier__amount'>{formatFen(payment.amountFen)}</Text>
        <View className='cashier__rows'>
          <View className='cashier__row'>
            <Text className='cashier__label'>收款方</Text>
            <Text className='cashier__merchant'>{merchant}</Text>
          </View>
          <View className='cashier__row'>
            <Text className='cashier__label'>订单编号</Text>
            <Text>{payment.orderNo}</Text>
          </View>
        </View>
        {devCashier.error && <Text className='cashier__error'>{devCashier.error}</Text>}
        <ActionButton className='cashier__pay' disabled={devCashier.busy} loading={devCashier.busy} onClick={() => void devCashier.pay()}>
          确认支付
        </ActionButton>
        <ActionButton className='cashier__cancel' disabled={devCashier.busy} onClick={() => void devCashier.cancel()}>
          取消
        </ActionButton>
      </View>
    </View>
  )
})
