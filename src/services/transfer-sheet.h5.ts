import { makeAutoObservable, runInAction } from 'mobx'
import { CloudError } from './cloud'
import type { TransferConfirm, TransferSheet } from './transfer'

/** The transfer as WeChat shows it on its 确认收款 page: the local cloud's own record of the bill. */
export interface DevTransferBill {
  outBillNo: string
  transferAmount: number
  transferRemark: string
  state: string
}

/**
 * H5 only: a stand-in for WeChat's 确认收款 page (wx.requestMerchantTransfer). There is no WeChat in the
 * browser, so the local cloud plays WeChat Pay: confirming or cancelling here tells it what the employee
 * did with the transfer's `package`, and it then answers the function's queries (and sends the
 * notification) as WeChat Pay would. The app root's TransferSheet (src/platform-sheets) renders
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
    if (!(await this.tell('confirm'))) return
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
      const error = response.ok ? null : await messageOf(response)
      runInAction(() => {
        if (this.current?.package !== pkg) return
        this.current = { ...this.current, bill }
        this.error = error
      })
    } catch {
      runInAction(() => { this.error = new CloudError('NETWORK_ERROR').message })
    }
  }

  private async tell(what: 'confirm'): Promise<boolean> {
    const current = this.current
    if (!current || this.busy) return false
    this.busy = true
    this.error = null
    let error: string | null = null
    try {
      const response = await fetch(`/dev/transfer/${what}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ package: current.package }),
      })
      if (!response.ok) error = await messageOf(response)
    } catch {
      error = new CloudError('NETWORK_ERROR').message
    }
    runInAction(() => {
      this.busy = false
      this.error = error
    })
    return error === null
  }

  private finish(): void {
    const close = this.close
    this.current = null
    this.close = null
    this.busy = false
    close?.()
  }
}

async function messageOf(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json()
    // The local cloud answers { ok: false, errMsg } for the sheet's own requests, { code, message } as WeChat Pay does.
    if (typeof body === 'object' && body !== null) {
      if ('errMsg' in body && typeof body.errMsg === 'string') return body.errMsg
      if ('message' in body && typeof body.message === 'string') return body.message
    }
  } catch {
    // not JSON: the generic line below
  }
  return `确认收款失败（HTTP ${response.status}）`
}

/** The one confirm sheet of the page: like WeChat's, only one transfer is ever on screen. */
export const devTransferSheet = new DevTransferSheet()

export const createTransferSheet = (): TransferSheet => devTransferSheet
