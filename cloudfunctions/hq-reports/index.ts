import { hqReportsContract } from '../../src/contracts/hq-reports'
import { ok } from '../../src/core/result'
import { defineFunction } from '../_shared/edge'
import { readDashboard } from './dashboard'

/** HQ's reports: only staff whose role covers `reports`; every call, whatever its fate, is in the audit log. */
export const main = defineFunction(
  hqReportsContract,
  {
    getDashboard: {
      access: 'hq',
      area: 'reports',
      handle: async ({ period }, _admin, now) => ok(await readDashboard(period, now)),
    },
  },
  { auditEveryCall: true },
)
