import type { ShopPicks } from '../src/core/shop'
import type { ShareChannel } from '../src/core/share-code'

/**
 * Who you can be in the 云岭茶舍 demo: three consumers, four employees and one HQ admin, plus the HQ
 * employee roster (the four employees above and six colleagues who have not signed up yet, so the
 * "verify as an employee" flow has someone left to verify), and the shops the personas' stories
 * say are open, with the customers they brought in.
 */

export interface DemoPersona {
  key: string
  openid: string
  name: string
  role: 'consumer' | 'employee' | 'hq_admin'
  description: string
  employeeNo?: string
}

export interface DemoRosterEntry {
  employeeNo: string
  name: string
  department: string
  /** Last 4 digits of the phone number HQ has on file */
  phoneTail: string
}

export const demoPersonas: DemoPersona[] = [
  {
    key: 'consumer-lin',
    openid: 'o-demo-consumer-lin',
    name: '林小雨',
    role: 'consumer',
    description: '新顾客，第一次来店，还没有绑定任何小店',
  },
  {
    key: 'consumer-zhou',
    openid: 'o-demo-consumer-zhou',
    name: '周建国',
    role: 'consumer',
    description: '老顾客，已绑定店长王芳的小店，常买明前龙井送人',
  },
  {
    key: 'consumer-chen',
    openid: 'o-demo-consumer-chen',
    name: '陈思思',
    role: 'consumer',
    description: '茶艺师李明的朋友，从朋友圈分享进店，喜欢花草茶',
  },
  {
    key: 'employee-wang',
    openid: 'o-demo-employee-wang',
    name: '王芳',
    role: 'employee',
    employeeNo: 'E1001',
    description: '西湖旗舰店门店店长，小店已开张，常把龙井和礼盒分享到客户群',
  },
  {
    key: 'employee-li',
    openid: 'o-demo-employee-li',
    name: '李明',
    role: 'employee',
    employeeNo: 'E1002',
    description: '茶艺师，擅长乌龙与普洱，喜欢发朋友圈和做海报',
  },
  {
    key: 'employee-zhao',
    openid: 'o-demo-employee-zhao',
    name: '赵磊',
    role: 'employee',
    employeeNo: 'E1003',
    description: '仓储物流专员，负责总部发货，还没有开小店',
  },
  {
    key: 'employee-sun',
    openid: 'o-demo-employee-sun',
    name: '孙丽',
    role: 'employee',
    employeeNo: 'E1004',
    description: '财务专员，核对佣金与提现，自己也开了一家小店',
  },
  {
    key: 'hq-admin-he',
    openid: 'o-demo-hq-admin-he',
    name: '何静',
    role: 'hq_admin',
    description: '总部运营，管理商品与库存、审核小店、发货退款、结算佣金',
  },
]

export const demoRoster: DemoRosterEntry[] = [
  { employeeNo: 'E1001', name: '王芳', department: '西湖旗舰店', phoneTail: '3821' },
  { employeeNo: 'E1002', name: '李明', department: '茶艺培训部', phoneTail: '5096' },
  { employeeNo: 'E1003', name: '赵磊', department: '仓储物流部', phoneTail: '7412' },
  { employeeNo: 'E1004', name: '孙丽', department: '财务部', phoneTail: '2638' },
  { employeeNo: 'E1005', name: '吴昊', department: '市场部', phoneTail: '9157' },
  { employeeNo: 'E1006', name: '郑晓燕', department: '西湖旗舰店', phoneTail: '4403' },
  { employeeNo: 'E1007', name: '冯伟', department: '电商运营部', phoneTail: '6280' },
  { employeeNo: 'E1008', name: '蒋雪', department: '客户服务部', phoneTail: '1734' },
  { employeeNo: 'E1009', name: '韩冬', department: '临沧茶园基地', phoneTail: '8865' },
  { employeeNo: 'E1010', name: '杨柳', department: '人事行政部', phoneTail: '0519' },
]

/** A customer a demo shop brought in through a share. */
export interface DemoCustomer {
  personaKey: string
  channel: ShareChannel
  /** The shared product; none: the shop home was shared. */
  productId?: string
  boundDaysAgo: number
}

export interface DemoShop {
  _id: string
  ownerKey: string
  name: string
  intro: string
  picks: ShopPicks
  openedDaysAgo: number
  customers: DemoCustomer[]
}

/** 赵磊 has no shop yet, so opening one can be tried as an employee who has already verified. */
export const demoShops: DemoShop[] = [
  {
    _id: 'shop-wangfang',
    ownerKey: 'employee-wang',
    name: '芳姐的龙井小铺',
    intro: '西湖旗舰店店长王芳。明前龙井、节日礼盒，总部直接发货，送人自己喝都放心。',
    picks: { mode: 'products', productIds: ['p-longjing-mingqian', 'p-gift-four-seasons', 'p-anji-baicha', 'p-biluochun-dongting', 'p-keemun-xiangluo'] },
    openedDaysAgo: 40,
    customers: [{ personaKey: 'consumer-zhou', channel: 'chat', productId: 'p-longjing-mingqian', boundDaysAgo: 6 }],
  },
  {
    _id: 'shop-liming',
    ownerKey: 'employee-li',
    name: '李明茶艺室',
    intro: '茶艺师李明，带你喝懂乌龙与普洱。',
    picks: { mode: 'categories', categoryIds: ['cat-oolong', 'cat-puer', 'cat-herbal'] },
    openedDaysAgo: 25,
    customers: [{ personaKey: 'consumer-chen', channel: 'moments', boundDaysAgo: 3 }],
  },
  {
    _id: 'shop-sunli',
    ownerKey: 'employee-sun',
    name: '孙丽的小店',
    intro: '我是财务部的孙丽，为你精选好物，总部直接发货。',
    picks: { mode: 'all' },
    openedDaysAgo: 12,
    customers: [],
  },
]

/**
 * HQ's commission rules in the demo: 10% on everything, 15% on 茶器礼盒 (gift sets sell on a
 * recommendation more than tea does); the after-sales window, minimum and daily maximum as default.
 */
export const demoCommissionRules = { defaultRateBps: 1000, categoryRatesBps: { 'cat-teaware': 1500 } }
