import { Text, View } from '@tarojs/components'
import { specsText } from '../../../components/display'
import { formatFen } from '../../../core/money'
import { refundedOf, refundsOf, type OrderView } from '../../../core/order'
import { formatShanghai } from '../../../core/time'
import { refundStatusText } from '../../../i18n/zh-CN'

/**
 * 退款记录: what the refunds that succeeded sent back in all, then every refund of the order, newest
 * first — what it gives back, how it went, and why.
 */
export function Refunds({ order }: { order: Pick<OrderView, 'lines' | 'refund' | 'previousRefunds'> }) {
  const refunds = refundsOf(order).reverse()
  const refundedFen = refundedOf(order).fen
  return (
    <View className='refunds'>
      {refundedFen > 0 && (
        <View className='refunds__total'>
          <Text>累计已退款</Text>
          <Text className='refunds__total-amount'>{formatFen(refundedFen)}</Text>
        </View>
      )}
      {refunds.map((refund) => {
        const returned = refund.lines.filter((l) => l.quantity > 0)
        return (
          <View key={refund.outRefundNo} className={`refunds__refund refunds__refund--${refund.status}`}>
            <View className='refunds__head'>
              <Text className='refunds__amount'>{formatFen(refund.amountFen)}</Text>
              {refund.amountFen < refund.requestedFen && <Text className='refunds__asked'>申请 {formatFen(refund.requestedFen)}</Text>}
              <Text className='refunds__status'>
                {refund.startedBy === 'hq' ? '商家发起 · ' : ''}
                {refundStatusText(refund.status)}
              </Text>
            </View>
            {returned.map((l) => {
              const line = order.lines[l.lineIndex]
              return (
                <Text key={l.lineIndex} className='refunds__line'>
                  {line.title}
                  {Object.keys(line.specs).length > 0 ? ` ${specsText(line.specs)}` : ''} ×{l.quantity}
                </Text>
              )
            })}
            {returned.length === 0 && <Text className='refunds__line'>仅退款，商品无需退回</Text>}
            {refund.shippingFen > 0 && <Text className='refunds__line'>含运费 {formatFen(refund.shippingFen)}</Text>}
            {refund.kind === 'return' && (
              <Text className='refunds__line refunds__return'>
                退货退款{refund.returnShipment ? ` · ${refund.returnShipment.company} ${refund.returnShipment.trackingNo}` : ''}
                {refund.returnShipment?.receivedAt ? ' · 商家已收货' : ''}
              </Text>
            )}
            <Text className='refunds__note'>原因：{refund.reason}</Text>
            {refund.rejectReason && <Text className='refunds__note'>拒绝原因：{refund.rejectReason}</Text>}
            {refund.status === 'withdrawn' && refund.decidedAt && <Text className='refunds__note'>{formatShanghai(refund.decidedAt, 'YYYY-MM-DD HH:mm')} 已撤销申请</Text>}
            <Text className='refunds__time'>
              {formatShanghai(refund.requestedAt, 'YYYY-MM-DD HH:mm')} {refund.startedBy === 'hq' ? '发起' : '申请'}
              {refund.refundedAt ? ` · ${formatShanghai(refund.refundedAt, 'YYYY-MM-DD HH:mm')} 退款成功` : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
