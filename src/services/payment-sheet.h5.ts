import { makeAutoObservable } from 'mobx'
import type { PaymentParams } from '../core/order'
import { tellLocalCloud } from './dev-sheet-request.h5'
import type { PaymentPrompt, PaymentSheet } from './payment'

/**
 * H5 only: a stand-in for WeChat's pay sheet. There is no WeChat in the browser, so the local cloud
 * plays WeChat Pay: paying or cancelling here tells it what the buyer did with the prepay `package`,
 * and it then answers the server's queries (and sends the notification) as WeChat Pay would.
 * The app root's CashierSheet (src/platform-sheets) renders `current`; `requestPayment` resolves when
 * the sheet closes.
 */
export class DevCashier implements PaymentSheet {
  current: (PaymentPrompt & { package: string }) | null = null
  busy = false
  error: string | null = null
  private close: (() => void) | null = null

  constructor() {
    makeAutoObservable<DevCashier, 'close'>(this, { close: false })
  }

  requestPayment(payment: PaymentParams, prompt: PaymentPrompt): Promise<void> {
    this.close?.()
    this.current = { ...prompt, package: payment.package }
    this.error = null
    return new Promise((resolve) => {
      this.close = resolve
    })
  }

  /** 确认支付: the local cloud pays the prepay order; the sheet stays open with the error if it refuses. */
  async pay(): Promise<void> {
    if (!(await this.tell('pay'))) return
    this.finish()
  }

  /** 取消: the buyer closed the sheet. The sheet closes even if the local cloud is unreachable. */
  async cancel(): Promise<void> {
    await this.tell('cancel')
    this.finish()
  }

  private async tell(what: 'pay' | 'cancel'): Promise<boolean> {
    return this.current ? tellLocalCloud(this, `/dev/cashier/${what}`, this.current.package, (status) => `支付失败（HTTP ${status}）`) : false
  }

  private finish(): void {
    const close = this.close
    this.current = null
    this.close = null
    close?.()
  }
}

/** The one cashier of the page: like WeChat's sheet, there is only ever one payment on screen. */
export const devCashier = new DevCashier()

export const createPaymentSheet = (): PaymentSheet => devCashier
