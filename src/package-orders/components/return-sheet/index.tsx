import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { CARRIER_IDS, TRACKING_NO, type CarrierId } from '../../../core/shipping'
import { carrierName } from '../../../i18n/zh-CN'
import '../reason-sheet/index.less'
import './index.less'

interface ReturnSheetProps {
  busy: boolean
  onConfirm: (carrierId: CarrierId, trackingNo: string) => void
  onClose: () => void
}

/** 填写退货物流: the carrier the buyer sent the goods back with, and its tracking number. Looks like the reason sheet. */
export function ReturnSheet({ busy, onConfirm, onClose }: ReturnSheetProps) {
  const [carrierId, setCarrierId] = useState<CarrierId | null>(null)
  const [trackingNo, setTrackingNo] = useState('')
  const ready = carrierId !== null && TRACKING_NO.test(trackingNo.trim())
  return (
    <View className='reason-sheet return-sheet'>
      <View className='reason-sheet__mask' onClick={() => !busy && onClose()} />
      <View className='reason-sheet__panel'>
        <Text className='reason-sheet__title'>填写退货物流</Text>
        <View className='reason-sheet__reasons'>
          {CARRIER_IDS.map((id) => (
            <Text key={id} className={`reason-sheet__reason${carrierId === id ? ' reason-sheet__reason--picked' : ''}`} onClick={() => setCarrierId(id)}>
              {carrierName(id)}
            </Text>
          ))}
        </View>
        <Input className='reason-sheet__input return-sheet__tracking' value={trackingNo} maxlength={40} placeholder='请填写物流单号' onInput={(event) => setTrackingNo(event.detail.value)} />
        <View className='reason-sheet__buttons'>
          <ActionButton className='reason-sheet__cancel' disabled={busy} onClick={onClose}>再想想</ActionButton>
          <ActionButton className='reason-sheet__confirm' disabled={busy || !ready} loading={busy} onClick={() => ready && onConfirm(carrierId, trackingNo.trim())}>
            提交
          </ActionButton>
        </View>
      </View>
    </View>
  )
}
