// Taro builds index.weapp.tsx or index.h5.tsx for `./platform-sheets`; this declaration is what
// TypeScript sees, and what both platform files implement.
import type { ReactElement } from 'react'

/**
 * The sheets the platform shows above whichever page asked for them (the pay sheet, …), mounted once
 * at the app root: a page calls the service (`PaymentService.pay`) and mounts nothing itself.
 */
export declare function PlatformSheets(): ReactElement | null
