import { describe, expect, it } from 'vitest'
import { parseRosterText } from '../../../src/package-hq/pages/roster/roster-text'

describe('roster rows pasted from a spreadsheet', () => {
  it('reads tab- or comma-separated lines, skips the header and blank lines, and tells a phone tail from an invitation code', () => {
    const pasted = '工号\t姓名\t部门\t手机后四位\nE2001\t宋佳\t财务部\t1111\r\n\nE2002，沈涛，市场部，WELCOME-2002\nE2003,许诺,,0519'
    expect(parseRosterText(pasted)).toEqual([
      { employeeNo: 'E2001', name: '宋佳', department: '财务部', phoneTail: '1111' },
      { employeeNo: 'E2002', name: '沈涛', department: '市场部', inviteCode: 'WELCOME-2002' },
      { employeeNo: 'E2003', name: '许诺', department: '', phoneTail: '0519' },
    ])
  })

  it('keeps a short line as it is, for the server to refuse with the row number', () => {
    expect(parseRosterText('E2004')).toEqual([{ employeeNo: 'E2004', name: '', department: '' }])
  })
})
