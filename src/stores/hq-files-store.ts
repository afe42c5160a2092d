import { makeAutoObservable, runInAction } from 'mobx'
import type { ExportFile, RosterImportReport, RosterRowsInvalid } from '../contracts/hq-files'
import { hqFilesFunction } from '../contracts/functions'
import type { ExportKind } from '../core/exports'
import type { CloudClient } from '../services/cloud'
import type { FileService } from '../services/files'
import { attempt, IDLE, track, type LoadState, type Outcome } from './load-state'

/** Where roster files go in cloud storage: the function takes files from this folder only. */
const ROSTER_FOLDER = 'roster-imports'

/** How an import ended: the report, or the refusal (for ROSTER_ROWS_INVALID with every problem by row). */
export type RosterImportOutcome = { ok: true; report: RosterImportReport } | { ok: false; message: string; rowsInvalid: RosterRowsInvalid | null }

/** HQ's files: the roster imported from a CSV, and CSV exports to download. */
export class HqFilesStore {
  importing = false
  lastImport: RosterImportOutcome | null = null
  exported: LoadState<ExportFile> = IDLE

  constructor(
    private readonly cloud: CloudClient,
    private readonly files: FileService,
  ) {
    makeAutoObservable<HqFilesStore, 'cloud' | 'files'>(this, { cloud: false, files: false })
  }

  reset(): void {
    this.lastImport = null
    this.exported = IDLE
  }

  /** Picks a CSV, uploads it and imports it; nothing happens if no file was picked. */
  async importRosterFile(): Promise<void> {
    this.importing = true
    const outcome = await attempt(async () => {
      const fileID = await this.files.uploadCsv(ROSTER_FOLDER)
      return fileID ? this.cloud.call(hqFilesFunction, 'importRosterFile', { fileID }) : null
    })
    runInAction(() => {
      this.importing = false
      if (outcome.ok && outcome.data === null) return
      this.lastImport = outcome.ok
        ? { ok: true, report: outcome.data! }
        : { ok: false, message: outcome.error.message, rowsInvalid: outcome.error.code === 'ROSTER_ROWS_INVALID' ? (outcome.error.details as unknown as RosterRowsInvalid) : null }
    })
  }

  exportCsv(kind: ExportKind, from: string, to: string): Promise<void> {
    return track(() => this.cloud.call(hqFilesFunction, 'exportCsv', { kind, from, to }), (state) => { this.exported = state })
  }

  keep(file: ExportFile): Promise<Outcome<void>> {
    return attempt(() => this.files.keep(file.url, file.fileName))
  }
}
