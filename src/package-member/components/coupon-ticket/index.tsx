import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CouponBenefit } from '../../../core/coupon'
import { formatFenShort } from '../../../core/money'
import { couponFaceText } from '../../../i18n/zh-CN'
import './index.less'

interface CouponTicketProps {
  name: string
  benefit: CouponBenefit
  thresholdFen: number
  /** 有效期 and 适用范围, one line each. */
  notes: string[]
  /** Greyed: used, expired, or all gone. */
  dim?: boolean
  /** 领取, 去使用, or a stamp such as 已使用. */
  children?: ReactNode
}

/** A coupon as Chinese shops draw it: its value on the left stub, its name and terms on the right. */
export function CouponTicket({ name, benefit, thresholdFen, notes, dim = false, children }: CouponTicketProps) {
  return (
    <View className={`coupon-ticket${dim ? ' coupon-ticket--dim' : ''}`}>
      <View className='coupon-ticket__stub'>
        <Text className='coupon-ticket__face'>{couponFaceText(benefit)}</Text>
        <Text className='coupon-ticket__threshold'>{thresholdFen > 0 ? `满${formatFenShort(thresholdFen).slice(1)}元可用` : '无门槛'}</Text>
      </View>
      <View className='coupon-ticket__body'>
        <Text className='coupon-ticket__name'>{name}</Text>
        {notes.map((note) => (
          <Text key={note} className='coupon-ticket__note'>
            {note}
          </Text>
        ))}
      </View>
      <View className='coupon-ticket__action'>{children}</View>
    </View>
  )
}
