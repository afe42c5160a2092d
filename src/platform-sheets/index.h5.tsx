import { CashierSheet } from './cashier-sheet.h5'
import { TransferSheet } from './transfer-sheet.h5'

/**
 * The browser has no WeChat to draw its sheets, so the local cloud's stand-ins are drawn here, beside
 * the pages. Each watches its H5 service (the cashier watches DevCashier, the H5 PaymentSheet; the
 * transfer sheet DevTransferSheet, the H5 TransferSheet) and shows itself while that service waits for
 * its person. A new stand-in is one more line here.
 */
export function PlatformSheets() {
  return (
    <>
      <CashierSheet />
      <TransferSheet />
    </>
  )
}
