import { z } from 'zod'
import { DASHBOARD_PERIODS, type DashboardPeriod, type DepartmentSales, type FunnelFigures, type Kpis, type SalesRow } from '../core/dashboard'
import { action, defineContract, returns } from './contract'

/** HQ's dashboard (数据看板) for a period ending today in Shanghai. */
export interface Dashboard {
  period: DashboardPeriod
  /** The business days it covers, oldest first. */
  days: string[]
  kpis: Kpis
  /** Each day's GMV and paid orders, every day of the period. */
  daily: Array<{ day: string; gmvFen: number; paidOrders: number }>
  funnel: FunnelFigures
  topProducts: Array<{ productId: string; title: string; units: number; salesFen: number }>
  topShops: Array<SalesRow & { shopId: string; shopName: string; ownerName: string }>
  /** Orders of no shop: HQ's own sales. */
  hqSales: SalesRow
  departments: DepartmentSales[]
}

/** HQ's reports: staff whose role covers `reports` only, every call audited. */
export const hqReportsContract = defineContract('hq-reports', {
  getDashboard: action({ input: z.object({ period: z.enum(DASHBOARD_PERIODS).default('today') }).strict(), output: returns<Dashboard>() }),
})
