import { ScrollView, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import type { CouponOffer } from '../../../core/coupon'
import { formatFen } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { couponBenefitText, couponBlockerText } from '../../../i18n/zh-CN'
import type { Checkout } from '../../../stores/checkout'

interface CouponPickerProps {
  checkout: Checkout
  offers: CouponOffer[]
}

/**
 * 优惠券 on checkout: the coupon the quote applies (the best one unless the buyer chose), and a sheet
 * listing every coupon they hold — those that apply to pick from, the others greyed with why not.
 */
function CouponPicker({ checkout, offers }: CouponPickerProps) {
  const [open, setOpen] = useState(false)
  const usable = offers.filter((o) => o.fit.applies)
  const chosen = checkout.couponId
  const saving = checkout.quote?.discounts.find((d) => d.source === `coupon:${chosen}`)?.amountFen ?? 0
  const pick = (couponId: string | null) => {
    setOpen(false)
    if (couponId !== chosen) void checkout.chooseCoupon(couponId)
  }

  return (
    <>
      <View className='checkout__coupon' onClick={() => offers.length > 0 && setOpen(true)}>
        <Text>优惠券</Text>
        <Text className={chosen ? 'checkout__coupon-saving' : 'checkout__coupon-none'}>
          {chosen ? `-${formatFen(saving)}` : usable.length > 0 ? `${usable.length} 张可用` : offers.length > 0 ? '暂无可用' : '无'}
          {offers.length > 0 && ' ›'}
        </Text>
      </View>
      {open && (
        <View className='coupon-sheet'>
          <View className='coupon-sheet__mask' onClick={() => setOpen(false)} />
          <View className='coupon-sheet__panel'>
            <Text className='coupon-sheet__title'>选择优惠券</Text>
            <ScrollView scrollY className='coupon-sheet__list'>
              {offers.map((offer) => (
                <View
                  key={offer.couponId}
                  className={`coupon-sheet__item${offer.fit.applies ? '' : ' coupon-sheet__item--off'}${offer.couponId === chosen ? ' coupon-sheet__item--chosen' : ''}`}
                  onClick={() => offer.fit.applies && pick(offer.couponId)}
                >
                  <View className='coupon-sheet__body'>
                    <Text className='coupon-sheet__name'>{offer.name}</Text>
                    <Text className='coupon-sheet__rule'>
                      {couponBenefitText(offer.benefit, offer.thresholdFen)} · {formatShanghai(offer.expiresAt, 'MM-DD HH:mm')} 到期
                    </Text>
                    {!offer.fit.applies && <Text className='coupon-sheet__why'>{couponBlockerText(offer.fit.blocker)}</Text>}
                  </View>
                  <Text className='coupon-sheet__saving'>{offer.fit.applies ? `-${formatFen(offer.fit.savingFen)}` : '不可用'}</Text>
                </View>
              ))}
            </ScrollView>
            <View className={`coupon-sheet__none${chosen ? '' : ' coupon-sheet__none--chosen'}`} onClick={() => pick(null)}>
              不使用优惠券
            </View>
          </View>
        </View>
      )}
    </>
  )
}

export default observer(CouponPicker)
