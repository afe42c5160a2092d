import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { ActionButton } from '../../../components/action-button'
import { showError } from '../../../components/display'
import { LoadStateView } from '../../../components/load-state-view'
import type { CouponCard } from '../../../contracts/coupons'
import { formatShanghai } from '../../../core/time'
import { COUPON_SCOPE_TEXT, couponValidityText } from '../../../i18n/zh-CN'
import { goShopping, openMyCoupons } from '../../../routes'
import { CouponTicket } from '../../components/coupon-ticket'
import { useCoupons } from '../../coupons-store'
import './index.less'

const day = (at: Date) => formatShanghai(at, 'YYYY.MM.DD')
const validityOf = (card: CouponCard) =>
  couponValidityText(card.days !== null ? { kind: 'days', days: card.days } : { kind: 'fixed', startAt: card.startAt!, endAt: card.endAt! }, day)

/** 领券中心: the coupons HQ lets shoppers claim; from a product page, only those that count the product. */
function CouponCentrePage() {
  const coupons = useCoupons()
  const productId = useRouter().params.productId
  useDidShow(() => void coupons.loadCentre(productId))
  usePullDownRefresh(() => void coupons.loadCentre(productId).finally(() => void Taro.stopPullDownRefresh()))

  const claim = async (card: CouponCard) => {
    const claimed = await coupons.claim(card.templateId, productId)
    if (claimed.ok) void Taro.showToast({ title: '领取成功', icon: 'success' })
    else showError(claimed.error)
  }

  return (
    <View className='coupon-centre'>
      <View className='coupon-centre__head'>
        <Text className='coupon-centre__title'>{productId ? '本商品可用的优惠券' : '先领券，再下单'}</Text>
        <Text className='coupon-centre__mine' onClick={openMyCoupons}>
          我的优惠券 ›
        </Text>
      </View>
      <LoadStateView state={coupons.centre} onRetry={() => void coupons.loadCentre(productId)} emptyText='暂时没有可领的优惠券' isEmpty={(cards) => cards.length === 0}>
        {(cards) =>
          cards.map((card) => {
            const full = card.held >= card.perUserLimit
            const gone = !full && card.left === 0
            return (
              <CouponTicket key={card.templateId} name={card.name} benefit={card.benefit} thresholdFen={card.thresholdFen} notes={[validityOf(card), COUPON_SCOPE_TEXT[card.scope]]} dim={gone}>
                {full ? (
                  <Text className='coupon-centre__done' onClick={goShopping}>
                    已领取{'\n'}去使用
                  </Text>
                ) : gone ? (
                  <Text className='coupon-centre__done'>已领完</Text>
                ) : (
                  <ActionButton className='coupon-centre__claim' loading={coupons.claiming.has(card.templateId)} onClick={() => void claim(card)}>
                    {card.held > 0 ? '再领一张' : '领取'}
                  </ActionButton>
                )}
              </CouponTicket>
            )
          })
        }
      </LoadStateView>
    </View>
  )
}

export default observer(CouponCentrePage)
