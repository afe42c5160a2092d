import type { LineRequest } from '../src/core/pricing'

/**
 * 王芳's commission in the demo, as 周建国 (her bound customer) buys: two orders received and past
 * their after-sales window (可提现), one received inside it (冻结中), one paid and not yet shipped
 * (待结算), and one withdrawal of part of the available money, paid to her WeChat balance.
 */
export interface DemoCommissionOrder {
  lines: LineRequest[]
  /** received: confirmed by the buyer; released: and past the after-sales window when the demo starts. */
  stage: 'paid' | 'received' | 'released'
}

export const demoCommissionBuyer = {
  personaKey: 'consumer-zhou',
  address: { name: '周建国', phone: '13905710088', province: '浙江省', city: '杭州市', district: '上城区', detail: '南山路 218 号' },
}

export const demoCommissionOrders: DemoCommissionOrder[] = [
  { lines: [{ skuId: 'p-longjing-mingqian-100g-gift', quantity: 1 }], stage: 'released' },
  { lines: [{ skuId: 'p-gift-four-seasons-standard', quantity: 1 }], stage: 'released' },
  { lines: [{ skuId: 'p-anji-baicha-50g-gift', quantity: 2 }], stage: 'received' },
  { lines: [{ skuId: 'p-biluochun-dongting-100g', quantity: 1 }], stage: 'paid' },
]

/** ¥50 of the released commission taken out (and confirmed), the rest left to withdraw. */
export const demoWithdrawalFen = 5000
