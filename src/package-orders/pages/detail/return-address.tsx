import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { addressLine } from '../../../core/address'
import type { Refund } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { returnTimeLeftText } from './return-time-left'

/**
 * 退货退款 agreed: where to send the goods (HQ's address as it was when HQ agreed), with a copy button
 * for pasting into a courier's app, and the deadline after which the return closes by itself.
 */
export function ReturnAddress({ refund }: { refund: Required<Pick<Refund, 'returnAddress' | 'returnDueAt'>> }) {
  const { returnAddress: to } = refund
  const dueAt = new Date(refund.returnDueAt)
  const copy = () => void Taro.setClipboardData({ data: `${to.name} ${to.phone} ${addressLine(to)}` })
  return (
    <View className='order-detail__card return-address'>
      <View className='return-address__head'>
        <Text className='order-detail__card-title'>退货地址</Text>
        <Text className='order-detail__copy return-address__copy' onClick={copy}>
          复制
        </Text>
      </View>
      <Text className='return-address__receiver'>{`${to.name}  ${to.phone}`}</Text>
      <Text className='return-address__line'>{addressLine(to)}</Text>
      <View className='return-address__due'>
        <Text>{`请在 ${formatShanghai(dueAt)} 前寄回并填写退货物流`}</Text>
        <Text className='return-address__left'>{returnTimeLeftText(dueAt, new Date())}</Text>
      </View>
      <Text className='return-address__note'>逾期未寄回，退货申请将自动关闭；请勿寄到付</Text>
    </View>
  )
}
