import { makeAutoObservable, runInAction } from 'mobx'
import { CloudError } from './cloud'
import { refusalOf, tellLocalCloud } from './dev-sheet-request.h5'
import type { TransferConfirm, TransferSheet } from './transfer'

const REFUSED = (status: number) => `确认收款失败（HTTP ${status}）`

/** The transfer as WeChat shows it on its 确认收款 page: the local cloud's own record of the bill. */
export interface DevTransferBill {
  outBillNo: string
  transferAmount: number
  transferRemark: string
  state: string
}

/**
 * H5 only: a stand-in for WeChat's 确认收款 page (wx.requestMerchantTransfer). There is no WeChat in the
 * browser, so the local cloud plays WeChat Pay: confirming here tells it what the employee did with
 * the transfer's `package` (closing leaves the transfer waiting, as closing WeChat's page does), and
 * it then answers the function's queries (and sends the notification) as WeChat Pay would. The app root's TransferSheet (src/platform-sheets) renders
 * `current`; `confirm` resolves when the sheet closes.
 */
export class DevTransferSheet implements TransferSheet {
  current: (TransferConfirm & { bill: DevTransferBill | null }) | null = null
  busy = false
  error: string | null = null
  private close: (() => void) | null = null

  constructor() {
    makeAutoObservable<DevTransferSheet, 'close'>(this, { close: false })
  }

  confirm(transfer: TransferConfirm): Promise<void> {
    this.close?.()
    this.current = { ...transfer, bill: null }
    this.error = null
    void this.loadBill(transfer.package)
    return new Promise((resolve) => {
      this.close = resolve
    })
  }

  /** 确认收款: the local cloud accepts the transfer; the sheet stays open with the error if it refuses. */
  async accept(): Promise<void> {
    if (!(await this.tellConfirmed())) return
    this.finish()
  }

  /** 取消 (or ×): the employee closed the page; the transfer keeps waiting. Closes even if the cloud is unreachable. */
  dismiss(): void {
    this.finish()
  }

  private async loadBill(pkg: string): Promise<void> {
    try {
      const response = await fetch(`/dev/transfer/bill?package=${encodeURIComponent(pkg)}`)
      const bill = response.ok ? ((await response.json()) as DevTransferBill) : null
      const error = response.ok ? null : await refusalOf(response, REFUSED)
      runInAction(() => {
        if (this.current?.package !== pkg) return
        this.current = { ...this.current, bill }
        this.error = error
      })
    } catch {
      runInAction(() => { this.error = new CloudError('NETWORK_ERROR').message })
    }
  }

  private async tellConfirmed(): Promise<boolean> {
    return this.current ? tellLocalCloud(this, '/dev/transfer/confirm', this.current.package, REFUSED) : false
  }

  private finish(): void {
    const close = this.close
    this.current = null
    this.close = null
    this.busy = false
    close?.()
  }
}

/** The one confirm sheet of the page: like WeChat's, only one transfer is ever on screen. */
export const devTransferSheet = new DevTransferSheet()

export const createTransferSheet = (): TransferSheet => devTransferSheet
