import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { useShippingRule } from '../../../components/brand'
import { FreeShipping } from '../../../components/free-shipping'
import { showError } from '../../../components/display'
import { LoadStateView } from '../../../components/load-state-view'
import { StatusView } from '../../../components/status-view'
import { formatFen } from '../../../core/money'
import { checkoutLinesFrom, fromShopOf, goShopping, openAddressBook, openAddressForm, openOrder, orderDetailUrl } from '../../../routes'
import { useStores } from '../../../stores'
import { MAX_REMARK_LENGTH } from '../../../stores/checkout'
import { Amounts } from '../../components/amounts'
import { OrderLines } from '../../components/order-lines'
import { AddressCard } from './address-card'
import CouponPicker from './coupon-picker'
import { LineFix } from './line-fix'
import { PointsChoice } from './points-choice'
import './index.less'

function CheckoutPage() {
  const { orders, addresses, subscriptions, member } = useStores()
  const shipping = useShippingRule()
  const params = useRouter().params
  // One checkout per visit of this page: its request id makes a double-tapped 提交订单 one order.
  const [checkout] = useState(() => orders.checkout(checkoutLinesFrom(params.lines), params.fromCart === '1', fromShopOf(params)))
  const address = addresses.forCheckout
  const quote = checkout.quote
  const review = checkout.review

  useEffect(() => {
    if (checkout.lines.length > 0) void checkout.loadReview()
  }, [checkout])
  useEffect(() => void subscriptions.prepare(), [subscriptions])
  // Back from the address book or form: the book (and the chosen address) may have changed.
  useDidShow(() => void addresses.load())
  // The points the buyer holds, for 积分抵扣.
  useEffect(() => void member.load(), [member])
  // Back while the pay sheet is open: the unpaid order opens, not the cart it was bought from.
  useUnload(() => {
    const orderId = checkout.leave()
    if (orderId) setTimeout(() => openOrder(orderId), 0)
  })

  if (checkout.lines.length === 0) {
    return <StatusView empty emptyText='没有要结算的商品' emptyActionText='去逛逛' onEmptyAction={goShopping} />
  }

  const submit = async () => {
    if (!address) {
      void Taro.showToast({ title: '请先添加收货地址', icon: 'none' })
      return
    }
    // The tap is the one moment WeChat lets the shop ask to tell the buyer of the shipment and of any refund.
    await subscriptions.ask(['order_shipped', 'refund_result'])
    const result = await checkout.submit(address._id)
    if (!result.ok) {
      showError(result.error)
      return
    }
    // The buyer went back meanwhile, and the order's page is already open.
    if (checkout.left) return
    const { order, paymentError } = result.data
    if (paymentError) showError(paymentError)
    else if (order.status === 'paid') void Taro.showToast({ title: '支付成功', icon: 'success' })
    // The order page replaces this one: going back from it must not land on a spent checkout.
    void Taro.redirectTo({ url: orderDetailUrl(order._id) })
  }

  const addressesLoading = addresses.addresses.status !== 'ready' && addresses.addresses.status !== 'error'

  return (
    <View className='checkout'>
      <AddressCard
        address={address}
        loading={addressesLoading}
        onChoose={() => openAddressBook(true)}
        onAdd={() => openAddressForm({ choosing: true })}
      />
      <LoadStateView state={review} onRetry={() => void checkout.loadReview()}>
        {(reviewed) => (
          <>
            <View className='checkout__card'>
              {!reviewed.quote && <Text className='checkout__fix-all'>部分商品暂时无法购买，调整后即可提交</Text>}
              {checkout.priceChanged && <Text className='checkout__price-changed'>商品价格有变动（如限时折扣已结束），已按最新价格计算，请确认后再提交</Text>}
              <OrderLines
                lines={reviewed.lines}
                note={(line) =>
                  line.problem ? <LineFix line={line} checkout={checkout} /> : line.campaignId && <Text className='checkout__campaign'>限时折扣价</Text>
                }
              />
            </View>
            {reviewed.quote && (
              <View className='checkout__card'>
                <CouponPicker checkout={checkout} offers={reviewed.coupons} />
                <PointsChoice checkout={checkout} quote={reviewed.quote} />
                <Amounts quote={reviewed.quote} payableLabel='实付款' />
                {reviewed.quote.shippingFen > 0 && (
                  <View className='checkout__shipping'>
                    <FreeShipping rule={shipping} paidGoodsFen={reviewed.quote.goodsFen - reviewed.quote.discountFen} />
                  </View>
                )}
              </View>
            )}
            <View className='checkout__card checkout__remark'>
              <Text className='checkout__remark-label'>订单备注</Text>
              <Input
                className='checkout__remark-input'
                value={checkout.remark}
                maxlength={MAX_REMARK_LENGTH}
                placeholder='选填，可告诉茶舍您的特殊要求'
                onInput={(event) => checkout.setRemark(event.detail.value)}
              />
            </View>
          </>
        )}
      </LoadStateView>

      <View className='checkout__bar'>
        <Text className='checkout__bar-label'>实付</Text>
        <Text className='checkout__bar-amount'>{quote ? formatFen(quote.payableFen) : '—'}</Text>
        <ActionButton
          className='checkout__submit'
          disabled={checkout.submitting || !quote}
          loading={checkout.step === 'placing'}
          onClick={() => void submit()}
        >
          提交订单
        </ActionButton>
      </View>
    </View>
  )
}

export default observer(CheckoutPage)
