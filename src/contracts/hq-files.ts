import { z } from 'zod'
import { EXPORT_KINDS, EXPORT_MAX_DAYS, type ExportKind } from '../core/exports'
import type { RosterRowIssue } from '../core/roster'
import { action, defineContract, returns } from './contract'

/** A file the client uploaded to cloud storage (the mini program's cloud upload), under the roster imports' folder. */
const uploadedFile = z.string().regex(/^cloud:\/\/[^/]+\/roster-imports\/[^/]+$/)
/** A Shanghai business day, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** What an import did. `inactive`: rows of offboarded employees, updated but (as always) not reactivated. */
export interface RosterImportReport {
  importId: string
  rows: number
  added: number
  updated: number
  unchanged: number
  inactive: number[]
}

/** What ROSTER_ROWS_INVALID carries: the first issues (at most ROSTER_ISSUES_SHOWN), and how many there are. */
export interface RosterRowsInvalid {
  rows: number
  issueCount: number
  issues: RosterRowIssue[]
}

export interface ExportFile {
  exportId: string
  kind: ExportKind
  rows: number
  fileID: string
  /** A download link valid for a day (getTempFileURL). */
  url: string
  fileName: string
}

export const hqFilesContract = defineContract('hq-files', {
  /**
   * Imports the roster file the client uploaded: all of it, or — when any row has a problem — none of
   * it, answering every problem by row (ROSTER_ROWS_INVALID). Known employee numbers are updated.
   */
  importRosterFile: action({
    input: z.object({ fileID: uploadedFile }).strict(),
    output: returns<RosterImportReport>(),
    errors: ['ROSTER_FILE_UNREADABLE', 'ROSTER_FILE_ENCODING', 'ROSTER_FILE_COLUMNS', 'ROSTER_FILE_EMPTY', 'ROSTER_FILE_TOO_LARGE', 'ROSTER_ROWS_INVALID'] as const,
  }),
  /** Writes the orders, commission entries or shops of a date range (Shanghai days, both included) to a CSV file. */
  exportCsv: action({
    input: z
      .object({ kind: z.enum(EXPORT_KINDS), from: day, to: day })
      .strict()
      .refine(({ from, to }) => from <= to, { message: 'from after to', path: ['to'] })
      .refine(({ from, to }) => (Date.parse(to) - Date.parse(from)) / 86_400_000 < EXPORT_MAX_DAYS, { message: `at most ${EXPORT_MAX_DAYS} days`, path: ['to'] }),
    output: returns<ExportFile>(),
    errors: ['EXPORT_TOO_LARGE'] as const,
  }),
})
