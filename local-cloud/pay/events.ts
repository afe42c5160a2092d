import { PROVIDER_MCH_ID, compactTime, nonceStr, providerOpenid, readableTime } from './format'
import type { Notification } from './notifier'
import type { PayOrder, PayRefund } from './records'

/**
 * The payment notification, in the shape cloud pay hands the callback function: WeChat Pay's v2
 * notification fields in camelCase (see the cloud pay callback documentation's example).
 */
export function paymentNotification(order: PayOrder, appId: string): Notification {
  return {
    functionName: order.functionName,
    label: `payment notification for ${order.outTradeNo}`,
    identity: callbackIdentity(order, appId),
    event: {
      ...envelope(order, appId),
      resultCode: 'SUCCESS',
      openid: providerOpenid(order.payerOpenid),
      isSubscribe: 'N',
      subOpenid: order.payerOpenid,
      subIsSubscribe: 'N',
      tradeType: order.tradeType,
      bankType: 'OTHERS',
      totalFee: order.totalFee,
      feeType: order.feeType,
      cashFee: order.totalFee,
      transactionId: order.transactionId,
      outTradeNo: order.outTradeNo,
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
      timeEnd: compactTime(order.paidAt!),
    },
  }
}

/**
 * The refund notification, sent once the refund has ended (SUCCESS, CHANGE or REFUNDCLOSE): the
 * notification's outer fields with the content WeChat encrypts in req_info already decrypted and
 * merged in, in camelCase, as cloud pay decrypts it for the function.
 */
export function refundNotification(refund: PayRefund, order: PayOrder, appId: string): Notification {
  return {
    functionName: refund.functionName,
    label: `refund notification for ${refund.outRefundNo}`,
    identity: callbackIdentity(order, appId),
    event: {
      ...envelope(order, appId),
      transactionId: refund.transactionId,
      outTradeNo: refund.outTradeNo,
      refundId: refund.refundId,
      outRefundNo: refund.outRefundNo,
      totalFee: refund.totalFee,
      settlementTotalFee: refund.totalFee,
      refundFee: refund.refundFee,
      settlementRefundFee: refund.refundFee,
      refundStatus: refund.status,
      ...(refund.succeededAt ? { successTime: readableTime(refund.succeededAt) } : {}),
      refundRecvAccout: '支付用户零钱',
      refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
      refundRequestSource: 'API',
    },
  }
}

/** WeChat delivers both notifications as the payment system, on behalf of the payer. */
function callbackIdentity(order: PayOrder, appId: string): Notification['identity'] {
  return { source: 'wx_paycallback', openid: order.payerOpenid, appid: appId }
}

/** The outer fields every cloud pay notification carries. */
function envelope(order: PayOrder, appId: string) {
  return {
    returnCode: 'SUCCESS',
    appid: appId,
    mchId: PROVIDER_MCH_ID,
    subAppid: appId,
    subMchId: order.subMchId,
    nonceStr: nonceStr(),
  }
}
