import Taro from '@tarojs/taro'
import type { PaymentSheet } from './payment'

// WeChat's own pay sheet. A cancel or a failure both just close it: the order stays unpaid and the
// server, asked right after, has the final word.
export const createPaymentSheet = (): PaymentSheet => ({
  async requestPayment(payment) {
    try {
      await Taro.requestPayment({
        timeStamp: payment.timeStamp,
        nonceStr: payment.nonceStr,
        package: payment.package,
        signType: payment.signType as keyof Taro.requestPayment.SignType,
        paySign: payment.paySign,
      })
    } catch {
      // 'requestPayment:fail cancel' or a real failure: syncPayment tells which state the order is in.
    }
  },
})
