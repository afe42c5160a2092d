/**
 * Roster rows as HQ pastes them from a spreadsheet: one employee a line, cells split by tabs (what
 * Excel and WPS copy) or commas, in the order 工号, 姓名, 部门, 手机后四位 or 邀请码 (a code of 4 digits
 * is a phone tail, anything else an invitation code). A header line is skipped. The server validates
 * every row; this only shapes them.
 */
export interface PastedRow {
  employeeNo: string
  name: string
  department: string
  phoneTail?: string
  inviteCode?: string
}

const HEADER = /^\s*工号/

export function parseRosterText(text: string): PastedRow[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !HEADER.test(line))
    .map((line) => {
      const [employeeNo = '', name = '', department = '', code = ''] = line.split(/\t|,|，/).map((cell) => cell.trim())
      const row: PastedRow = { employeeNo, name, department }
      if (/^\d{4}$/.test(code)) row.phoneTail = code
      else if (code) row.inviteCode = code
      return row
    })
}
