import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showDone, showError } from '../../../components/display'
import type { BuyerAction, OrderView, RefundKind } from '../../../core/order'
import type { RefundLineAsk } from '../../../core/refund'
import { buyerActionText } from '../../../i18n/zh-CN'
import { openCart } from '../../../routes'
import { useStores } from '../../../stores'
import type { Outcome } from '../../../stores/load-state'
import { ReasonSheet } from '../reason-sheet'
import { RefundSheet } from '../refund-sheet'
import { ReturnSheet } from '../return-sheet'
import './index.less'

const CANCEL_REASONS = ['不想买了', '信息填写错误', '重复下单', '其他']

/** Left to right, as Chinese shops lay them out: the quiet actions first, the one to take last. */
const ORDER: BuyerAction[] = ['hide', 'cancel', 'withdrawRefund', 'requestRefund', 'confirmReceipt', 'shipReturn', 'buyAgain', 'pay']
const PRIMARY = new Set<BuyerAction>(['confirmReceipt', 'shipReturn', 'pay', 'buyAgain'])

interface OrderActionsProps {
  order: Pick<OrderView, '_id' | 'orderNo' | 'payableFen' | 'actions'>
  /** After the buyer deleted the order from their list (the detail page leaves it). */
  onHidden?: () => void
}

/** The buttons for what the buyer can do with an order now, as the server listed them. */
export const OrderActions = observer(function OrderActions({ order, onHidden }: OrderActionsProps) {
  const { orders, subscriptions } = useStores()
  useEffect(() => {
    if (order.actions.includes('pay')) void subscriptions.prepare()
  }, [order.actions, subscriptions])
  const [asking, setAsking] = useState<'cancel' | 'requestRefund' | 'shipReturn' | null>(null)
  const busy = orders.busy.has(order._id)

  const report = (outcome: Outcome<OrderView>, done: (view: OrderView) => string) => {
    if (outcome.ok) showDone(done(outcome.data))
    else showError(outcome.error)
    return outcome.ok
  }

  const run = async (action: BuyerAction) => {
    switch (action) {
      case 'pay': {
        await subscriptions.ask(['order_shipped', 'refund_result'])
        const outcome = await orders.pay(order)
        if (outcome.ok && outcome.data.status === 'pending_payment') {
          void Taro.showToast({ title: '支付未完成，可稍后继续支付', icon: 'none' })
        } else {
          report(outcome, () => '支付成功')
        }
        return
      }
      case 'confirmReceipt': {
        const { confirm } = await Taro.showModal({ title: '确认收货', content: '请确认已收到全部商品，确认后订单完成。', confirmText: '确认收货', confirmColor: '#2f6b4f' })
        if (confirm) report(await orders.confirmReceipt(order._id), () => '已确认收货')
        return
      }
      case 'withdrawRefund': {
        const { confirm } = await Taro.showModal({ title: '撤销退款申请', content: '撤销后订单恢复原状态，如有需要可再次申请。', confirmText: '撤销申请', confirmColor: '#2f6b4f' })
        if (confirm) report(await orders.withdrawRefund(order._id), () => '退款申请已撤销')
        return
      }
      case 'requestRefund':
        // The refund form needs the whole order (its lines and earlier refunds); a list card has less.
        void orders.load(order._id)
        setAsking(action)
        return
      case 'cancel':
      case 'shipReturn':
        setAsking(action)
        return
      case 'buyAgain': {
        const outcome = await orders.buyAgain(order._id)
        if (!outcome.ok) {
          showError(outcome.error)
          return
        }
        const { added, skipped } = outcome.data
        if (skipped.length > 0) {
          await Taro.showModal({
            title: added > 0 ? '部分商品未加入购物车' : '商品已售罄或下架',
            content: `${skipped.join('、')} 已售罄、下架或库存不足，未加入购物车`,
            showCancel: false,
            confirmText: '知道了',
          })
        }
        if (added > 0) openCart()
        return
      }
      case 'hide': {
        const { confirm } = await Taro.showModal({ title: '删除订单', content: '删除后订单将不在列表中显示，确定删除吗？', confirmText: '删除', confirmColor: '#d2463a' })
        if (confirm && report(await orders.hide(order._id), () => '订单已删除')) onHidden?.()
        return
      }
      default: {
        const unknown: never = action
        throw new Error(`unknown buyer action ${String(unknown)}`)
      }
    }
  }

  const answer = async (reason: string, kind: RefundKind = 'refund_only', lines?: RefundLineAsk[]) => {
    const outcome = asking === 'cancel' ? await orders.cancel(order._id, reason) : await orders.requestRefund(order._id, reason, kind, lines)
    if (report(outcome, () => (asking === 'cancel' ? '订单已取消' : '退款申请已提交'))) setAsking(null)
  }
  const full = orders.order(order._id)

  const actions = ORDER.filter((action) => order.actions.includes(action))
  if (actions.length === 0) return null

  return (
    // Taps here must not also open the order, which the card around it does.
    <View className='order-actions' onClick={(event) => event.stopPropagation()}>
      {actions.map((action) => (
        <ActionButton
          key={action}
          className={`order-actions__button${PRIMARY.has(action) ? ' order-actions__button--primary' : ''}`}
          disabled={busy}
          onClick={() => void run(action)}
        >
          {buyerActionText(action)}
        </ActionButton>
      ))}
      {asking === 'cancel' && (
        <ReasonSheet
          title='取消订单'
          reasons={CANCEL_REASONS}
          confirmText='确认取消'
          busy={busy}
          onConfirm={(reason) => void answer(reason)}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'requestRefund' && full.status === 'ready' && (
        <RefundSheet order={full.data} busy={busy} onConfirm={(reason, kind, lines) => void answer(reason, kind, lines)} onClose={() => setAsking(null)} />
      )}
      {asking === 'shipReturn' && (
        <ReturnSheet
          busy={busy}
          onConfirm={(carrierId, trackingNo) => void orders.shipReturn(order._id, carrierId, trackingNo).then((outcome) => report(outcome, () => '退货物流已提交') && setAsking(null))}
          onClose={() => setAsking(null)}
        />
      )}
    </View>
  )
})
