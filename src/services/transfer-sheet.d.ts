// Taro resolves `./transfer-sheet` to transfer-sheet.weapp.ts or transfer-sheet.h5.ts at build time, so
// the H5 confirm sheet (and its /dev requests) never ships in the mini program.
import type { TransferSheet } from './transfer'

export declare const createTransferSheet: () => TransferSheet
