// Taro resolves `./payment-sheet` to payment-sheet.weapp.ts or payment-sheet.h5.ts at build time, so
// the H5 cashier (and its /dev requests) never ships in the mini program.
import type { PaymentSheet } from './payment'

export declare const createPaymentSheet: () => PaymentSheet
