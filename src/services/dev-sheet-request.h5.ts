import { runInAction } from 'mobx'
import { CloudError } from './cloud'

/** What a stand-in sheet shows of its last word to the local cloud: still on its way, or refused and why. */
export interface SheetStatus {
  busy: boolean
  error: string | null
}

/**
 * H5 only: what a stand-in sheet (the cashier, the 确认收款 page) tells the local cloud, which plays
 * WeChat's part: `POST <path>` with the `package` WeChat's own page would have been opened with. The
 * sheet is busy meanwhile (a second tap sends nothing) and then shows the refusal's words, if any.
 * Resolves with whether the local cloud took it.
 */
export async function tellLocalCloud(sheet: SheetStatus, path: string, pkg: string, refusedText: (status: number) => string): Promise<boolean> {
  if (sheet.busy) return false
  runInAction(() => {
    sheet.busy = true
    sheet.error = null
  })
  const error = await send(path, pkg, refusedText)
  runInAction(() => {
    sheet.busy = false
    sheet.error = error
  })
  return error === null
}

async function send(path: string, pkg: string, refusedText: (status: number) => string): Promise<string | null> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ package: pkg }),
    })
    return response.ok ? null : await refusalOf(response, refusedText)
  } catch {
    return new CloudError('NETWORK_ERROR').message
  }
}

/** The local cloud words a refusal as WeChat would, `{ ok: false, errMsg: '该订单已支付' }`; anything else gets `refusedText`. */
export async function refusalOf(response: Response, refusedText: (status: number) => string): Promise<string> {
  try {
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null && 'errMsg' in body && typeof body.errMsg === 'string') return body.errMsg
  } catch {
    // not JSON: the generic line below
  }
  return refusedText(response.status)
}
