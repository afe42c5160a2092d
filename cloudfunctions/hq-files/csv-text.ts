import Papa from 'papaparse'
import { FORMULA_CELL } from '../../src/core/exports'

const BOM = '\uFEFF'

/**
 * A CSV file's text. Excel saves "CSV UTF-8" with a byte-order mark and plain "CSV" on a Chinese
 * Windows in GBK (code page 936); a file that is not valid UTF-8 is read as GB18030, GBK's superset.
 * Node's TextDecoder knows GB18030 through its ICU data (official builds carry it all), so no
 * encoding tables are bundled; null when neither fits.
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
      return text.startsWith(BOM) ? text.slice(BOM.length) : text
    } catch {
      // not this encoding: try the next one
    }
  }
  return null
}

/** The records of a CSV text, every cell a string; blank lines are kept so record numbers are row numbers. */
export function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, dynamicTyping: false }).data
}

/**
 * A CSV file Excel opens with its Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, cells
 * quoted when they need it, and formula-like cells neutralised (FORMULA_CELL).
 */
export function csvFile(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Buffer {
  const text = Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { newline: '\r\n', escapeFormulae: FORMULA_CELL })
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8')
}
