import type { RosterImportReport, RosterRowsInvalid } from '../../src/contracts/hq-files'
import { Result, fail, ok } from '../../src/core/result'
import { type RosterRow, readRosterTable, rosterDetails, sameDetails } from '../../src/core/roster'
import { ROSTER_COLUMN_TITLES } from '../../src/i18n/zh-CN'
import { _, db } from '../_shared/database'
import { ROSTER, type RosterEntry, newRosterEntry } from '../_shared/roster'
import { readFile } from '../_shared/wechat-files'
import { decodeCsv, parseCsv } from './csv-text'

/** The most rows one file may hold: 10,000 import well within the function's 60 s. */
export const ROSTER_MAX_ROWS = 10_000
/** Problems sent back by row; the count says how many more there are. */
export const ROSTER_ISSUES_SHOWN = 200
/** Documents a read or a batch insert carries: the server SDK's cap for a read is 1000. */
const READ_BATCH = 1000
const INSERT_BATCH = 500
/** Known employees whose details changed are one update each, this many at once. */
const UPDATE_PARALLEL = 20

export const ROSTER_IMPORTS = 'roster_imports'

interface ImportRecord {
  fileID: string
  byOpenid: string
  at: Date
  outcome: 'imported' | 'refused'
  rows: number
  added: number
  updated: number
  unchanged: number
  issueCount: number
}

/**
 * Imports HQ's roster file, all or nothing. Every row is checked first (the core's rosterRowInput,
 * duplicates within the file); if any has a problem, nothing is written and every problem is answered
 * by row number: a roster is HQ's list of who may sell, and half of it imported is a list nobody asked
 * for — HQ fixes the sheet and imports it again. A known employee number updates that employee's name,
 * department and codes (the sheet from HR is the truth; re-importing the whole sheet is the normal
 * monthly job); who verified, their shop and an offboarding are kept, as with `importRoster`.
 *
 * Writes are batched: the known entries are read 1000 ids a request, new ones inserted 500 a request,
 * and only rows whose details changed are updated. Should the run stop half way (a timeout), importing
 * the same file again finishes it: what was written now reads as unchanged.
 */
export async function importRosterFile(fileID: string, admin: string, now: Date): Promise<Result<RosterImportReport>> {
  let bytes: Buffer
  try {
    bytes = await readFile(fileID)
  } catch (error) {
    console.warn(`roster import: cannot read ${fileID}`, error)
    return fail('ROSTER_FILE_UNREADABLE')
  }
  const text = decodeCsv(bytes)
  if (text === null) return fail('ROSTER_FILE_ENCODING')
  const records = parseCsv(text)
  // Blank lines (Excel leaves some at the end) are not rows.
  const rowCount = records.slice(1).filter((record) => record.some((cell) => cell.trim() !== '')).length
  if (rowCount > ROSTER_MAX_ROWS) return fail('ROSTER_FILE_TOO_LARGE', { maxRows: ROSTER_MAX_ROWS })
  const read = readRosterTable(records, ROSTER_COLUMN_TITLES)
  if (!read.ok) return fail('ROSTER_FILE_COLUMNS', { missingColumns: read.refusal.missingColumns })
  const { rows, issues } = read.table
  if (rowCount === 0) return fail('ROSTER_FILE_EMPTY')

  const record = (outcome: ImportRecord['outcome'], counts: Pick<ImportRecord, 'added' | 'updated' | 'unchanged'>) =>
    db.collection<ImportRecord>(ROSTER_IMPORTS).add({ data: { fileID, byOpenid: admin, at: now, outcome, rows: rowCount, ...counts, issueCount: issues.length } })

  if (issues.length > 0) {
    await record('refused', { added: 0, updated: 0, unchanged: 0 })
    return fail('ROSTER_ROWS_INVALID', { rows: rowCount, issueCount: issues.length, issues: issues.slice(0, ROSTER_ISSUES_SHOWN) } satisfies RosterRowsInvalid)
  }

  const { inactive, ...counts } = await writeRows(rows.map((r) => r.entry), now)
  const { _id } = await record('imported', counts)
  const inactiveNos = new Set(inactive)
  return ok({
    importId: _id,
    rows: rowCount,
    added: counts.added,
    updated: counts.updated,
    unchanged: counts.unchanged,
    inactive: rows.filter((r) => inactiveNos.has(r.entry.employeeNo)).map((r) => r.row).slice(0, ROSTER_ISSUES_SHOWN),
  })
}

interface Written {
  added: number
  updated: number
  unchanged: number
  /** Employee numbers of offboarded employees the file names. */
  inactive: string[]
}

async function writeRows(rows: RosterRow[], now: Date): Promise<Written> {
  const written: Written = { added: 0, updated: 0, unchanged: 0, inactive: [] }
  for (let i = 0; i < rows.length; i += READ_BATCH) {
    const batch = rows.slice(i, i + READ_BATCH)
    const known = await knownEntries(batch.map((row) => row.employeeNo))
    const fresh: RosterRow[] = []
    const changed: RosterRow[] = []
    for (const row of batch) {
      const entry = known.get(row.employeeNo)
      if (!entry) fresh.push(row)
      else {
        if (!entry.active) written.inactive.push(row.employeeNo)
        if (sameDetails(entry, row)) written.unchanged++
        else changed.push(row)
      }
    }
    for (let j = 0; j < fresh.length; j += INSERT_BATCH) {
      const more = await insertRows(fresh.slice(j, j + INSERT_BATCH), now)
      written.added += more.added
      changed.push(...more.known)
    }
    for (let j = 0; j < changed.length; j += UPDATE_PARALLEL) {
      await Promise.all(changed.slice(j, j + UPDATE_PARALLEL).map((row) => updateDetails(row, now)))
      written.updated += Math.min(UPDATE_PARALLEL, changed.length - j)
    }
  }
  return written
}

/** The roster entries with these employee numbers (ids), at most READ_BATCH: one request, by the _id index. */
async function knownEntries(employeeNos: string[]): Promise<Map<string, RosterEntry>> {
  const { data } = await db.collection<RosterEntry>(ROSTER).where({ _id: _.in(employeeNos) }).limit(READ_BATCH).get()
  return new Map(data.map((entry) => [entry._id, entry]))
}

/**
 * Inserts new entries in one request. If someone added one of them meanwhile (another import, at the
 * same time), the insert is refused: the batch is read again, and the ones now known are answered to
 * be updated instead, the rest inserted.
 */
async function insertRows(rows: RosterRow[], now: Date): Promise<{ added: number; known: RosterRow[] }> {
  const insert = (list: RosterRow[]) => db.collection<RosterEntry>(ROSTER).add({ data: list.map((row) => ({ _id: row.employeeNo, ...newRosterEntry(row, now) })) })
  try {
    await insert(rows)
    return { added: rows.length, known: [] }
  } catch (error) {
    console.warn(`roster import: a batch insert was refused, reading it again`, error)
    const known = await knownEntries(rows.map((row) => row.employeeNo))
    const fresh = rows.filter((row) => !known.has(row.employeeNo))
    if (fresh.length > 0) await insert(fresh)
    return { added: fresh.length, known: rows.filter((row) => known.has(row.employeeNo)) }
  }
}

/** Sets only the details: a verification or an offboarding written meanwhile stays as it is. */
const updateDetails = (row: RosterRow, now: Date) => db.collection<RosterEntry>(ROSTER).doc(row.employeeNo).update({ data: { ...rosterDetails(row), updatedAt: now } })
