/**
 * The payout port in the shop's words: a withdrawal is paid as one WeChat Pay merchant transfer
 * (商家转账), known on both sides by its bill number. Re-exported, with its configuration, by ./port.
 */

export interface TransferRequest {
  /** The bill number (≤ 32 letters or digits): one payout, for ever. Never a new one for the same payout. */
  outBillNo: string
  openid: string
  amountFen: number
  /** Shown to the employee in WeChat (≤ 32 characters), and reported as the pay's description (报酬说明). */
  remark: string
  /** Where WeChat sends the final state: the notify function's HTTP access URL (see httpAccessUrl). */
  notifyUrl: string
  /** The payee's real name: WeChat needs it from 2,000 yuan on, and then checks it against the account. */
  userName?: string
}

export const TRANSFER_STATES = ['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED'] as const
export type TransferState = (typeof TRANSFER_STATES)[number]

/** A transfer as WeChat Pay has it. */
export interface TransferBill {
  outBillNo: string
  /** WeChat's own number for the bill. */
  transferBillNo: string
  state: TransferState
  /**
   * The amount WeChat holds for this bill number. A caller that reuses a number with another amount gets
   * the earlier bill back, so it compares this with what it meant to pay.
   */
  amountFen: number
  /** For wx.requestMerchantTransfer: only a WAIT_USER_CONFIRM bill has one, and only transfer() answers it. */
  packageInfo?: string
  /** WeChat's reason code for a FAIL (such as ACCOUNT_FROZEN), for people and logs. */
  failReason?: string
  updatedAt?: Date
}

/**
 * - `bill`: WeChat's signed account of the bill.
 * - `not_found`: WeChat says it has no bill under this number (it keeps 30 days of them).
 * - `refused`: WeChat refused the request; `code` is WeChat's (PARAM_ERROR, INVALID_REQUEST, NO_AUTH,
 *   NOT_ENOUGH, …), `message` is for people only. From transfer(), it also means WeChat holds no bill
 *   under the number (the adapter asked), so the payout can be given up.
 * - `unclear`: no trustworthy answer (a timeout, a 5xx, a rate limit, an answer whose signature does
 *   not verify). Anything may have happened: ask again later under the same number.
 */
export type TransferAnswer =
  | { kind: 'bill'; bill: TransferBill }
  | { kind: 'not_found' }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unclear'; detail: string }

export interface PayoutPort {
  /**
   * Starts the transfer under this bill number. With `retry`, asks WeChat about the number first and
   * creates only if WeChat has no such bill; an unclear answer is 'unclear' — the caller keeps the same
   * number and asks again later, never a new number. A bill waiting for the user comes with its
   * packageInfo, also when it was found rather than created.
   */
  transfer(request: TransferRequest, options: { retry: boolean }): Promise<TransferAnswer>
  query(outBillNo: string): Promise<TransferAnswer>
  /**
   * Asks WeChat to cancel a bill the user has not confirmed; answers the bill as WeChat then has it
   * (CANCELING, later CANCELLED, which a query tells). Refused once the user has confirmed.
   */
  cancel(outBillNo: string): Promise<TransferAnswer>
  /** Verifies a notification's WECHATPAY signature headers against the platform key, decrypts its resource with the APIv3 key; refuses anything else. */
  readNotification(headers: Record<string, string | undefined>, body: string): TransferBill | { refused: string }
  /** What the mini program passes to wx.requestMerchantTransfer for a bill waiting for the user. */
  confirmParams(bill: TransferBill): { mchId: string; appId: string; package: string }
}
