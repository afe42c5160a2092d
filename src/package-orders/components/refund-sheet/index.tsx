import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CheckMark } from '../../../components/check-mark'
import { specsText } from '../../../components/display'
import { QuantityStepper } from '../../../components/quantity-stepper'
import { formatFen } from '../../../core/money'
import { refusalOf, type OrderView, type RefundKind } from '../../../core/order'
import { leftToRefund, planRefund, type RefundLineAsk } from '../../../core/refund'
import { ReasonSheet } from '../reason-sheet'
import './index.less'
import { imageSrc } from '../../../services/image-src'

const REASONS = ['不想要了', '商品与描述不符', '质量问题', '发错货', '其他']

const KINDS: Array<{ kind: RefundKind; label: string }> = [
  { kind: 'refund_only', label: '仅退款' },
  { kind: 'return', label: '退货退款' },
]

interface RefundSheetProps {
  order: Pick<OrderView, 'status' | 'lines' | 'shippingFen' | 'payableFen' | 'payment' | 'refund' | 'previousRefunds'>
  busy: boolean
  /** `lines` is absent when the buyer asks for everything left (the whole order). */
  onConfirm: (reason: string, kind: RefundKind, lines?: RefundLineAsk[]) => void
  onClose: () => void
}

/**
 * 申请退款: which goods and how many (all of what is left at first), what that sends back — worked out
 * by the same rules the server applies — and why.
 */
export function RefundSheet({ order, busy, onConfirm, onClose }: RefundSheetProps) {
  // 退货退款 once the goods have shipped, as the order's moves allow it.
  const returnable = !refusalOf(order, 'requestReturn')
  const [kind, setKind] = useState<RefundKind>('refund_only')
  const left = leftToRefund(order)
  const [chosen, setChosen] = useState<Map<number, number>>(() => new Map(left.flatMap((l, i) => (l.units > 0 ? [[i, l.units] as const] : []))))
  const choose = (lineIndex: number, quantity: number | null) =>
    setChosen((current) => {
      const next = new Map(current)
      if (quantity === null) next.delete(lineIndex)
      else next.set(lineIndex, quantity)
      return next
    })

  const everything = left.every((l, i) => l.units === 0 || chosen.get(i) === l.units)
  const lines = everything ? undefined : [...chosen].sort(([a], [b]) => a - b).map(([lineIndex, quantity]) => ({ lineIndex, quantity }))
  const plan = chosen.size > 0 ? planRefund(order, { lines }) : null

  return (
    <ReasonSheet
      title='申请退款'
      reasons={REASONS}
      withInput
      inputPlaceholder='补充说明（选填）'
      confirmText='提交申请'
      busy={busy}
      ready={plan?.ok === true}
      onConfirm={(reason) => onConfirm(reason, kind, lines)}
      onClose={onClose}
    >
      {returnable && (
        <View className='refund-sheet__kinds'>
          {KINDS.map((k) => (
            <Text key={k.kind} className={`refund-sheet__kind${kind === k.kind ? ' refund-sheet__kind--picked' : ''}`} onClick={() => setKind(k.kind)}>
              {k.label}
            </Text>
          ))}
        </View>
      )}
      <View className='refund-sheet__lines'>
        {order.lines.map((line, i) => {
          const quantity = chosen.get(i)
          const units = left[i].units
          return (
            <View key={`${line.skuId}-${i}`} className={`refund-sheet__line${units === 0 ? ' refund-sheet__line--done' : ''}`}>
              <CheckMark checked={quantity !== undefined} disabled={units === 0} onToggle={() => choose(i, quantity === undefined ? units : null)} />
              {line.image ? <Image className='refund-sheet__image' src={imageSrc(line.image)} mode='aspectFill' /> : <View className='refund-sheet__image' />}
              <View className='refund-sheet__body'>
                <Text className='refund-sheet__title'>{line.title}</Text>
                <Text className='refund-sheet__note'>{units === 0 ? '已退款' : `${specsText(line.specs)}${Object.keys(line.specs).length > 0 ? ' · ' : ''}可退 ${units} 件`}</Text>
              </View>
              {quantity !== undefined && <QuantityStepper value={quantity} max={units} disabled={busy} onChange={(value) => choose(i, value)} />}
            </View>
          )
        })}
      </View>
      <View className='refund-sheet__amount'>
        <Text>退款金额</Text>
        <Text className='refund-sheet__fen'>{plan?.ok ? formatFen(plan.data.amountFen) : '—'}</Text>
      </View>
      <Text className='refund-sheet__rule'>
        {plan?.ok && plan.data.shippingFen > 0 ? `含运费 ${formatFen(plan.data.shippingFen)}` : order.shippingFen > 0 ? '运费随最后一件商品退回' : '按实付金额退回'}
      </Text>
    </ReasonSheet>
  )
}
