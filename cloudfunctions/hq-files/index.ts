import { hqFilesContract } from '../../src/contracts/hq-files'
import { defineFunction } from '../_shared/edge'
import { exportCsv } from './exports'
import { importRosterFile } from './roster-import'

/**
 * HQ's files: the roster imported from a CSV file in cloud storage, and CSV exports written there. Its
 * own function, with a 60 s timeout: a 10,000-row import and a large export take longer than HQ's other
 * actions, and the hq function's bundle has no room for a CSV library. Every call is audited.
 */
export const main = defineFunction(
  hqFilesContract,
  {
    importRosterFile: {
      access: 'hq',
      area: 'roster',
      handle: ({ fileID }, admin, now) => importRosterFile(fileID, admin.openid, now),
    },
    exportCsv: {
      access: 'hq',
      area: 'exports',
      handle: ({ kind, from, to }, admin, now) => exportCsv(kind, from, to, admin.openid, now),
    },
  },
  { auditEveryCall: true },
)
