import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import type { HqOrderView } from '../../../core/order'
import type { CarrierId } from '../../../core/shipping'
import { errorText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import { CarrierPicker } from '../../components/carrier-picker'

/**
 * Ships the chosen orders at once: one carrier for the batch, a tracking number per order. Each order
 * ships or is refused on its own; the refused stay in the sheet with the reason, to correct and resend.
 */
export const BatchShip = observer(function BatchShip({ orders, onClose }: { orders: HqOrderView[]; onClose(shippedIds: string[]): void }) {
  const { hq } = useStores()
  const [carrierId, setCarrierId] = useState<CarrierId>('SF')
  const [trackingNos, setTrackingNos] = useState<Record<string, string>>({})
  const [refusals, setRefusals] = useState<Record<string, string>>({})
  const [shippedIds, setShippedIds] = useState<string[]>([])
  const [failure, setFailure] = useState('')
  const waiting = orders.filter((order) => !shippedIds.includes(order._id))
  const complete = waiting.every((order) => trackingNos[order._id]?.trim())

  const ship = async () => {
    setFailure('')
    const outcome = await hq.shipOrders(waiting.map((order) => ({ orderId: order._id, carrierId, trackingNo: trackingNos[order._id].trim() })))
    if (!outcome.ok) {
      // A field the server refused is pointed out on its order's row (issue paths `orders.<n>.trackingNo`).
      const issues = outcome.error.code === 'INVALID_INPUT' && Array.isArray(outcome.error.details.issues) ? (outcome.error.details.issues as Array<{ path: string; message: string }>) : []
      const byRow = Object.fromEntries(issues.flatMap((issue) => {
        const row = waiting[Number(issue.path.match(/^orders\.(\d+)\./)?.[1] ?? NaN)]
        return row ? [[row._id, issue.message]] : []
      }))
      setRefusals(byRow)
      if (Object.keys(byRow).length === 0) setFailure(outcome.error.message)
      return
    }
    const shipped = [...shippedIds, ...outcome.data.filter((o) => o.ok).map((o) => o.orderId)]
    const refused = Object.fromEntries(outcome.data.flatMap((o) => (o.ok ? [] : [[o.orderId, errorText(o.error.code, o.error.details)]])))
    setShippedIds(shipped)
    setRefusals(refused)
    if (Object.keys(refused).length === 0) {
      void Taro.showToast({ title: `已发货 ${shipped.length} 单`, icon: 'success' })
      onClose(shipped)
    }
  }

  return (
    <View className='hq-orders__sheet'>
      <View className='hq-page__card hq-orders__batch'>
        <Text className='hq-page__card-title'>{`批量发货（${waiting.length} 单）`}</Text>
        <Text className='hq-page__label'>物流公司</Text>
        <CarrierPicker value={carrierId} onChange={setCarrierId} />
        {waiting.map((order) => (
          <View key={order._id} className='hq-orders__batch-row'>
            <Text className='hq-page__muted'>{`${order.orderNo} · ${order.address.name}`}</Text>
            <Input
              className='hq-page__input hq-orders__tracking'
              value={trackingNos[order._id] ?? ''}
              placeholder='物流单号'
              maxlength={40}
              onInput={(event) => setTrackingNos({ ...trackingNos, [order._id]: event.detail.value })}
            />
            {refusals[order._id] && <Text className='hq-page__error'>{refusals[order._id]}</Text>}
          </View>
        ))}
        {failure && <Text className='hq-page__error'>{failure}</Text>}
        <View className='hq-page__buttons'>
          <ActionButton className='hq-page__button hq-page__button--plain hq-orders__batch-close' onClick={() => onClose(shippedIds)}>
            关闭
          </ActionButton>
          <ActionButton className='hq-page__button hq-orders__batch-confirm' loading={hq.saving} disabled={!complete || waiting.length === 0} onClick={() => void ship()}>
            确认发货
          </ActionButton>
        </View>
      </View>
    </View>
  )
})
