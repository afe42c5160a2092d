import { z } from 'zod'

/** One row of HQ's roster (员工花名册) as HQ gives it: by hand, or as a line of a CSV file. */
export const rosterRowInput = z
  .object({
    employeeNo: z.string().trim().min(1).max(32),
    name: z.string().trim().min(1).max(20),
    department: z.string().trim().max(40).default(''),
    /** The last 4 digits of the phone HQ has on file. */
    phoneTail: z.string().regex(/^\d{4}$/).optional(),
    /** A code HQ hands out instead, for employees without a phone on file. */
    inviteCode: z.string().trim().min(6).max(32).optional(),
  })
  .strict()
  .refine((row) => row.phoneTail || row.inviteCode, 'phoneTail or inviteCode')
export type RosterRow = z.output<typeof rosterRowInput>

export const ROSTER_FIELDS = ['employeeNo', 'name', 'department', 'phoneTail', 'inviteCode'] as const
export type RosterField = (typeof ROSTER_FIELDS)[number]
const REQUIRED_COLUMNS: readonly RosterField[] = ['employeeNo', 'name']

/** Why a row of a roster file cannot be imported. */
export const ROSTER_ROW_PROBLEMS = ['missing', 'too_long', 'phone_tail_format', 'invite_code_length', 'code_missing', 'duplicate_in_file'] as const
export type RosterRowProblem = (typeof ROSTER_ROW_PROBLEMS)[number]

/**
 * One problem of one row. `row` is the row's number as the spreadsheet shows it (the header is row 1),
 * so HQ can go straight to it; a duplicate also names the row that first had the number.
 */
export interface RosterRowIssue {
  row: number
  field: RosterField | null
  problem: RosterRowProblem
  firstRow?: number
}

/** A file's rows: those that may be imported, with their row numbers, and every problem found. */
export interface RosterTable {
  rows: Array<{ row: number; entry: RosterRow }>
  issues: RosterRowIssue[]
}

/** The file as a whole cannot be read as a roster: no header row, or required columns missing. */
export type RosterTableRefusal = { missingColumns: RosterField[] }

/**
 * Reads a roster spreadsheet's records (the first is the header) into rows. `headers` names, per
 * field, the column titles HQ may use (the words live with the client's language table); unknown
 * columns are ignored, blank lines skipped but counted, so row numbers stay those of the spreadsheet.
 * Every row is checked by `rosterRowInput`, and an employee number that appears twice is a problem of
 * each later row: the file does not say which one HQ meant.
 */
export function readRosterTable(records: string[][], headers: Record<RosterField, readonly string[]>): { ok: true; table: RosterTable } | { ok: false; refusal: RosterTableRefusal } {
  const header = (records[0] ?? []).map((title) => normalizeTitle(title))
  const columnOf = new Map<RosterField, number>()
  for (const field of ROSTER_FIELDS) {
    const index = header.findIndex((title) => headers[field].some((known) => normalizeTitle(known) === title))
    if (index >= 0) columnOf.set(field, index)
  }
  const missingColumns = REQUIRED_COLUMNS.filter((field) => !columnOf.has(field))
  if (missingColumns.length > 0) return { ok: false, refusal: { missingColumns } }

  const table: RosterTable = { rows: [], issues: [] }
  const firstRowOf = new Map<string, number>()
  records.slice(1).forEach((record, index) => {
    const row = index + 2
    if (record.every((cell) => cell.trim() === '')) return
    const raw: Partial<Record<RosterField, string>> = {}
    for (const [field, column] of columnOf) {
      const cell = (record[column] ?? '').trim()
      // An empty optional cell is "not given", as if the column were not there.
      if (cell !== '' || REQUIRED_COLUMNS.includes(field)) raw[field] = cell
    }
    const parsed = rosterRowInput.safeParse(raw)
    if (!parsed.success) {
      table.issues.push(...parsed.error.issues.map((issue) => issueOf(row, issue)))
      return
    }
    const first = firstRowOf.get(parsed.data.employeeNo)
    if (first !== undefined) {
      table.issues.push({ row, field: 'employeeNo', problem: 'duplicate_in_file', firstRow: first })
      return
    }
    firstRowOf.set(parsed.data.employeeNo, row)
    table.rows.push({ row, entry: parsed.data })
  })
  return { ok: true, table }
}

/** Column titles compare without spaces or case: `工号 `, `Employee No` and `employeeno` are one. */
const normalizeTitle = (title: string) => title.replace(/\s+/g, '').toLowerCase()

function issueOf(row: number, issue: z.ZodIssue): RosterRowIssue {
  const field = (ROSTER_FIELDS as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as RosterField) : null
  if (issue.code === 'custom') return { row, field: null, problem: 'code_missing' }
  if (issue.code === 'too_big') return { row, field, problem: 'too_long' }
  if (field === 'phoneTail') return { row, field, problem: 'phone_tail_format' }
  if (field === 'inviteCode') return { row, field, problem: 'invite_code_length' }
  return { row, field, problem: 'missing' }
}

/** The fields an import sets on a roster entry: the file is HQ's truth for them. */
export const rosterDetails = (row: RosterRow) => ({
  name: row.name,
  department: row.department,
  phoneTail: row.phoneTail ?? null,
  inviteCode: row.inviteCode ?? null,
})
export type RosterDetails = ReturnType<typeof rosterDetails>

/** Whether an entry already holds these details: such a row needs no write. */
export const sameDetails = (entry: RosterDetails, row: RosterRow): boolean => {
  const next = rosterDetails(row)
  return (Object.keys(next) as Array<keyof RosterDetails>).every((key) => entry[key] === next[key])
}
